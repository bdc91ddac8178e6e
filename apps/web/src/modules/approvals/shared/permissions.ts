import type { PermissionCode } from '@concord/contracts';

/** The workflow permissions the approval pages check, named once for the menu, router and pages. */
export const workflowPermissions = {
  definitionView: 'workflow.definition.view',
  definitionManage: 'workflow.definition.manage',
  instanceAdmin: 'workflow.instance.admin',
} as const satisfies Record<string, PermissionCode>;
