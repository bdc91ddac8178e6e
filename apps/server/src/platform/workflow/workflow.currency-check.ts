import type { Db } from '../../db/index.js';
import { AppError } from '../http/index.js';
import type { FlowGraph } from './workflow.compiler.js';
import { currencyConflict } from './workflow.currency.js';
import type { ApprovalSubjects } from './workflow.subjects.js';

/**
 * A flow whose amount conditions are stated in another currency than the document's cannot route
 * it: refused before anything is written, naming both currencies, so that a USD contract never
 * silently takes the CNY path (ADR 0007). The document's subject says which of its fields are money.
 */
export async function refuseUnlikeCurrencies(
  trx: Db,
  subjects: ApprovalSubjects,
  document: { businessType: string; subjectId: string; currency: string },
  flowName: string,
  graph: FlowGraph,
): Promise<void> {
  const subject = subjects.forBusinessType(document.businessType);
  const fields = (await subject?.fields?.(trx, document.subjectId)) ?? [];
  const conflict = currencyConflict(graph, document.currency, fields);
  if (!conflict) return;
  throw new AppError('WF_CURRENCY_MISMATCH', {
    flow: flowName,
    flowCurrency: conflict.currency,
    documentCurrency: document.currency,
    detail: `${conflict.nodeName}: ${conflict.field}`,
  });
}
