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
    quickLinks: 'Quick links',
    noQuickLinks: 'No functions are available to you yet.',
    otherEntities: 'Legal entities you can switch to',
  },
};
