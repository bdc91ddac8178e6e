import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/index.js';

/**
 * Consistency of the loaded rows with their sources, in SQL over the whole database (the demo's
 * rows too), each a count of rows that disagree: a plan item's figures against its payments,
 * invoice usages and deliveries (the definitions of figures.service.ts and payments.repository.ts),
 * a contract's against its payments, usages, deliveries and items (its next due date, and its
 * past-due amount as of the stored past-due day, past-due.ts), invoices against their usages, and
 * contracts against their approval instances and open tasks. Any non-zero count fails the run.
 */
const paid = `sum(case when (kind = 'PAYMENT' and status = 'PAID') or (kind = 'RECEIPT' and status = 'RECEIVED') then amount when kind = 'REFUND' and status = 'REFUNDED' then -amount else 0 end)`;
const requested = `sum(case when kind = 'PAYMENT' and status in ('IN_APPROVAL', 'APPROVED') then amount else 0 end)`;

const checks: Record<string, string> = {
  'plan item paid / requested = its payments': `
    select count(*) as n from contract_plan_item i
    left join (select plan_item_id, ${paid} as paid, ${requested} as requested from contract_payment
               where plan_item_id is not null group by plan_item_id) p on p.plan_item_id = i.id
    where i.paid_amount <> coalesce(p.paid, 0) or i.requested_amount <> coalesce(p.requested, 0)`,
  'plan item invoiced = its active invoice usages and split parts': `
    select count(*) as n from contract_plan_item i
    left join (select document_line_id, sum(amount) as amount from invoice_usage
               where status = 'ACTIVE' and document_type = 'contract' group by document_line_id) u
      on u.document_line_id = i.id
    left join (select plan_item_id, sum(amount) as amount from contract_invoice_allocation
               group by plan_item_id) a on a.plan_item_id = i.id
    where i.invoiced_amount <> coalesce(u.amount, 0) + coalesce(a.amount, 0)`,
  'plan item accepted = its deliveries': `
    select count(*) as n from contract_plan_item i
    left join (select plan_item_id, sum(accepted_amount) as accepted from contract_delivery
               group by plan_item_id) d on d.plan_item_id = i.id
    where i.accepted_amount <> coalesce(d.accepted, 0)`,
  "plan items' matched figures = the contract's (untied figures allocated)": `
    select count(*) as n from contract c
    join (select contract_id, sum(matched_paid_amount) as paid, sum(matched_invoiced_amount) as invoiced,
                 sum(matched_accepted_amount) as accepted from contract_plan_item group by contract_id) i
      on i.contract_id = c.id
    where i.paid <> c.paid_amount or i.invoiced <> c.invoiced_amount or i.accepted <> c.accepted_amount`,
  'contract paid / requested = its payments': `
    select count(*) as n from contract c
    left join (select contract_id, ${paid} as paid, ${requested} as requested from contract_payment
               group by contract_id) p on p.contract_id = c.id
    where c.paid_amount <> coalesce(p.paid, 0) or c.requested_amount <> coalesce(p.requested, 0)`,
  'contract invoiced = its active invoice usages': `
    select count(*) as n from contract c
    left join (select document_id, sum(amount) as amount from invoice_usage
               where status = 'ACTIVE' and document_type = 'contract' group by document_id) u
      on u.document_id = c.id
    where c.invoiced_amount <> coalesce(u.amount, 0)`,
  'contract accepted / delivered = its deliveries': `
    select count(*) as n from contract c
    left join (select contract_id, sum(accepted_amount) as accepted,
                      sum(case when status <> 'REJECTED' then delivered_amount else 0 end) as delivered
               from contract_delivery group by contract_id) d on d.contract_id = c.id
    where c.accepted_amount <> coalesce(d.accepted, 0) or c.delivered_amount <> coalesce(d.delivered, 0)`,
  'contract next due date = its earliest item with money open': `
    select count(*) as n from contract c
    left join (select contract_id, min(due_date) as due from contract_plan_item where paid_amount < amount
               group by contract_id) i on i.contract_id = c.id
    where c.next_due_date is distinct from i.due`,
  'contract past-due amount and items = open money and items due before the past-due day': `
    select count(*) as n from contract c
    left join (select i.contract_id, sum(i.amount - i.paid_amount) as open, count(*) as items
               from contract_plan_item i
               join contract_past_due_day d on d.id = 1
               where i.due_date < d.day and i.paid_amount < i.amount group by i.contract_id) o
      on o.contract_id = c.id
    where c.past_due_open_amount <> coalesce(o.open, 0) or c.past_due_open_items <> coalesce(o.items, 0)`,
  'contract planned = sum of its plan items': `
    select count(*) as n from contract c
    join (select contract_id, sum(amount) as amount from contract_plan_item group by contract_id) i
      on i.contract_id = c.id
    where c.planned_amount <> i.amount`,
  'invoice used = its active usages, total = amount + tax': `
    select count(*) as n from invoice v
    left join (select invoice_id, sum(amount) as amount from invoice_usage where status = 'ACTIVE'
               group by invoice_id) u on u.invoice_id = v.id
    where v.used_amount <> coalesce(u.amount, 0) or v.total_amount <> v.amount_excl_tax + v.tax_amount
       or v.used_amount > v.total_amount`,
  'contract in approval has a running instance with an open task': `
    select count(*) as n from contract c
    where c.status = 'IN_APPROVAL' and not exists (
      select 1 from wf_instance w join wf_task t on t.instance_id = w.id
      where w.id = c.instance_id and w.status = 'RUNNING' and t.status = 'PENDING')`,
  'approved contract has an approved instance, no open task': `
    select count(*) as n from contract c
    where c.status in ('APPROVED', 'IN_FORCE', 'COMPLETED', 'TERMINATED') and c.instance_id is not null
      and (not exists (select 1 from wf_instance w where w.id = c.instance_id and w.status = 'APPROVED')
           or exists (select 1 from wf_task t where t.instance_id = c.instance_id and t.status = 'PENDING'))`,
};

/** JSON columns the app reads as objects and lists: a value written twice over is a string of JSON. */
const jsonKinds = (postgres: boolean) => {
  const kind = (column: string) => (postgres ? `jsonb_typeof(${column})` : `json_type(${column})`);
  return {
    'contract JSON columns hold an object or list, not a string of JSON': `
      select count(*) as n from contract
      where coalesce(${kind('partner_bank')}, 'object') <> 'object' or ${kind('attachments')} <> 'array'
         or ${kind('custom_data')} <> 'object'`,
    'approval states and delivery files hold objects': `
      select (select count(*) from wf_instance where ${kind('state')} <> 'object')
           + (select count(*) from contract_delivery where ${kind('file_ids')} <> 'object') as n`,
  };
};

export async function consistencyChecks(
  db: Db,
  postgres: boolean,
): Promise<{ name: string; failures: number; seconds: number }[]> {
  const results = [];
  for (const [name, query] of Object.entries({ ...checks, ...jsonKinds(postgres) })) {
    const started = performance.now();
    const row = (await sql.raw<{ n: number | string }>(query).execute(db)).rows[0];
    results.push({ name, failures: Number(row?.n ?? 0), seconds: (performance.now() - started) / 1000 });
  }
  return results;
}
