import { BranchesOutlined, CheckSquareOutlined, MonitorOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { approvalsEnUS } from '../../locales/approvals.en-US';
import { approvalsZhCN } from '../../locales/approvals.zh-CN';
import { workflowPermissions } from './shared/permissions';

const FlowDefinitionsPage = lazyPage(() => import('./designer/FlowDefinitionsPage'));
const FlowDesignerPage = lazyPage(() => import('./designer/FlowDesignerPage'));

/** The approval centre (for everyone signed in), approval detail and the flow designer. */
export const approvalsModule: WebModule<typeof approvalsZhCN> = {
  name: 'approvals',
  routes: [
    { path: '/approvals', page: lazyPage(() => import('./centre/ApprovalCentrePage')) },
    { path: '/approvals/new', page: lazyPage(() => import('./centre/NewApprovalPage')) },
    { path: '/approvals/:id', page: lazyPage(() => import('./detail/ApprovalDetailPage')) },
    { path: '/system/flows', permission: workflowPermissions.definitionView, page: FlowDefinitionsPage },
    { path: '/system/flows/:id', permission: workflowPermissions.definitionView, page: FlowDesignerPage },
    {
      path: '/system/approval-monitor',
      permission: workflowPermissions.instanceAdmin,
      page: lazyPage(() => import('./monitor/ApprovalMonitorPage')),
    },
  ],
  menu: [
    // Top level, for everyone: everyone has approvals to do or to start.
    {
      key: 'approvals',
      labelKey: 'approvals.menuLabel',
      icon: CheckSquareOutlined,
      path: '/approvals',
      order: 20,
    },
    {
      key: 'flows',
      labelKey: 'flows.menuLabel',
      icon: BranchesOutlined,
      path: '/system/flows',
      permission: workflowPermissions.definitionView,
      section: 'system',
      order: 70,
    },
    {
      key: 'approval-monitor',
      labelKey: 'approvals.monitor.menuLabel',
      icon: MonitorOutlined,
      path: '/system/approval-monitor',
      permission: workflowPermissions.instanceAdmin,
      section: 'system',
      order: 71,
    },
  ],
  locales: { 'zh-CN': approvalsZhCN, 'en-US': approvalsEnUS },
};
