import type { FormField } from '@concord/contracts';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../http/context.js';

/**
 * A business document that goes through approval. A module registers one per kind of document
 * (`form`, `contract`, ...); the engine calls back inside its own transaction, so the document's
 * status and the approval's state commit together. The engine knows no module.
 */
export interface ApprovalSubject {
  /** The business-type prefix it serves: `form` serves `form.seal`, `form.general`, ... */
  type: string;
  onApproved(trx: Kysely<any>, ctx: RequestContext, subjectId: string, instanceId: string): Promise<void>;
  onRejected(trx: Kysely<any>, ctx: RequestContext, subjectId: string, instanceId: string): Promise<void>;
  onWithdrawn(trx: Kysely<any>, ctx: RequestContext, subjectId: string, instanceId: string): Promise<void>;
  /** The form fields the document was submitted with, for showing it in the approval detail. */
  fields?(db: Kysely<any>, subjectId: string): Promise<FormField[] | null>;
}

export class ApprovalSubjects {
  readonly #subjects = new Map<string, ApprovalSubject>();

  register(subject: ApprovalSubject): void {
    if (this.#subjects.has(subject.type))
      throw new Error(`Approval subject ${subject.type} registered twice`);
    this.#subjects.set(subject.type, subject);
  }

  forBusinessType(businessType: string): ApprovalSubject | undefined {
    return this.#subjects.get(businessType.split('.')[0]);
  }
}
