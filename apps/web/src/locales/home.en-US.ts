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
    permissions: 'My permissions',
    permissionCount: '{{count}} permissions in the acting legal entity',
    noPermissions:
      'You hold no permissions in the acting legal entity yet; ask your administrator for a role.',
    quickLinks: 'Quick links',
    noQuickLinks: 'No functions are available to you yet.',
    otherEntities: 'Legal entities you can switch to',
  },
};
