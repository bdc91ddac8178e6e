import type {
  Contract,
  ContractAction,
  ContractStatus,
  PartnerBank,
  PermissionCode,
} from '@concord/contracts';
import { type Db, readBool, readJson } from '../../../db/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import type { ContractTable } from '../contracts.tables.js';
import type { ContractSetup, StoredAttachment } from './contracts.drafts.js';
import { actionsFor } from './contracts.rules.js';

/** The action permission behind each user action on a contract. */
const permissionOf: Record<ContractAction, PermissionCode> = {
  edit: 'contract.create',
  delete: 'contract.create',
  submit: 'contract.create',
  sign: 'contract.manage',
  complete: 'contract.manage',
  terminate: 'contract.manage',
  void: 'contract.manage',
  change: 'contract.change',
};

/** The API view of a contract row, with names and what the caller may do now. */
export async function presentContract(
  db: Db,
  ctx: RequestContext,
  deps: { ports: ContractPorts; setup: ContractSetup },
  row: ContractTable,
): Promise<Contract> {
  const { ports, setup } = deps;
  const attachments = readJson<StoredAttachment[]>(row.attachments, []);
  const [entities, departments, users, categories, fileNames] = await Promise.all([
    ports.org.entities(db, [row.entity_id]),
    ports.org.departments(db, [row.department_id]),
    ports.org.userNames(db, [row.owner_id]),
    setup.categoryNames(db, [row.category_id]),
    ports.files.namesOf(
      db,
      attachments.map((a) => a.fileId),
    ),
  ]);
  const status = row.status as ContractStatus;
  const actions = actionsFor(status, !!row.pending_change_id).filter((action) =>
    ctx.access.has(permissionOf[action]),
  );
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    categoryId: row.category_id,
    categoryName: categories.get(row.category_id) ?? '',
    direction: row.direction as Contract['direction'],
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerCreditCode: row.partner_credit_code,
    partnerBank: readJson<PartnerBank | null>(row.partner_bank, null),
    entityId: row.entity_id,
    entityName: entities.get(row.entity_id)?.name ?? '',
    departmentId: row.department_id,
    departmentName: departments.get(row.department_id)?.name ?? '',
    ownerId: row.owner_id,
    ownerName: users.get(row.owner_id) ?? '',
    amount: row.amount,
    taxRate: row.tax_rate,
    taxExemption: row.tax_exemption ?? null,
    taxAmount: row.tax_amount,
    amountExclTax: row.amount - row.tax_amount,
    signedAmount: row.signed_amount,
    currentAmount: row.current_amount,
    currency: row.currency as Contract['currency'],
    signDate: row.sign_date,
    startDate: row.start_date,
    endDate: row.end_date,
    planLineId: row.plan_line_id,
    projectRef: row.project_ref,
    budgetRef: row.budget_ref,
    body: row.body,
    attachments: attachments.map((a) => ({ ...a, name: fileNames.get(a.fileId) ?? '' })),
    customData: readJson<Record<string, unknown>>(row.custom_data, {}),
    status,
    version: row.version,
    instanceId: row.instance_id,
    pendingChangeId: row.pending_change_id,
    statusReason: row.status_reason,
    imported: readBool(row.imported),
    lockVersion: row.lock_version,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    actions,
  };
}
