import { useTranslation } from 'react-i18next';

/*
 * Texts of the shared building blocks (ledger, detail page, forms, audit trail). They sit beside
 * the components, not in the module locale files, so the kit carries its own words wherever it is
 * used; fold them into the locale catalogues when those are merged per module.
 */
const zhCN = {
  columns: '列设置',
  columnsReset: '恢复默认',
  columnsHint: '勾选要显示的列；选择保存在本浏览器',
  totals: '合计',
  totalsCount: '合计（{{count}} 条）',
  count: '条数',
  exporting: '正在导出…',
  exportingBytes: '正在导出… {{size}}',
  exportingPercent: '正在导出… {{percent}}%',
  import: '导入',
  minLength: '至少 {{min}} 个字符',
  pattern: '{{field}}格式不正确',
  minValue: '不能小于 {{min}}',
  maxValue: '不能大于 {{max}}',
  invalid: '{{field}}无效',
  auditEmpty: '暂无操作记录',
  auditNoPermission: '需要“查看审计日志”权限才能查看操作记录',
  auditTitle: '操作记录',
  auditSystem: '系统',
  auditMore: '加载更多',
  moneyPlaceholder: '0.00',
  back: '返回',
};
type KitText = typeof zhCN;

const enUS: KitText = {
  columns: 'Columns',
  columnsReset: 'Restore defaults',
  columnsHint: 'Tick the columns to show; the choice is kept in this browser',
  totals: 'Totals',
  totalsCount: 'Totals ({{count}} rows)',
  count: 'Rows',
  exporting: 'Exporting…',
  exportingBytes: 'Exporting… {{size}}',
  exportingPercent: 'Exporting… {{percent}}%',
  import: 'Import',
  minLength: 'At least {{min}} characters',
  pattern: '{{field}} is not in the expected format',
  minValue: 'Must not be less than {{min}}',
  maxValue: 'Must not be more than {{max}}',
  invalid: '{{field}} is not valid',
  auditEmpty: 'No recorded actions yet',
  auditNoPermission: 'The audit log permission is needed to see the recorded actions',
  auditTitle: 'Activity',
  auditSystem: 'System',
  auditMore: 'Load more',
  moneyPlaceholder: '0.00',
  back: 'Back',
};

export type KitTextKey = keyof KitText;

/** The kit's text in a language, with `{{name}}` filled from `values`. */
export function kitText(language: string, key: KitTextKey, values: Record<string, string | number> = {}) {
  const table = language.startsWith('en') ? enUS : zhCN;
  return table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** `kitText` in the user's current language. */
export function useKitText() {
  const { i18n } = useTranslation();
  return (key: KitTextKey, values?: Record<string, string | number>) => kitText(i18n.language, key, values);
}
