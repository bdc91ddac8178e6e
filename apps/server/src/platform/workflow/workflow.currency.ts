import { type FormField, HOME_CURRENCY, type WfCond } from '@concord/contracts';
import type { FlowGraph } from './workflow.compiler.js';

/*
 * Currencies in the approval engine (ADR 0007): amounts are compared only with amounts of the same
 * currency. A definition's amount range and a flow's amount condition are stated in a currency;
 * nothing converts between currencies here (a dated rate table belongs to the funds module).
 */

/** A field condition of a flow that compares an amount, with the currency it is stated in. */
export interface AmountCondition {
  nodeId: string;
  nodeName: string;
  field: string;
  currency: string;
}

type FieldCond = Extract<WfCond, { field: string }>;

function fieldConds(cond: WfCond): FieldCond[] {
  if ('all' in cond) return cond.all.flatMap(fieldConds);
  if ('any' in cond) return cond.any.flatMap(fieldConds);
  if ('initiatorIn' in cond) return [];
  return [cond];
}

/**
 * The flow's amount conditions: those that name a currency, and those on a field the document
 * declares as money, which are in CNY unless they say otherwise (flows drawn before currencies).
 * "Is it empty" asks nothing about the amount, so it is not one.
 */
export function amountConditions(graph: FlowGraph, moneyFields: ReadonlySet<string>): AmountCondition[] {
  const found: AmountCondition[] = [];
  for (const node of Object.values(graph.nodes)) {
    for (const branch of node.branches ?? []) {
      if (!branch.when) continue;
      for (const cond of fieldConds(branch.when)) {
        if (cond.op === 'empty') continue;
        const currency = cond.currency ?? (moneyFields.has(cond.field) ? HOME_CURRENCY : undefined);
        if (currency) found.push({ nodeId: node.id, nodeName: node.name, field: cond.field, currency });
      }
    }
  }
  return found;
}

/** The first amount condition that would compare the document's amounts with another currency's. */
export function currencyConflict(
  graph: FlowGraph,
  documentCurrency: string,
  documentFields: readonly FormField[],
): AmountCondition | null {
  const moneyFields = new Set(documentFields.filter((f) => f.type === 'money').map((f) => f.key));
  return amountConditions(graph, moneyFields).find((c) => c.currency !== documentCurrency) ?? null;
}
