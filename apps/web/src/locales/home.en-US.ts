import type { homeZhCN } from './home.zh-CN';

/** Home page (workbench) strings (en-US): the keys of zh-CN. */
export const homeEnUS: typeof homeZhCN = {
  home: {
    welcome: 'Hello, {{name}}',
    welcomeHint: 'Welcome to Concord.',
    actingEntity: 'Acting legal entity',
    department: 'Department',
    roles: 'My roles',
    position: 'Position',
    todo: 'Waiting for my approval',
    noTodo: 'Nothing waits for your approval.',
    submitted: 'Submitted by me',
    noSubmitted: 'You have not submitted any approval yet.',
    reminders: 'Reminders',
    noReminders: 'No unread reminders.',
    all: 'See all',
    attention: {
      title: 'Needs my attention',
      count: '{{n}} in all',
      allOf: 'See all: {{what}}',
      overdue: 'Overdue collections',
      overdueDetail: '{{item}} · {{days}} days overdue · {{amount}} open',
      noOverdue: 'Nothing is overdue on the contracts you own.',
      ending: 'Contracts ending soon',
      endsOn: 'Ends {{date}} (in {{days}} days)',
      endedOn: 'Ended {{date}}, still in force',
      noEnding: 'None of your contracts ends within {{days}} days.',
      qualifications: 'Qualifications expiring',
      qualificationDetail: '{{type}} · ends {{date}} (in {{days}} days)',
      noQualifications: 'No partner qualification ends within {{days}} days.',
    },
    recent: {
      title: 'Recent records',
      empty:
        'You have not changed any record lately. Contracts, partners and approvals you work on show here.',
    },
    shortcuts: {
      todo: 'My approvals to do',
      newContract: 'Register a contract',
      contracts: 'Contract register',
      importContracts: 'Import contracts',
      collections: 'Collections',
      invoices: 'Invoices',
      partners: 'Partners',
      newApproval: 'Start an approval',
    },
    quickLinks: 'Quick links',
    noQuickLinks: 'No functions are available to you yet.',
    otherEntities: 'Legal entities you can switch to',
  },
};
