import { dayAfter, instantOn, type PaymentContract, type PaymentItem } from './payments.js';
import type { Random } from './random.js';

/**
 * Deliveries accepted in full (交付/验收), as deliveries.service.ts leaves them after acceptance. The
 * contract module takes an item's accepted amount only from its deliveries, and a payment request
 * beyond what is both invoiced and accepted needs an override: so every item paid or requested here
 * has its delivery accepted before the money moved, and paid = invoiced = accepted (款票物一致).
 */
export function acceptedDelivery(
  random: Random,
  contract: PaymentContract,
  item: PaymentItem & { seq: number },
  day: string,
  today: string,
) {
  let delivered = dayAfter(day, -random.int(3, 20));
  if (delivered > today) delivered = today;
  let accepted = dayAfter(delivered, random.int(0, 5));
  if (accepted > today) accepted = today;
  const created = instantOn(random, delivered);
  let decided = instantOn(random, accepted);
  // Accepted on the day it was delivered: not before it was recorded (ISO instants compare as text).
  if (decided < created) decided = created;
  return {
    id: random.id(),
    contract_id: contract.id,
    plan_item_id: item.id,
    description: `第${item.seq}期交付`,
    quantity: null,
    unit: null,
    delivered_amount: item.amount,
    delivered_on: delivered,
    status: 'ACCEPTED',
    accepted_amount: item.amount,
    accepted_on: accepted,
    accepted_by: contract.owner_id,
    acceptance_note: null,
    file_ids: { delivery: [], acceptance: [] },
    created_by: contract.owner_id,
    created_at: created,
    updated_at: decided,
  };
}

export type DeliveryRow = ReturnType<typeof acceptedDelivery>;
