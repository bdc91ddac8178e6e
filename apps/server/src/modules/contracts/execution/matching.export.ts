import type { ContractException, Locale } from '@concord/contracts';
import { moneyCell, type XlsxColumn } from '../../../platform/http/index.js';

/*
 * The exceptions list's .xlsx columns in the caller's language: each contract's figures and their
 * differences in the contract's own currency (a currency column, the number in its digits).
 */
const directions = {
  INCOME: { 'zh-CN': '收入', 'en-US': 'Income' },
  EXPENSE: { 'zh-CN': '支出', 'en-US': 'Expense' },
} as const;

export function exceptionExportColumns(locale: Locale): XlsxColumn<ContractException>[] {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  const money = (header: string, value: (r: ContractException) => number): XlsxColumn<ContractException> => ({
    header,
    value: (r) => moneyCell(value(r), r.currency),
  });
  return [
    { header: say('合同编号', 'Contract number'), width: 24, value: (r) => r.number },
    { header: say('合同名称', 'Contract'), width: 32, value: (r) => r.name },
    { header: say('收支方向', 'Direction'), width: 8, value: (r) => directions[r.direction][locale] },
    { header: say('相对方', 'Counterparty'), width: 30, value: (r) => r.partnerName },
    { header: say('签约主体', 'Entity'), width: 26, value: (r) => r.entityName },
    { header: say('币种', 'Currency'), width: 8, value: (r) => r.currency },
    money(say('可执行金额', 'Executable amount'), (r) => r.executableAmount),
    money(say('已付/已收', 'Paid / received'), (r) => r.paid),
    money(say('已开票', 'Invoiced'), (r) => r.invoiced),
    money(say('已验收', 'Accepted'), (r) => r.accepted),
    money(say('款票差', 'Paid − invoiced'), (r) => r.paidVsInvoiced),
    money(say('款物差', 'Paid − accepted'), (r) => r.paidVsAccepted),
    money(say('票物差', 'Invoiced − accepted'), (r) => r.invoicedVsAccepted),
    money(say('最大差额', 'Largest difference'), (r) => r.maxDifference),
  ];
}
