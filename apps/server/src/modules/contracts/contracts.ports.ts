import type { ContractAttachmentType, FormField, PartnerBank } from '@concord/contracts';
import type { RequestContext } from '../../platform/http/index.js';
import type { OrgNames } from '../../platform/org/index.js';
import type { StartInput } from '../../platform/workflow/index.js';
import type { Db } from '../../db/index.js';

/**
 * What the contract register needs from outside its module, wired in the module definition: the partner library,
 * numbering rules, the organisation, files and the approval engine.
 */
export interface ContractPorts {
  partners: {
    /** The counterparty as a new contract may use it; refuses blacklisted or unusable partners. */
    forContract(
      trx: Db,
      ctx: RequestContext,
      partnerId: string,
      signingEntityId: string,
    ): Promise<{
      id: string;
      name: string;
      creditCode: string | null;
      bankAccounts: (PartnerBank & { isDefault: boolean })[];
    }>;
    /**
     * Creates the counterparty an import row names (a company, of the signing entity, a customer of
     * an income contract or a supplier of an expense one), with the partner library's own checks.
     */
    createForImport(
      trx: Db,
      ctx: RequestContext,
      input: { name: string; creditCode: string; entityId: string; kind: 'customer' | 'supplier' },
    ): Promise<{ id: string }>;
    /** Before the transaction that creates them (resolves the caller's partner scopes). */
    prepareCreate(ctx: RequestContext): Promise<void>;
  };
  numbering: {
    next(trx: Db, ruleId: string, input: { entityCode: string; date: string }): Promise<string>;
    ruleIdByCode(trx: Db, code: string): Promise<string | null>;
  };
  org: {
    entities(trx: Db, ids: string[]): Promise<Map<string, { name: string; code: string }>>;
    departments(trx: Db, ids: string[]): Promise<Map<string, { name: string; entityId: string }>>;
    userNames(trx: Db, ids: string[]): Promise<Map<string, string>>;
    activeUserIds(trx: Db, ids: string[]): Promise<Set<string>>;
    /** Names for a list's rows, cached per access stamp: for read paths, not inside a write. */
    names(ctx: RequestContext): OrgNames;
  };
  files: {
    visibleIds(trx: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
    namesOf(trx: Db, ids: string[]): Promise<Map<string, string>>;
  };
  /** Starts an approval in the caller's transaction (the engine's `start`); returns the instance id. */
  startApproval(trx: Db, ctx: RequestContext, input: StartInput): Promise<string>;
  /** Today's date (YYYY-MM-DD) by the app's clock, for days to expiry and reminders. */
  today(): string;
}

/** A category as the register uses it (from the categories service of this module). */
export interface CategoryForContract {
  id: string;
  code: string;
  name: string;
  direction: 'INCOME' | 'EXPENSE';
  numberRuleId: string | null;
  flowKey: string | null;
  requiredAttachmentTypes: ContractAttachmentType[];
  fields: FormField[];
  expiryReminderDays: number;
  active: boolean;
}
