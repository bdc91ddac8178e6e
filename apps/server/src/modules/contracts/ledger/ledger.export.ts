import type { ContractLedgerCurrencyTotals, ContractLedgerRow } from '@concord/contracts';
import { moneyCell, type XlsxColumn } from '../../../platform/http/index.js';

/*
 * The ledger's .xlsx columns. Every amount is written in its contract's own currency (a 币种
 * column, the number in that currency's digits), and the totals rows under the contracts are one
 * per currency: yuan are never added to dollars.
 */

const statusLabels: Record<string, string> = {
  DRAFT: '草稿',
  IN_APPROVAL: '审批中',
  APPROVED: '已审批',
  IN_FORCE: '履行中',
  COMPLETED: '已完成',
  TERMINATED: '已终止',
  VOIDED: '已作废',
};

const matchingLabels: Record<string, string> = { MATCHED: '一致', MISMATCHED: '不一致' };

type Column = XlsxColumn<ContractLedgerRow, ContractLedgerCurrencyTotals>;
type Summed = Exclude<keyof ContractLedgerCurrencyTotals, 'currency' | 'count'>;

/** An amount column in the row's currency, with its per-currency sum in the totals rows. */
const money = (header: string, key: Summed): Column => ({
  header,
  value: (r) => moneyCell(r[key], r.currency),
  total: (t) => moneyCell(t[key], t.currency),
});

export const ledgerExportColumns: Column[] = [
  { header: '合同编号', width: 24, value: (r) => r.number, total: () => '合计' },
  { header: '合同名称', width: 32, value: (r) => r.name, total: (t) => `${t.count} 份合同` },
  { header: '相对方', width: 30, value: (r) => r.partnerName },
  { header: '合同类别', value: (r) => r.categoryName },
  { header: '收支方向', width: 10, value: (r) => (r.direction === 'INCOME' ? '收入' : '支出') },
  { header: '签约主体', width: 26, value: (r) => r.entityName },
  { header: '承办部门', value: (r) => r.departmentName },
  { header: '负责人', width: 12, value: (r) => r.ownerName },
  { header: '状态', width: 10, value: (r) => statusLabels[r.status] ?? r.status },
  { header: '币种', width: 8, value: (r) => r.currency, total: (t) => t.currency },
  money('合同金额', 'amount'),
  money('签约金额', 'signedAmount'),
  money('变更后金额', 'currentAmount'),
  { header: '签订日期', width: 12, value: (r) => r.signDate },
  { header: '开始日期', width: 12, value: (r) => r.startDate },
  { header: '结束日期', width: 12, value: (r) => r.endDate },
  { header: '距到期天数', width: 12, value: (r) => r.daysToExpiry },
  money('计划金额', 'plannedAmount'),
  money('在途申请', 'requestedAmount'),
  money('已付金额', 'paidAmount'),
  money('已收金额', 'receivedAmount'),
  money('已开票', 'invoicedAmount'),
  money('已验收', 'acceptedAmount'),
  // The totals have no settled sum (the ledger's totals row does not show one either).
  { header: '结算金额', value: (r) => moneyCell(r.settledAmount, r.currency) },
  money('未结金额', 'outstandingAmount'),
  money('逾期金额', 'overdueAmount'),
  { header: '下一到期日', width: 12, value: (r) => r.nextDueDate },
  { header: '款票物匹配', width: 10, value: (r) => matchingLabels[r.matchingStatus] ?? r.matchingStatus },
];
