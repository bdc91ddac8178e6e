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
  partners: { id: string; name: string }[];
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
 * One contract and its payment plan, consistent as the register keeps them: the plan's items add up
 * to the current amount; paid, invoiced and accepted amounts are those of the items; the next due
 * date is the earliest item with money open. Dates span the five years before today.
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
  const signMs = todayMs - random.int(1, 5 * 365) * DAY;
  const signed = ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
  const planned = ['APPROVED', 'IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status);
  // Amounts from ¥1,000 to about ¥5,000,000, in whole yuan: integers of 分.
  const amount = random.int(1_000, 5_000_000) * 100;
  const id = random.id();
  const created = new Date(signMs - random.int(1, 30) * DAY + random.int(0, DAY - 1)).toISOString();

  const itemCount = planned ? random.int(1, 4) : 0;
  const items = [];
  let left = amount;
  let paid = 0;
  let nextDue: string | null = null;
  for (let seq = 1; seq <= itemCount; seq++) {
    const itemAmount = seq === itemCount ? left : Math.floor(amount / itemCount / 100) * 100;
    left -= itemAmount;
    const due = isoDay(signMs + seq * random.int(30, 180) * DAY);
    const itemPaid =
      status === 'COMPLETED'
        ? itemAmount
        : status === 'IN_FORCE' && due < world.today && random.next() < 0.8
          ? itemAmount
          : 0;
    paid += itemPaid;
    if (status === 'IN_FORCE' && itemPaid < itemAmount && (nextDue === null || due < nextDue)) nextDue = due;
    items.push({
      id: random.id(),
      contract_id: id,
      seq,
      name: `第${seq}期`,
      due_date: due,
      amount: itemAmount,
      percentage: null,
      condition_text: null,
      requested_amount: 0,
      paid_amount: itemPaid,
      invoiced_amount: itemPaid,
      accepted_amount: itemPaid,
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
    tax_amount: Math.round(amount * 0.06),
    signed_amount: signed ? amount : null,
    current_amount: amount,
    settled_amount: status === 'COMPLETED' ? amount : null,
    sign_date: signed ? isoDay(signMs) : null,
    start_date: isoDay(signMs),
    end_date: isoDay(signMs + random.int(180, 3 * 365) * DAY),
    status,
    plan_line_id: null,
    instance_id: null,
    pending_change_id: null,
    imported: false,
    version: status === 'DRAFT' ? 0 : 1,
    lock_version: 1,
    planned_amount: planned ? amount : 0,
    requested_amount: 0,
    paid_amount: paid,
    invoiced_amount: paid,
    accepted_amount: paid,
    next_due_date: nextDue,
    created_at: created,
    updated_at: created,
  };
  return { contract, items };
}
