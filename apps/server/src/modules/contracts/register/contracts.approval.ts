import type { FormField } from '@concord/contracts';
import type { RequestContext } from '../../../platform/http/index.js';
import type { ContractChanges } from '../versions/changes.service.js';
import * as repo from './contracts.repository.js';
import type { ContractSetup } from './contracts.drafts.js';
import type { ContractLifecycle } from './contracts.lifecycle.js';
import type { Db } from '../../../db/index.js';

type Outcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** What the seal requests of this module answer to the engine (seals.service.ts). */
export interface SealOutcomes {
  onApprovalOutcome(trx: Db, ctx: RequestContext, requestId: string, outcome: Outcome): Promise<void>;
  fields?(db: Db, requestId: string): Promise<FormField[] | null>;
  /** The contract the request belongs to, for the approval detail's link. */
  contractOf?(db: Db, requestId: string): Promise<string | null>;
}

/** The contract page's tab that shows each kind of approved document. */
const tabOf: Record<string, string> = {
  'contract.sign': 'approval',
  'contract.change': 'changes',
  'contract.seal': 'archive',
  'contract.payment': 'payments',
  'contract.settlement': 'settlement',
};

/**
 * The contracts module as one approval subject (`contract.*`): the engine calls back inside its
 * own transaction and the business type says which document ended: the contract itself
 * (`contract.sign`), a change order (`contract.change`) or a seal use request (`contract.seal`).
 */
export function contractApprovalSubject(deps: {
  lifecycle: ContractLifecycle;
  changes: ContractChanges;
  seals: SealOutcomes;
  setup: ContractSetup;
  /** Payment requests (`contract.payment`, payments.requests.ts). */
  payments?: SealOutcomes;
  /** Settlements (`contract.settlement`, settlements.service.ts). */
  settlements?: SealOutcomes;
}) {
  const ended =
    (outcome: Outcome) =>
    async (trx: Db, ctx: RequestContext, subjectId: string, instanceId: string, businessType: string) => {
      switch (businessType) {
        case 'contract.sign':
          return deps.lifecycle.approvalEnded(trx, ctx, subjectId, instanceId, eventOf[outcome]);
        case 'contract.change':
          return deps.changes.approvalEnded(trx, ctx, subjectId, instanceId, outcome);
        case 'contract.seal':
          return deps.seals.onApprovalOutcome(trx, ctx, subjectId, outcome);
        case 'contract.payment':
          return deps.payments?.onApprovalOutcome(trx, ctx, subjectId, outcome);
        case 'contract.settlement':
          return deps.settlements?.onApprovalOutcome(trx, ctx, subjectId, outcome);
      }
    };
  return {
    type: 'contract',
    businessTypes: [
      { type: 'contract.sign', label: { 'zh-CN': '合同审批', 'en-US': 'Contract approval' } },
      { type: 'contract.change', label: { 'zh-CN': '合同变更', 'en-US': 'Contract change' } },
      { type: 'contract.seal', label: { 'zh-CN': '合同用印', 'en-US': 'Contract seal' } },
      { type: 'contract.payment', label: { 'zh-CN': '合同付款', 'en-US': 'Contract payment' } },
      { type: 'contract.settlement', label: { 'zh-CN': '合同结算', 'en-US': 'Contract settlement' } },
    ],
    onApproved: ended('APPROVED'),
    onRejected: ended('REJECTED'),
    onWithdrawn: ended('WITHDRAWN'),
    onFormChanged: async (
      trx: Db,
      ctx: RequestContext,
      subjectId: string,
      instanceId: string,
      formData: Record<string, unknown>,
      businessType: string,
    ) => {
      if (businessType === 'contract.sign')
        await deps.lifecycle.approvalEdited(trx, ctx, subjectId, instanceId, formData);
    },
    /** The fields the approval detail shows for a contract, a change or a seal request. */
    fields: async (db: Db, subjectId: string): Promise<FormField[] | null> => {
      const contract = await repo.findContract(db, subjectId);
      if (contract) {
        const category = await deps.setup.category(db, contract.category_id);
        return [...contractFields, ...category.fields];
      }
      if (await repo.findChange(db, subjectId)) return changeFields;
      const paymentFields = await deps.payments?.fields?.(db, subjectId);
      if (paymentFields) return paymentFields;
      const settlementFields = await deps.settlements?.fields?.(db, subjectId);
      if (settlementFields) return settlementFields;
      return (await deps.seals.fields?.(db, subjectId)) ?? null;
    },
    /** The contract page, on the tab that shows the document approved. */
    link: async (db: Db, subjectId: string, businessType: string): Promise<string | null> => {
      const contractId = await (async () => {
        switch (businessType) {
          case 'contract.sign':
            return (await repo.findContract(db, subjectId))?.id ?? null;
          case 'contract.change':
            return (await repo.findChange(db, subjectId))?.contract_id ?? null;
          case 'contract.seal':
            return (await deps.seals.contractOf?.(db, subjectId)) ?? null;
          case 'contract.payment':
            return (await deps.payments?.contractOf?.(db, subjectId)) ?? null;
          case 'contract.settlement':
            return (await deps.settlements?.contractOf?.(db, subjectId)) ?? null;
          default:
            return null;
        }
      })();
      return contractId ? `/contracts/${contractId}?tab=${tabOf[businessType]}` : null;
    },
  };
}

const eventOf = { APPROVED: 'approved', REJECTED: 'rejected', WITHDRAWN: 'withdrawn' } as const;

const contractFields: FormField[] = [
  { key: 'number', label: '合同编号', type: 'text', required: false },
  { key: 'name', label: '合同名称', type: 'text', required: true, maxLength: 200 },
  { key: 'categoryName', label: '合同类别', type: 'text', required: false },
  { key: 'partnerName', label: '相对方', type: 'text', required: false },
  { key: 'amount', label: '合同金额（含税）', type: 'money', required: true },
  { key: 'taxRate', label: '税率', type: 'percent', required: true },
  { key: 'startDate', label: '开始日期', type: 'date', required: false },
  { key: 'endDate', label: '结束日期', type: 'date', required: false },
  { key: 'body', label: '合同正文', type: 'textarea', required: false, maxLength: 10000 },
  { key: 'attachments', label: '附件', type: 'attachment', required: false },
];

const changeFields: FormField[] = [
  { key: 'contractNumber', label: '合同编号', type: 'text', required: false },
  { key: 'contractName', label: '合同名称', type: 'text', required: false },
  { key: 'partnerName', label: '相对方', type: 'text', required: false },
  { key: 'reason', label: '变更原因', type: 'textarea', required: true },
  { key: 'amountBefore', label: '变更前金额', type: 'money', required: false },
  { key: 'amount', label: '变更后金额', type: 'money', required: false },
  // The new payment/receipt plan an amount change carries (schedule.service.ts scheduleText).
  { key: 'schedulePlan', label: '变更后收付款计划', type: 'textarea', required: false },
];
