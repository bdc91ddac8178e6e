import type { PermissionCode } from '@concord/contracts';
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { workflowPermissions } from '../modules/approvals/shared/permissions';

// Pages load on demand so the login page does not wait for every module's code.
const HomePage = lazy(() => import('../modules/home/HomePage'));
const ProfilePage = lazy(() => import('../modules/account/ProfilePage'));
const ChangePasswordPage = lazy(() => import('../modules/account/ChangePasswordPage'));
const EntitiesPage = lazy(() => import('../modules/system/entities/EntitiesPage'));
const DepartmentsPage = lazy(() => import('../modules/system/departments/DepartmentsPage'));
const PositionsPage = lazy(() => import('../modules/system/positions/PositionsPage'));
const UsersPage = lazy(() => import('../modules/system/users/UsersPage'));
const RolesPage = lazy(() => import('../modules/system/roles/RolesPage'));
const AuditPage = lazy(() => import('../modules/system/audit/AuditPage'));
const NotificationsPage = lazy(() => import('../modules/notifications/NotificationsPage'));
const RobotsPage = lazy(() => import('../modules/notifications/RobotsPage'));
const FormDefinitionsPage = lazy(() => import('../modules/forms/FormDefinitionsPage'));
const ApprovalCentrePage = lazy(() => import('../modules/approvals/centre/ApprovalCentrePage'));
const NewApprovalPage = lazy(() => import('../modules/approvals/centre/NewApprovalPage'));
const ApprovalDetailPage = lazy(() => import('../modules/approvals/detail/ApprovalDetailPage'));
const FlowDefinitionsPage = lazy(() => import('../modules/approvals/designer/FlowDefinitionsPage'));
const FlowDesignerPage = lazy(() => import('../modules/approvals/designer/FlowDesignerPage'));
const ContractLedgerPage = lazy(() => import('../modules/contracts/ledger/ContractLedgerPage'));
const ContractFormPage = lazy(() => import('../modules/contracts/form/ContractFormPage'));
const ContractDetailPage = lazy(() => import('../modules/contracts/detail/ContractDetailPage'));
const ContractBorrowsPage = lazy(() => import('../modules/contracts/archive/BorrowsPage'));
const ContractCategoriesPage = lazy(() => import('../modules/contracts/categories/ContractCategoriesPage'));
const ContractPlansPage = lazy(() => import('../modules/contracts/plans/ContractPlansPage'));
const ContractExceptionsPage = lazy(() => import('../modules/contracts/exceptions/ContractExceptionsPage'));
const ExecutionSettingsPage = lazy(() => import('../modules/contracts/exceptions/ExecutionSettingsPage'));
const ContractOverduePage = lazy(() => import('../modules/contracts/overdue/ContractOverduePage'));
const ContractOversightPage = lazy(() => import('../modules/contracts/oversight/ContractOversightPage'));
const PartnersPage = lazy(() => import('../modules/partners/PartnersPage'));
const PartnerDetailPage = lazy(() => import('../modules/partners/PartnerDetailPage'));
const InvoicesPage = lazy(() => import('../modules/invoices/InvoicesPage'));
const NumberingRulesPage = lazy(() => import('../modules/system/numbering/NumberingRulesPage'));

function guarded(permission: PermissionCode, Page: LazyExoticComponent<ComponentType>) {
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account/profile', element: <ProfilePage /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'system/entities', element: guarded('org.entity.view', EntitiesPage) },
      { path: 'system/departments', element: guarded('org.department.view', DepartmentsPage) },
      { path: 'system/positions', element: guarded('org.position.view', PositionsPage) },
      { path: 'system/users', element: guarded('org.user.view', UsersPage) },
      { path: 'system/roles', element: guarded('iam.role.view', RolesPage) },
      { path: 'system/audit', element: guarded('audit.view', AuditPage) },
      { path: 'system/robots', element: guarded('notification.robot.view', RobotsPage) },
      { path: 'system/forms', element: guarded('form.definition.view', FormDefinitionsPage) },
      { path: 'approvals', element: <ApprovalCentrePage /> },
      { path: 'approvals/new', element: <NewApprovalPage /> },
      { path: 'approvals/:id', element: <ApprovalDetailPage /> },
      { path: 'system/flows', element: guarded(workflowPermissions.definitionView, FlowDefinitionsPage) },
      { path: 'system/flows/:id', element: guarded(workflowPermissions.definitionView, FlowDesignerPage) },
      { path: 'contracts', element: guarded('contract.view', ContractLedgerPage) },
      { path: 'contracts/new', element: guarded('contract.create', ContractFormPage) },
      { path: 'contracts/borrows', element: guarded('contract.archive', ContractBorrowsPage) },
      { path: 'contracts/categories', element: guarded('contract.category.view', ContractCategoriesPage) },
      { path: 'contracts/plans', element: guarded('contract.plan.view', ContractPlansPage) },
      { path: 'contracts/exceptions', element: guarded('contract.view', ContractExceptionsPage) },
      { path: 'contracts/overdue', element: guarded('contract.view', ContractOverduePage) },
      { path: 'contracts/oversight', element: guarded('contract.oversight', ContractOversightPage) },
      { path: 'contracts/settings', element: guarded('contract.view', ExecutionSettingsPage) },
      { path: 'contracts/:id', element: guarded('contract.view', ContractDetailPage) },
      { path: 'contracts/:id/edit', element: guarded('contract.create', ContractFormPage) },
      { path: 'partners', element: guarded('partner.view', PartnersPage) },
      { path: 'partners/:id', element: guarded('partner.view', PartnerDetailPage) },
      { path: 'system/numbering', element: guarded('numbering.rule.view', NumberingRulesPage) },
      { path: 'invoices', element: guarded('invoice.view', InvoicesPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
