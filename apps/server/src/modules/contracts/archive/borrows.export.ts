import type { ContractBorrow, Locale } from '@concord/contracts';
import type { XlsxColumn } from '../../../platform/http/index.js';

/** The borrows list's .xlsx columns in the caller's language (what the archivists' ledger shows). */
export function borrowExportColumns(locale: Locale): XlsxColumn<ContractBorrow>[] {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  return [
    { header: say('合同编号', 'Contract number'), width: 24, value: (r) => r.contractNumber },
    { header: say('合同名称', 'Contract'), width: 32, value: (r) => r.contractName },
    { header: say('借阅人', 'Borrower'), width: 12, value: (r) => r.borrowerName },
    { header: say('借阅日期', 'Borrowed on'), width: 12, value: (r) => r.borrowedDate },
    { header: say('应还日期', 'Due on'), width: 12, value: (r) => r.dueDate },
    { header: say('归还日期', 'Returned on'), width: 12, value: (r) => r.returnedDate },
    {
      header: say('状态', 'State'),
      width: 10,
      value: (r) =>
        r.returnedDate
          ? say('已归还', 'Returned')
          : r.overdue
            ? say('逾期未还', 'Overdue')
            : say('借出中', 'Out'),
    },
    { header: say('用途', 'Purpose'), width: 30, value: (r) => r.purpose },
    { header: say('归还备注', 'Return note'), width: 24, value: (r) => r.returnNote },
  ];
}
