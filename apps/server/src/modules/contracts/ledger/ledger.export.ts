import {
  type ContractLedgerCurrencyTotals,
  type ContractLedgerRow,
  type Locale,
  taxExemptionLabels,
} from '@concord/contracts';
import { dateCell, moneyCell, type XlsxColumn } from '../../../platform/http/index.js';

/*
 * The ledger's .xlsx columns in the caller's language. Every amount is written in its contract's
 * own currency (a currency column, the number in that currency's digits), and the totals rows
 * under the contracts are one per currency: yuan are never added to dollars.
 */

type Text = { 'zh-CN': string; 'en-US': string };

const statusLabels: Record<string, Text> = {
  DRAFT: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  IN_APPROVAL: { 'zh-CN': '审批中', 'en-US': 'In approval' },
  APPROVED: { 'zh-CN': '已审批', 'en-US': 'Approved' },
  IN_FORCE: { 'zh-CN': '履行中', 'en-US': 'In force' },
  COMPLETED: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  TERMINATED: { 'zh-CN': '已终止', 'en-US': 'Terminated' },
  VOIDED: { 'zh-CN': '已作废', 'en-US': 'Voided' },
};

const matchingLabels: Record<string, Text> = {
  MATCHED: { 'zh-CN': '一致', 'en-US': 'Matched' },
  MISMATCHED: { 'zh-CN': '不一致', 'en-US': 'Mismatched' },
};

type Column = XlsxColumn<ContractLedgerRow, ContractLedgerCurrencyTotals>;
type Summed = Exclude<keyof ContractLedgerCurrencyTotals, 'currency' | 'count'>;

export function ledgerExportColumns(locale: Locale): Column[] {
  const zh = locale === 'zh-CN';
  const say = (zhText: string, enText: string) => (zh ? zhText : enText);
  /** An amount column in the row's currency, with its per-currency sum in the totals rows. */
  const money = (header: string, key: Summed): Column => ({
    header,
    value: (r) => moneyCell(r[key], r.currency),
    total: (t) => moneyCell(t[key], t.currency),
  });
  return [
    {
      header: say('合同编号', 'Number'),
      width: 24,
      value: (r) => r.number,
      total: () => say('合计', 'Total'),
    },
    {
      header: say('合同名称', 'Name'),
      width: 32,
      value: (r) => r.name,
      total: (t) => say(`${t.count} 份合同`, t.count === 1 ? '1 contract' : `${t.count} contracts`),
    },
    { header: say('相对方', 'Counterparty'), width: 30, value: (r) => r.partnerName },
    { header: say('合同类别', 'Category'), value: (r) => r.categoryName },
    {
      header: say('收支方向', 'Direction'),
      width: 10,
      value: (r) => (r.direction === 'INCOME' ? say('收入', 'Income') : say('支出', 'Expense')),
    },
    { header: say('签约主体', 'Entity'), width: 26, value: (r) => r.entityName },
    { header: say('承办部门', 'Department'), value: (r) => r.departmentName },
    { header: say('负责人', 'Owner'), width: 12, value: (r) => r.ownerName },
    { header: say('状态', 'Status'), width: 10, value: (r) => statusLabels[r.status]?.[locale] ?? r.status },
    { header: say('币种', 'Currency'), width: 8, value: (r) => r.currency, total: (t) => t.currency },
    money(say('合同金额', 'Amount'), 'amount'),
    // The rate as a percent cell (0.13 shown 13.00%) and the VAT within the amount: what an
    // accountant checks, and what the import needs to read the file back. An exemption is written
    // by its word (免税), as the import reads it.
    {
      header: say('税率', 'Tax rate'),
      width: 9,
      numFmt: '0.00%',
      value: (r) => (r.taxExemption ? taxExemptionLabels[r.taxExemption][locale] : r.taxRate / 10000),
    },
    { header: say('税额', 'Tax'), value: (r) => moneyCell(r.taxAmount, r.currency) },
    money(say('签约金额', 'Signed amount'), 'signedAmount'),
    money(say('变更后金额', 'Current amount'), 'currentAmount'),
    { header: say('签订日期', 'Sign date'), width: 12, value: (r) => dateCell(r.signDate) },
    { header: say('开始日期', 'Start date'), width: 12, value: (r) => dateCell(r.startDate) },
    { header: say('结束日期', 'End date'), width: 12, value: (r) => dateCell(r.endDate) },
    { header: say('距到期天数', 'Days to expiry'), width: 12, value: (r) => r.daysToExpiry },
    money(say('计划金额', 'Planned'), 'plannedAmount'),
    money(say('在途申请', 'Requested'), 'requestedAmount'),
    money(say('已付金额', 'Paid'), 'paidAmount'),
    money(say('已收金额', 'Received'), 'receivedAmount'),
    money(say('已开票', 'Invoiced'), 'invoicedAmount'),
    money(say('已验收', 'Accepted'), 'acceptedAmount'),
    money(say('结算金额', 'Settled'), 'settledAmount'),
    money(say('未结金额', 'Outstanding'), 'outstandingAmount'),
    money(say('逾期金额', 'Overdue'), 'overdueAmount'),
    { header: say('下一到期日', 'Next due date'), width: 12, value: (r) => dateCell(r.nextDueDate) },
    {
      header: say('款票物匹配', 'Money, invoices, goods'),
      width: 10,
      value: (r) => matchingLabels[r.matchingStatus]?.[locale] ?? r.matchingStatus,
    },
  ];
}
