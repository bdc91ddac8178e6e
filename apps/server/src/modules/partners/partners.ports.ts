import type { Db } from '../../db/index.js';
import type { RequestContext } from '../../platform/http/index.js';

/*
 * The ports of the partner library: what it needs from the platform and what it provides to the
 * modules that use it. Its services and helpers share them from here.
 */

/** What partners need from the platform (wired in the module definition). Pass the transaction when inside one. */
export interface PartnerDirectory {
  entityNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  userNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** The user's home entity and main department. */
  homeOf(db: Db, userId: string): Promise<{ entityId: string; departmentId: string } | null>;
  /** Of these file ids, the ones that exist and the caller may see. */
  visibleFileIds(db: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
  fileNames(db: Db, ids: string[]): Promise<Map<string, string>>;
}

/** A partner as a new contract needs it (see `PartnersService.forContract`). */
export interface PartnerForContract {
  id: string;
  name: string;
  creditCode: string | null;
  bankAccounts: {
    id: string;
    bankName: string;
    accountName: string;
    accountNumber: string;
    isDefault: boolean;
  }[];
}
