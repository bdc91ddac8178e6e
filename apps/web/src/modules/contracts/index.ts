import {
  AlertOutlined,
  ClusterOutlined,
  ControlOutlined,
  DiffOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  InboxOutlined,
  ProjectOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { contractArchiveEnUS } from '../../locales/contractArchive.en-US';
import { contractArchiveZhCN } from '../../locales/contractArchive.zh-CN';
import { contractExecutionClosingEnUS } from '../../locales/contractExecutionClosing.en-US';
import { contractExecutionClosingZhCN } from '../../locales/contractExecutionClosing.zh-CN';
import { contractExecutionCollectionsEnUS } from '../../locales/contractExecutionCollections.en-US';
import { contractExecutionCollectionsZhCN } from '../../locales/contractExecutionCollections.zh-CN';
import { contractExecutionMatchingEnUS } from '../../locales/contractExecutionMatching.en-US';
import { contractExecutionMatchingZhCN } from '../../locales/contractExecutionMatching.zh-CN';
import { contractExecutionPaymentsEnUS } from '../../locales/contractExecutionPayments.en-US';
import { contractExecutionPaymentsZhCN } from '../../locales/contractExecutionPayments.zh-CN';
import { contractExecutionScheduleEnUS } from '../../locales/contractExecutionSchedule.en-US';
import { contractExecutionScheduleZhCN } from '../../locales/contractExecutionSchedule.zh-CN';
import { contractSetupEnUS } from '../../locales/contractSetup.en-US';
import { contractSetupZhCN } from '../../locales/contractSetup.zh-CN';
import { contractsEnUS } from '../../locales/contracts.en-US';
import { contractsZhCN } from '../../locales/contracts.zh-CN';

const zhCN = {
  ...contractsZhCN,
  ...contractSetupZhCN,
  ...contractArchiveZhCN,
  ...contractExecutionClosingZhCN,
  ...contractExecutionScheduleZhCN,
  ...contractExecutionMatchingZhCN,
  ...contractExecutionPaymentsZhCN,
  ...contractExecutionCollectionsZhCN,
};

const ContractFormPage = lazyPage(() => import('./form/ContractFormPage'));

/**
 * Contracts (合同管理): the register, the contract form and detail, archive and borrowing, categories,
 * plans, execution exceptions, overdue collections, group oversight and execution settings.
 */
export const contractsModule: WebModule<typeof zhCN> = {
  name: 'contracts',
  routes: [
    {
      path: '/contracts',
      permission: 'contract.view',
      page: lazyPage(() => import('./ledger/ContractLedgerPage')),
      prefetch: (target) => void import('./ledger/ledgerQueries').then((m) => m.prefetchLedger(target)),
    },
    { path: '/contracts/new', permission: 'contract.create', page: ContractFormPage },
    {
      path: '/contracts/borrows',
      permission: 'contract.archive',
      page: lazyPage(() => import('./archive/BorrowsPage')),
    },
    {
      path: '/contracts/categories',
      permission: 'contract.category.view',
      page: lazyPage(() => import('./categories/ContractCategoriesPage')),
    },
    {
      path: '/contracts/plans',
      permission: 'contract.plan.view',
      page: lazyPage(() => import('./plans/ContractPlansPage')),
    },
    {
      path: '/contracts/exceptions',
      permission: 'contract.view',
      page: lazyPage(() => import('./exceptions/ContractExceptionsPage')),
    },
    {
      path: '/contracts/overdue',
      permission: 'contract.view',
      page: lazyPage(() => import('./overdue/ContractOverduePage')),
    },
    {
      path: '/contracts/oversight',
      permission: 'contract.oversight',
      page: lazyPage(() => import('./oversight/ContractOversightPage')),
    },
    {
      // Reading the settings in force needs contract.view, as on the server; each row says whether
      // the caller may change it (contract.settings in that company), and only then offers the edit.
      path: '/contracts/settings',
      permission: 'contract.view',
      page: lazyPage(() => import('./exceptions/ExecutionSettingsPage')),
    },
    {
      path: '/contracts/:id',
      permission: 'contract.view',
      page: lazyPage(() => import('./detail/ContractDetailPage')),
    },
    { path: '/contracts/:id/edit', permission: 'contract.create', page: ContractFormPage },
  ],
  // The register and what it uses; partners (20) and invoices (90) sit here too.
  menuSections: [{ key: 'contracts', labelKey: 'contracts.menuSection', icon: FileTextOutlined, order: 30 }],
  menu: [
    {
      key: 'contracts',
      labelKey: 'contracts.menuLabel',
      icon: FileTextOutlined,
      path: '/contracts',
      permission: 'contract.view',
      section: 'contracts',
      order: 10,
    },
    {
      key: 'contract-borrows',
      labelKey: 'contractArchive.menuLabel',
      icon: InboxOutlined,
      path: '/contracts/borrows',
      permission: 'contract.archive',
      section: 'contracts',
      order: 30,
    },
    {
      key: 'contract-categories',
      labelKey: 'contractSetup.menu.categories',
      icon: ClusterOutlined,
      path: '/contracts/categories',
      permission: 'contract.category.view',
      section: 'contracts',
      order: 40,
    },
    {
      key: 'contract-plans',
      labelKey: 'contractSetup.menu.plans',
      icon: ProjectOutlined,
      path: '/contracts/plans',
      permission: 'contract.plan.view',
      section: 'contracts',
      order: 50,
    },
    {
      key: 'contract-exceptions',
      labelKey: 'contractExceptions.menuLabel',
      icon: DiffOutlined,
      path: '/contracts/exceptions',
      permission: 'contract.view',
      section: 'contracts',
      order: 60,
    },
    {
      key: 'contract-overdue',
      labelKey: 'contractOverdue.menuLabel',
      icon: FieldTimeOutlined,
      path: '/contracts/overdue',
      permission: 'contract.view',
      section: 'contracts',
      order: 70,
    },
    {
      key: 'contract-oversight',
      labelKey: 'contractOversight.menuLabel',
      icon: AlertOutlined,
      path: '/contracts/oversight',
      permission: 'contract.oversight',
      section: 'contracts',
      order: 80,
    },
    {
      key: 'contract-settings',
      labelKey: 'contractSettings.menuLabel',
      icon: ControlOutlined,
      path: '/contracts/settings',
      permission: 'contract.view',
      section: 'contracts',
      order: 100,
    },
  ],
  locales: {
    'zh-CN': zhCN,
    'en-US': {
      ...contractsEnUS,
      ...contractSetupEnUS,
      ...contractArchiveEnUS,
      ...contractExecutionClosingEnUS,
      ...contractExecutionScheduleEnUS,
      ...contractExecutionMatchingEnUS,
      ...contractExecutionPaymentsEnUS,
      ...contractExecutionCollectionsEnUS,
    },
  },
};
