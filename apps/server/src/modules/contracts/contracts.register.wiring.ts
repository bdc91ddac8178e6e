import { businessDate } from '@concord/contracts';
import { AppError } from '../../platform/http/index.js';
import type { ModuleRegistry, PlatformPorts } from '../../platform/kit/index.js';
import { ContractArchiveService } from './archive/archive.service.js';
import { ContractBorrowsService } from './archive/borrows.service.js';
import { ContractCategoriesService } from './setup/categories.service.js';
import type { ContractPorts } from './contracts.ports.js';
import type { ContractSetup } from './register/contracts.drafts.js';
import { ContractLifecycle } from './register/contracts.lifecycle.js';
import { ContractsService } from './register/contracts.service.js';
import { ContractImportService } from './ledger/import.service.js';
import { ContractLedger } from './ledger/ledger.service.js';
import { ContractPlansService } from './setup/plans.service.js';
import { ContractSealsService } from './archive/seals.service.js';
import { ContractVersions } from './versions/versions.service.js';
import type { Db } from '../../db/index.js';

export type ContractDeps = Pick<
  ModuleRegistry,
  | 'audit'
  | 'org'
  | 'iam'
  | 'files'
  | 'numbering'
  | 'partners'
  | 'jobs'
  | 'notifications'
  | 'workflow'
  | 'invoices'
>;

/** The ports the register's services share: partners, numbering, organisation, files, approvals, today. */
export function contractPorts({ clock }: PlatformPorts, deps: ContractDeps): ContractPorts {
  const { org, users } = deps.org;
  const activeUserIds = async (trx: Db, ids: string[]) =>
    new Set((await users.loadMany(trx, ids)).filter((u) => u.active).map((u) => u.id));
  return {
    partners: {
      forContract: (trx, ctx, id, entityId) => deps.partners.forContract(trx, ctx, id, entityId),
      createForImport: (trx, ctx, input) =>
        deps.partners.createIn(trx, ctx, {
          name: input.name,
          creditCode: input.creditCode,
          kinds: [input.kind],
          type: 'enterprise',
          industry: null,
          region: null,
          address: null,
          remarks: null,
          entityId: input.entityId,
          sharedWithGroup: false,
        }),
      prepareCreate: (ctx) => deps.partners.prepareCreate(ctx),
    },
    numbering: {
      next: (trx, ruleId, at) => deps.numbering.next(trx, ruleId, at),
      ruleIdByCode: async (trx, code) => (await deps.numbering.findByCode(trx, code))?.id ?? null,
    },
    org: {
      entities: async (trx, ids) =>
        new Map((await org.entitySummaries(ids, trx)).map((e) => [e.id, { name: e.name, code: e.code }])),
      departments: (trx, ids) => org.departmentSummaries(ids, trx),
      userNames: (trx, ids) => org.userNames(ids, trx),
      activeUserIds,
      names: (ctx) => org.namesFor(ctx),
    },
    files: {
      visibleIds: (trx, ctx, ids) => deps.files.visibleIds(trx, ctx, ids),
      namesOf: (trx, ids) => deps.files.namesOf(trx, ids),
    },
    startApproval: (trx, ctx, input) => deps.workflow.workflow.start(trx, ctx, input),
    today: () => businessDate(clock.now()),
  };
}

/**
 * The contract register: categories and plan lines, contracts and their lifecycle, versions, change
 * orders, the ledger, import, archive, borrowing and seal use.
 */
export function createContractRegister(platform: PlatformPorts, deps: ContractDeps, ports: ContractPorts) {
  const { db, clock, systemContext } = platform;
  const { audit } = deps;
  const { org, users } = deps.org;
  // Set-up: the category tree and yearly plan lines.
  const contractCategories = new ContractCategoriesService(
    db,
    audit,
    {
      numberRuleExists: async (trx, id) => (await deps.numbering.findById(trx, id))?.active === true,
      flowKeyExists: (trx, key) =>
        deps.workflow.workflowDefinitions.resolveByKey(trx, key).then(
          () => true,
          (error: unknown) => {
            if (error instanceof AppError && error.code === 'WF_NO_FLOW') return false;
            throw error;
          },
        ),
      groupEntityId: async () =>
        (await org.listEntities(systemContext())).find((entity) => entity.parentId === null)?.id ?? null,
    },
    clock,
  );
  const contractPlans = new ContractPlansService(db, audit, contractCategories, clock);
  const setup: ContractSetup = {
    category: (trx, id) => contractCategories.forContract(trx, id),
    categoryNames: (trx, ids) => contractCategories.namesOf(trx, ids),
    validateCustomData: (category, data, ctx) =>
      contractCategories.validateCustomData(category, data, ctx.locale),
    planLine: async (trx, ctx, id, input) => {
      await contractPlans.lineForContract(trx, ctx, id, input);
    },
  };
  const contractVersions = new ContractVersions(db, ports, clock);
  const contracts = new ContractsService(db, audit, ports, setup, clock);
  const contractLifecycle = new ContractLifecycle(db, audit, ports, setup, contractVersions, clock);
  const contractLedger = new ContractLedger(db, ports, platform.heavyReads);
  // Imports resolve codes through the directory once per distinct value; the register's own checks
  // (scope, partner use by the entity, blacklist) run with the importing user's context.
  const contractImport = new ContractImportService(
    db,
    audit,
    ports,
    {
      entities: () => org.listEntities(systemContext()),
      departments: async (entityIds) =>
        (await Promise.all(entityIds.map((id) => org.listDepartments(systemContext(), id)))).flat(),
      users: async (owners) => {
        const found = await users.namedBy(owners);
        return new Map(
          [...found].map(([owner, u]) => [
            owner,
            u === 'ambiguous' ? u : { id: u.id, active: u.active === true || u.active === 1 },
          ]),
        );
      },
      partners: async ({ creditCodes, names }) => {
        const search = async (
          q: string,
          exact: (p: { name: string; creditCode: string | null }) => boolean,
        ) => (await deps.partners.list(systemContext(), { page: 1, pageSize: 200, q })).items.filter(exact);
        const found = await Promise.all([
          ...creditCodes.map((code) => search(code, (p) => p.creditCode === code)),
          ...names.map((name) => search(name, (p) => p.name === name)),
        ]);
        return [...new Map(found.flat().map((p) => [p.id, p])).values()];
      },
    },
    contractVersions,
    clock,
  );
  const contractSeals = new ContractSealsService(
    db,
    audit,
    (trx, ctx, input) => deps.workflow.workflow.start(trx, ctx, input),
    (trx, ids) => org.userNames(ids, trx),
    clock,
  );
  const archiveDirectory = {
    userNames: (trx: Db, ids: string[]) => org.userNames(ids, trx),
    activeUserIds: ports.org.activeUserIds,
  };
  const contractArchive = new ContractArchiveService(db, audit, archiveDirectory, clock);
  const contractBorrows = new ContractBorrowsService(db, audit, archiveDirectory, clock);
  return {
    setup,
    contractCategories,
    contractPlans,
    contracts,
    contractLifecycle,
    contractVersions,
    contractLedger,
    contractImport,
    contractSeals,
    contractArchive,
    contractBorrows,
  };
}
export type ContractRegister = ReturnType<typeof createContractRegister>;
