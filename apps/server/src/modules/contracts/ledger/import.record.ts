import { splitTax } from '@concord/contracts';
import { newId } from '../../../db/index.js';
import type { ContractTable } from '../contracts.tables.js';
import type { Partner } from './import.directory.js';
import { type Draft, type Resolved, SIGNED } from './import.rows.js';

/**
 * The contract row of a valid import row: its checked values, its resolved records and the partner
 * as the register accepts it (null when the partner was refused), stored as history (`imported`,
 * version 1, no approval).
 */
export function importedContract(
  d: Draft,
  r: Resolved,
  partner: Partner | string | undefined,
  userId: string,
  now: string,
): ContractTable | null {
  if (!partner || typeof partner === 'string') return null;
  const bank = partner.bankAccounts.find((b) => b.isDefault) ?? partner.bankAccounts[0];
  const amount = d.amount as number;
  return {
    id: newId(),
    number: d.number,
    name: d.name as string,
    category_id: r.categoryId,
    direction: r.direction,
    partner_id: partner.id,
    partner_name: partner.name,
    partner_credit_code: partner.creditCode,
    partner_bank: bank
      ? { bankName: bank.bankName, accountName: bank.accountName, accountNumber: bank.accountNumber }
      : null,
    entity_id: r.entityId,
    department_id: r.departmentId,
    owner_id: r.ownerId,
    amount,
    tax_rate: d.taxRate as number,
    tax_exemption: d.taxExemption,
    tax_amount: splitTax(amount, d.taxRate as number).taxAmount,
    signed_amount: SIGNED.includes(d.status) ? amount : null,
    current_amount: amount,
    currency: d.currency,
    sign_date: d.signDate,
    start_date: d.startDate,
    end_date: d.endDate,
    plan_line_id: null,
    project_ref: d.projectRef,
    budget_ref: null,
    body: d.body,
    attachments: [],
    custom_data: {},
    status: d.status,
    version: 1,
    instance_id: null,
    pending_change_id: null,
    status_reason: null,
    imported: true,
    lock_version: 0,
    created_by: userId,
    created_at: now,
    updated_at: now,
  };
}
