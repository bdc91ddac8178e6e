import { commonActionLabels as common, type PermissionGroup } from './permission-types.js';

export const partnersPermissionGroups = [
  {
    key: 'partner',
    label: { 'zh-CN': '合作伙伴', 'en-US': 'Partners' },
    actions: [
      {
        code: 'partner.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head', 'staff'],
      },
      {
        code: 'partner.manage',
        label: common.edit,
        roles: ['entity_admin', 'legal', 'dept_head'],
      },
      {
        code: 'partner.blacklist',
        label: { 'zh-CN': '拉黑/解除', 'en-US': 'Blacklist / restore' },
        roles: ['legal'],
      },
      {
        code: 'partner.export',
        label: common.export,
        roles: ['general_manager', 'legal'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const contractsPermissionGroups = [
  {
    key: 'contract.category',
    label: { 'zh-CN': '合同类别', 'en-US': 'Contract categories' },
    actions: [
      {
        code: 'contract.category.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head', 'staff'],
      },
      {
        code: 'contract.category.manage',
        label: common.manage,
        roles: ['entity_admin', 'legal'],
      },
    ],
  },
  {
    key: 'contract.plan',
    label: { 'zh-CN': '合同规划', 'en-US': 'Contract planning' },
    actions: [
      {
        code: 'contract.plan.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head'],
      },
      {
        code: 'contract.plan.manage',
        label: common.manage,
        roles: ['legal'],
      },
    ],
  },
  {
    key: 'contract',
    label: { 'zh-CN': '合同', 'en-US': 'Contracts' },
    actions: [
      {
        code: 'contract.view',
        label: { 'zh-CN': '查看台账', 'en-US': 'View ledger' },
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head', 'staff'],
      },
      {
        code: 'contract.create',
        label: { 'zh-CN': '登记/编辑/提交', 'en-US': 'Register / edit / submit' },
        roles: ['entity_admin', 'legal', 'dept_head', 'staff'],
      },
      {
        code: 'contract.manage',
        label: { 'zh-CN': '签订/终止/作废/完成', 'en-US': 'Sign / terminate / void / complete' },
        roles: ['general_manager', 'legal'],
      },
      {
        code: 'contract.change',
        label: { 'zh-CN': '变更', 'en-US': 'Change orders' },
        roles: ['entity_admin', 'legal', 'dept_head'],
      },
      {
        code: 'contract.archive',
        label: { 'zh-CN': '归档/借阅', 'en-US': 'Archive / borrowing' },
        roles: ['entity_admin', 'legal'],
      },
      {
        code: 'contract.seal',
        label: { 'zh-CN': '用印申请', 'en-US': 'Seal use requests' },
        roles: ['entity_admin', 'legal', 'dept_head'],
      },
      {
        code: 'contract.export',
        label: common.export,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head'],
      },
      { code: 'contract.import', label: { 'zh-CN': '导入', 'en-US': 'Import' }, roles: ['legal'] },
      {
        code: 'contract.delivery',
        label: { 'zh-CN': '交付/验收', 'en-US': 'Deliveries / acceptance' },
        roles: ['entity_admin', 'legal', 'dept_head'],
      },
      {
        code: 'contract.settings',
        label: {
          'zh-CN': '执行设置（容差/催收天数）',
          'en-US': 'Execution settings (tolerance / collection days)',
        },
        roles: ['entity_admin', 'general_manager'],
      },
      {
        code: 'contract.settle',
        label: { 'zh-CN': '结算/质保金释放', 'en-US': 'Settlement / retention release' },
        roles: ['entity_admin', 'legal', 'dept_head'],
      },
      {
        code: 'contract.evaluate',
        label: { 'zh-CN': '回归评价', 'en-US': 'Closing evaluation' },
        roles: ['entity_admin', 'general_manager', 'legal', 'dept_head'],
      },
      {
        code: 'contract.invoice',
        label: { 'zh-CN': '登记/关联发票', 'en-US': 'Register / link invoices' },
        roles: ['entity_admin', 'finance', 'legal', 'dept_head'],
      },
      {
        code: 'contract.payment',
        label: { 'zh-CN': '付款申请/收款/退款登记', 'en-US': 'Payment requests / receipts / refunds' },
        // The general manager requests advance payments: overriding presupposes requesting.
        roles: ['entity_admin', 'general_manager', 'legal', 'dept_head'],
      },
      {
        code: 'contract.pay',
        label: { 'zh-CN': '执行付款（财务）', 'en-US': 'Execute payments (finance)' },
        roles: ['entity_admin', 'finance'],
      },
      {
        code: 'contract.override',
        label: { 'zh-CN': '超票/超验收付款放行', 'en-US': 'Override payments beyond invoices / acceptance' },
        roles: ['general_manager'],
      },
      {
        code: 'contract.oversight',
        label: { 'zh-CN': '集团合同监督（违规清单）', 'en-US': 'Group oversight (rule breaches)' },
        roles: ['general_manager'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const invoicesPermissionGroups = [
  {
    key: 'invoice',
    label: { 'zh-CN': '发票', 'en-US': 'Invoices' },
    actions: [
      {
        code: 'invoice.view',
        label: { 'zh-CN': '查看/导出', 'en-US': 'View / export' },
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head'],
      },
      {
        code: 'invoice.manage',
        label: { 'zh-CN': '登记/作废', 'en-US': 'Register / void' },
        roles: ['entity_admin', 'finance'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];
