/**
 * Factories of the contract register's rows for tests and for the demo seed: categories, plan
 * lines and contracts, created through the services (schema-checked, validated and audited like
 * API writes), with defaults for what the caller does not care about. A contract is a draft; the
 * approved and signed states are reached the real way (submit, the approval engine, signing).
 */
import { Readable } from 'node:stream';
import {
  type Contract,
  type ContractCategory,
  type ContractCreate,
  type ContractPlanLine,
  type ContractChange,
  contractChangeCreateSchema,
  contractCategoryCreateSchema,
  contractCreateSchema,
  contractPlanLineCreateSchema,
  contractSignSchema,
} from '@concord/contracts';
import type { z } from 'zod';
import type { FilesService } from '../../platform/files/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import type { ContractLifecycle } from './register/contracts.lifecycle.js';
import type { ContractsService } from './register/contracts.service.js';
import type { ContractCategoriesService } from './setup/categories.service.js';
import type { ContractPlansService } from './setup/plans.service.js';
import type { ContractChanges } from './versions/changes.service.js';

/** The services the register's factories write through (the app's `Services` has them all). */
export interface ContractFactoryServices {
  contracts: ContractsService;
  contractLifecycle: ContractLifecycle;
  contractCategories: ContractCategoriesService;
  contractPlans: ContractPlansService;
  files: FilesService;
}

let sequence = 0;
/** A code no other row of this process has: a test never collides with the demo or another test. */
const uniqueTag = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

/** A contract category (an expense category of its own code unless told otherwise). */
export async function contractCategory(
  services: Pick<ContractFactoryServices, 'contractCategories'>,
  ctx: RequestContext,
  input: Partial<z.input<typeof contractCategoryCreateSchema>> = {},
): Promise<ContractCategory> {
  const code = input.code ?? `T-${uniqueTag()}`;
  return services.contractCategories.create(
    ctx,
    contractCategoryCreateSchema.parse({
      name: `测试合同类别 ${code}`,
      direction: input.parentId ? null : 'EXPENSE',
      ...input,
      code,
    }),
  );
}

/** A plan line (计划) of a department: ¥100,000.00 planned for 2026 unless told otherwise. */
export async function planLine(
  services: Pick<ContractFactoryServices, 'contractPlans'>,
  ctx: RequestContext,
  input: Partial<z.input<typeof contractPlanLineCreateSchema>> & { departmentId: string },
): Promise<ContractPlanLine> {
  return services.contractPlans.create(
    ctx,
    contractPlanLineCreateSchema.parse({
      year: 2026,
      name: `测试计划 ${uniqueTag()}`,
      plannedAmount: 10_000_000,
      // A line without a category states its direction.
      direction: input.categoryId ? undefined : 'EXPENSE',
      ...input,
    }),
  );
}

/** What a draft needs from the caller; everything else has a default. */
export type ContractDraftInput = Partial<ContractCreate> &
  Pick<ContractCreate, 'categoryId' | 'partnerId' | 'departmentId' | 'ownerId'>;

/** Uploads a small text document as the caller (the demo's attachments and signed scans). */
export async function textFile(
  services: Pick<ContractFactoryServices, 'files'>,
  ctx: RequestContext,
  name: string,
  text: string,
): Promise<string> {
  const file = await services.files.upload(ctx, {
    name,
    contentType: 'text/plain',
    stream: Readable.from([Buffer.from(text)]),
  });
  return file.id;
}

/**
 * A draft contract registered by the caller: ¥11,300.00 at 13% for 2026 unless told otherwise.
 * Each attachment type the category requires before submission (all but the signed scan) that
 * the input does not bring is uploaded as a small document, so the draft can be submitted.
 */
export async function contract(
  services: ContractFactoryServices,
  ctx: RequestContext,
  input: ContractDraftInput,
): Promise<Contract> {
  const parsed = contractCreateSchema.parse({
    name: `测试合同 ${uniqueTag()}`,
    amount: 1_130_000,
    taxRate: 1300,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    body: '第一条 标的：测试货物\n第二条 价款：以本合同约定的含税总价为准',
    ...input,
  });
  const category = await services.contractCategories.get(ctx, parsed.categoryId);
  const brought = new Set(parsed.attachments.map((a) => a.type));
  for (const type of category.requiredAttachmentTypes) {
    if (type === 'SIGNED_SCAN' || brought.has(type)) continue;
    const fileId = await textFile(services, ctx, `${parsed.name}-${type}.txt`, `${parsed.name}\n${type}\n`);
    parsed.attachments.push({ fileId, type });
  }
  return services.contracts.create(ctx, parsed);
}

/** How a contract moves on from a draft: who approves, who signs, and how far. */
export interface ContractProgress {
  /** Acts on every open task of an approval until it ends (the demo's actors, a test's approvers). */
  approve(instanceId: string): Promise<void>;
  /** Who records the signing (holds contract.manage over the contract); the registrant by default. */
  signer?: RequestContext;
  /** The signing date; the start date (else 2026-01-15) by default. */
  signDate?: string;
}

/** A contract submitted for approval: its number taken, its approval started. */
export async function submittedContract(
  services: ContractFactoryServices,
  ctx: RequestContext,
  input: ContractDraftInput,
): Promise<Contract> {
  const draft = await contract(services, ctx, input);
  return services.contractLifecycle.submit(ctx, draft.id, {});
}

/** A contract submitted and approved through the engine (not signed yet). */
export async function approvedContract(
  services: ContractFactoryServices,
  ctx: RequestContext,
  input: ContractDraftInput,
  progress: Pick<ContractProgress, 'approve'>,
): Promise<Contract> {
  const submitted = await submittedContract(services, ctx, input);
  if (!submitted.instanceId) throw new Error(`contract ${submitted.id} started no approval`);
  await progress.approve(submitted.instanceId);
  return services.contracts.get(ctx, submitted.id);
}

/**
 * A contract in force: submitted, approved through the engine, and signed with a signed scan the
 * registrant uploads (the real path, as the demo's contracts take it).
 */
export async function activeContract(
  services: ContractFactoryServices,
  ctx: RequestContext,
  input: ContractDraftInput,
  progress: ContractProgress,
): Promise<Contract> {
  const approved = await approvedContract(services, ctx, input, progress);
  const scan = await textFile(
    services,
    ctx,
    `${approved.name}（签署版）.txt`,
    `${approved.name}\n双方已签字盖章\n`,
  );
  return services.contractLifecycle.sign(
    progress.signer ?? ctx,
    approved.id,
    contractSignSchema.parse({
      signDate: progress.signDate ?? approved.startDate ?? '2026-01-15',
      attachments: [{ fileId: scan, type: 'SIGNED_SCAN' }],
    }),
  );
}

/**
 * A change order (变更, or 补充协议 with kind SUPPLEMENT) proposing new values for a contract in
 * force; its approval starts, and is driven to the end when `progress` is given. Returns the
 * change as created (the contract carries the approved values).
 */
export async function changeOrder(
  services: { contractChanges: ContractChanges },
  ctx: RequestContext,
  contractId: string,
  input: Partial<z.input<typeof contractChangeCreateSchema>> &
    Pick<z.input<typeof contractChangeCreateSchema>, 'proposed'>,
  progress?: Pick<ContractProgress, 'approve'>,
): Promise<ContractChange> {
  const change = await services.contractChanges.create(
    ctx,
    contractId,
    contractChangeCreateSchema.parse({ reason: '测试变更', ...input }),
  );
  if (progress && change.instanceId) await progress.approve(change.instanceId);
  return change;
}

/** The register's factories, as the module's index exports them. */
export const contractFactories = {
  contractCategory,
  planLine,
  contract,
  submittedContract,
  approvedContract,
  activeContract,
  changeOrder,
  textFile,
};
