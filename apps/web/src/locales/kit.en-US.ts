import type { Translations } from './catalogue';
import type { kitZhCN } from './kit.zh-CN';

/** Texts of the shared building blocks (en-US): the keys of kit.zh-CN.ts. */
export const kitEnUS: Translations<typeof kitZhCN> = {
  kit: {
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
  },
};
