import { type ApprovalSetup, ContractApprovals } from './approvals.js';
import { AuditChain } from './audit.js';
import { type ContractLife, contractLife } from './contract-life.js';
import { type EncodedRows, encodeRows, type Row, type TableShape } from './load.js';
import { setLatestInstant } from './payments.js';
import { partnerName, seeded } from './random.js';
import type { DemoWorld } from './world.js';

/**
 * Drawing a tier's rows, in one random stream (so one seed gives one data set): the partners, then
 * the contracts a transaction at a time, each with its whole life (contract-life.ts) and its audit
 * entries chained on. Runs in a worker thread (draw.worker.ts) while the main thread writes the
 * previous transaction; everything it needs arrives as plain data.
 */
export interface DrawSetup {
  seed: number;
  /** Where the ids' counter starts (random.ts). */
  idsFrom: number;
  partners: number;
  contracts: number;
  contractsPerTransaction: number;
  /** The generator's now (ISO): the day the tier ends on, and no instant later. */
  now: string;
  world: DemoWorld;
  approvals: ApprovalSetup;
  auditHead: { seq: number; hash: string };
  /** The audit chain's key, hex (the generator's instance runs on the development key). */
  auditKey: string;
  shapes: Record<string, TableShape>;
  postgres: boolean;
}

/** One transaction's rows, encoded for its statements, in the order foreign keys need. */
export interface DrawnBatch {
  tables: { table: string; encoded: EncodedRows }[];
  /** The audit chain's head after this batch's entries (audit_head moves with them). */
  auditHead: { seq: number; hash: string };
  contracts: number;
  /** Seconds spent drawing and encoding this batch. */
  seconds: number;
}

export function* drawTier(setup: DrawSetup): Generator<DrawnBatch> {
  const now = new Date(setup.now);
  setLatestInstant(now);
  const random = seeded(setup.seed, setup.idsFrom);
  const world = setup.world;
  const approvals = new ContractApprovals(setup.approvals);
  const chain = new AuditChain(setup.auditHead, Buffer.from(setup.auditKey, 'hex'));
  const encode = (table: string, rows: readonly Row[]) => ({
    table,
    encoded: encodeRows(rows, setup.shapes[table], setup.postgres),
  });

  for (let offset = 0; offset < setup.partners; offset += 5_000) {
    const started = performance.now();
    const rows: Row[] = [];
    for (let i = offset; i < Math.min(offset + 5_000, setup.partners); i++) {
      const partner = { id: random.id(), name: partnerName(random, i), index: i };
      world.partners.push(partner);
      const kind = random.next();
      rows.push({
        ...world.partnerTemplate,
        id: partner.id,
        name: partner.name,
        credit_code: null,
        // Suppliers mostly, a third customers, a few both (the ledger's mix of directions).
        is_customer: kind >= 0.6,
        is_supplier: kind < 0.75,
        blacklisted: false,
        blacklist_reason: null,
        blacklisted_at: null,
      });
    }
    yield {
      tables: [encode('partner', rows)],
      auditHead: chain.head,
      contracts: 0,
      seconds: (performance.now() - started) / 1000,
    };
  }

  for (let offset = 0; offset < setup.contracts; offset += setup.contractsPerTransaction) {
    const started = performance.now();
    const lives: ContractLife[] = [];
    for (let n = offset + 1; n <= Math.min(offset + setup.contractsPerTransaction, setup.contracts); n++) {
      lives.push(contractLife(random, world, approvals, n, now));
    }
    const instances = lives.flatMap((life) => (life.approval ? [life.approval] : []));
    const tables = [
      encode(
        'wf_instance',
        instances.map((a) => a.instance),
      ),
      encode(
        'wf_task',
        instances.flatMap((a) => a.tasks),
      ),
      encode(
        'wf_cc',
        instances.flatMap((a) => a.ccs),
      ),
      encode(
        'wf_action_log',
        instances.flatMap((a) => a.log),
      ),
      encode(
        'contract',
        lives.map((life) => life.contract),
      ),
      encode(
        'contract_plan_item',
        lives.flatMap((life) => life.items),
      ),
      encode(
        'contract_payment',
        lives.flatMap((life) => life.execution.payments),
      ),
      encode(
        'contract_delivery',
        lives.flatMap((life) => life.execution.deliveries),
      ),
      encode(
        'invoice',
        lives.flatMap((life) => life.execution.invoices),
      ),
      encode(
        'invoice_usage',
        lives.flatMap((life) => life.execution.usages),
      ),
      encode(
        'audit_log',
        lives.flatMap((life) => life.events.map((event) => chain.append(event))),
      ),
    ];
    yield {
      tables,
      auditHead: chain.head,
      contracts: lives.length,
      seconds: (performance.now() - started) / 1000,
    };
  }
}
