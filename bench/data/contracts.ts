import type { Random } from './random.js';
import { contractName } from './random.js';

/** What the generator draws contracts over: the demo company's rows, read once. */
export interface GeneratorWorld {
  /** A demo contract whose columns every generated one starts from (JSON columns as stored). */
  template: Record<string, unknown>;
  /** The demo's entities, the first holding about 40% of the contracts. */
  entities: string[];
  departments: { id: string; entity_id: string }[];
  owners: { id: string; department_id: string }[];
  categories: { id: string; direction: string }[];
  partners: { id: string; name: string; index: number }[];
  /** The day the stored past-due amounts are as of (contract_past_due_day), null before the first run. */
  pastDueDay: string | null;
  today: string;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The status mix of a ledger in its fifth year: most contracts in force or done. */
const statuses = [
  ['DRAFT', 4],
  ['IN_APPROVAL', 4],
  ['APPROVED', 4],
  ['IN_FORCE', 48],
  ['COMPLETED', 32],
  ['TERMINATED', 6],
  ['VOIDED', 2],
] as const;
const statusWeight = statuses.reduce((sum, [, weight]) => sum + weight, 0);

function drawStatus(random: Random): string {
  let left = random.next() * statusWeight;
  for (const [status, weight] of statuses) {
    left -= weight;
    if (left < 0) return status;
  }
  return 'IN_FORCE';
}

/**
 * One contract and its payment plan as the register keeps them: the plan's items add up to the
 * current amount. Its money (figures, next due date, past-due amount) is filled in by execution.ts
 * from the payments, invoices and deliveries it generates. Dates span the five years before today.
 */
export function contractWithPlan(random: Random, world: GeneratorWorld, n: number) {
  const entityId =
    random.next() < 0.4 ? world.entities[0] : world.entities[1 + random.int(0, world.entities.length - 2)];
  const departments = world.departments.filter((d) => d.entity_id === entityId);
  const department = departments.length ? random.pick(departments) : random.pick(world.departments);
  const owners = world.owners.filter((o) => o.department_id === department.id);
  const owner = owners.length ? random.pick(owners) : random.pick(world.owners);
  const category = random.pick(world.categories);
  const partner = random.pick(world.partners);
  const status = drawStatus(random);
  const todayMs = Date.parse(`${world.today}T00:00:00Z`);
  const signed = ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
  // A contract still being drafted, approved or waiting to be signed was registered in the last
  // weeks and starts about now; the others were signed over the five years before today. Either
  // way it was registered 10 to 40 days before its date, time enough for its approval (approvals.ts).
  const inTheWorks = ['DRAFT', 'IN_APPROVAL', 'APPROVED'].includes(status);
  const signMs = inTheWorks ? todayMs + random.int(-10, 60) * DAY : todayMs - random.int(1, 5 * 365) * DAY;
  const createdMs = inTheWorks
    ? todayMs - random.int(8, 40) * DAY + random.int(0, DAY - 1)
    : signMs - random.int(10, 40) * DAY + random.int(0, DAY - 1);
  const planned = ['APPROVED', 'IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
  // Amounts from ¥1,000 to ¥5,000,000 in whole yuan (integers of 分), log-uniform as ledgers are:
  // many small orders, few large contracts (about one in five reaches the ¥1M approval branch).
  const amount = Math.round(1_000 * 5_000 ** random.next()) * 100;
  const id = random.id();
  const created = new Date(createdMs).toISOString();

  // Two to nine milestones: about five plan items per contract over the tier (tiers.ts).
  const itemCount = planned ? random.int(2, 9) : 0;
  const items = [];
  let left = amount;
  for (let seq = 1; seq <= itemCount; seq++) {
    const itemAmount = seq === itemCount ? left : Math.floor(amount / itemCount / 100) * 100;
    left -= itemAmount;
    const due = isoDay(signMs + seq * random.int(30, 180) * DAY);
    items.push({
      id: random.id(),
      contract_id: id,
      seq,
      name: `第${seq}期`,
      due_date: due,
      amount: itemAmount,
      percentage: null,
      condition_text: null,
      // Figures are the sums of the item's payments, invoices and deliveries (execution.ts).
      requested_amount: 0,
      paid_amount: 0,
      invoiced_amount: 0,
      accepted_amount: 0,
      matched_paid_amount: 0,
      matched_invoiced_amount: 0,
      matched_accepted_amount: 0,
      created_at: created,
      updated_at: created,
    });
  }

  const contract = {
    ...world.template,
    id,
    number: status === 'DRAFT' ? null : `HT-${String(n).padStart(8, '0')}`,
    name: contractName(random, n),
    category_id: category.id,
    direction: category.direction,
    partner_id: partner.id,
    partner_name: partner.name,
    entity_id: entityId,
    department_id: department.id,
    owner_id: owner.id,
    currency: 'CNY',
    amount,
    // Services at 6% VAT, the tax included in the amount (the register's rule).
    tax_rate: 600,
    tax_amount: amount - Math.round((amount * 10_000) / 10_600),
    signed_amount: signed ? amount : null,
    current_amount: amount,
    settled_amount: status === 'COMPLETED' ? amount : null,
    sign_date: signed ? isoDay(signMs) : null,
    start_date: isoDay(signMs),
    end_date: isoDay(signMs + random.int(180, 3 * 365) * DAY),
    status,
    plan_line_id: null,
    instance_id: null as string | null,
    status_reason: null as string | null,
    pending_change_id: null,
    imported: false,
    version: status === 'DRAFT' ? 0 : 1,
    lock_version: 1,
    planned_amount: planned ? amount : 0,
    partner_credit_code: null,
    requested_amount: 0,
    paid_amount: 0,
    invoiced_amount: 0,
    accepted_amount: 0,
    delivered_amount: 0,
    next_due_date: null as string | null,
    past_due_open_amount: 0,
    past_due_open_items: 0,
    created_at: created,
    updated_at: created,
  };
  return { contract, items, partnerIndex: partner.index, signDay: isoDay(signMs) };
}
