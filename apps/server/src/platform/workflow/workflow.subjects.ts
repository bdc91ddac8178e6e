import type { FormField, Locale } from '@concord/contracts';
import type { RequestContext } from '../http/index.js';
import type { Db } from '../../db/index.js';

/**
 * A business document that goes through approval. A module registers one per kind of document
 * (`form`, `contract`, ...); the engine calls back inside its own transaction, so the document's
 * status and the approval's state commit together. The engine knows no module.
 */
export interface ApprovalSubject {
  /** The business-type prefix it serves: `form` serves `form.seal`, `form.general`, ... */
  type: string;
  onApproved: SubjectCallback;
  onRejected: SubjectCallback;
  onWithdrawn: SubjectCallback;
  /**
   * The instance's form data changed after submission (an approver edited fields their step may
   * edit, or a resubmission): a document that keeps its own copy updates it here.
   */
  onFormChanged?(
    trx: Db,
    ctx: RequestContext,
    subjectId: string,
    instanceId: string,
    formData: Record<string, unknown>,
    businessType: string,
  ): Promise<void>;
  /** The form fields the document was submitted with, for showing it in the approval detail. */
  fields?(db: Db, subjectId: string): Promise<FormField[] | null>;
  /** Where the document itself is seen in the web app (the approval detail links to it). */
  link?(db: Db, subjectId: string, businessType: string): Promise<string | null>;
  /** The business types it serves, by their names (the designer shows 合同审批, not contract.sign). */
  businessTypes?: { type: string; label: Record<Locale, string> }[];
}

/** `businessType` tells a subject serving several types (`contract.sign`, `contract.change`) which one ended. */
export type SubjectCallback = (
  trx: Db,
  ctx: RequestContext,
  subjectId: string,
  instanceId: string,
  businessType: string,
) => Promise<void>;

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

  /** Every business type a subject names, with its name in the reader's language. */
  businessTypes(locale: Locale): { type: string; label: string }[] {
    return [...this.#subjects.values()].flatMap((subject) =>
      (subject.businessTypes ?? []).map(({ type, label }) => ({ type, label: label[locale] })),
    );
  }
}
