import type { FormField } from '@concord/contracts';
import { type Db, newId } from '../../db/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, type RequestContext } from '../http/index.js';
import * as repo from './form-submissions.repository.js';
import type { FormsService } from './forms.service.js';
import type { Clock } from '../jobs/index.js';

/** What a submission needs from the approval engine (wired in the workflow module; forms do not import it). */
export type StartApproval = (
  trx: Db,
  ctx: RequestContext,
  input: {
    businessType: string;
    subjectId: string;
    title: string;
    entityId: string;
    departmentId: string | null;
    amount: number | null;
    currency: 'CNY';
    category: string | null;
    formData: Record<string, unknown>;
    selections?: Record<string, string[]>;
  },
) => Promise<string>;

export type SubmissionStatus = 'IN_APPROVAL' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/**
 * Submitting an ad-hoc form: the validated values are kept with a copy of the form's fields (so a
 * later edit of the form does not change what was submitted) and its approval starts in the same
 * transaction. The approval engine reports the outcome back through `setStatus`.
 */
export class FormSubmissionsService {
  constructor(
    private readonly db: Db,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly startApproval: StartApproval,
    private readonly clock: Clock,
  ) {}

  async submit(
    ctx: RequestContext,
    formId: string,
    input: { data: unknown; selections?: Record<string, string[]> },
  ): Promise<{ submissionId: string; instanceId: string }> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    return this.db.transaction().execute(async (trx) => {
      const prepared = await this.forms.prepareSubmission(trx, ctx, formId, input.data);
      const id = newId();
      const now = this.clock.now().toISOString();
      await repo.insertSubmission(trx, {
        id,
        form_id: formId,
        entity_id: actor.actingEntityId,
        department_id: actor.mainDepartmentId,
        initiator_id: actor.userId,
        fields: prepared.form.fields,
        data: prepared.data,
        amount: prepared.amount,
        status: 'IN_APPROVAL',
        instance_id: null,
        created_at: now,
        updated_at: now,
      });
      const instanceId = await this.startApproval(trx, ctx, {
        businessType: prepared.form.businessType,
        subjectId: id,
        title: titleOf(prepared.form.name, prepared.data, actor.displayName),
        entityId: actor.actingEntityId,
        departmentId: actor.mainDepartmentId,
        amount: prepared.amount,
        // A form's money fields are yuan (分): ad-hoc forms have no currency of their own.
        currency: 'CNY',
        category: null,
        formData: prepared.data,
        selections: input.selections,
      });
      await repo.setInstance(trx, id, instanceId);
      await this.audit.record(trx, ctx, {
        entityType: 'form_submission',
        entityId: id,
        action: 'submit',
        after: { formId, data: prepared.data, amount: prepared.amount, instanceId },
      });
      return { submissionId: id, instanceId };
    });
  }

  /** The approval's outcome, called by the engine inside its transaction. */
  async setStatus(
    trx: Db,
    ctx: RequestContext,
    submissionId: string,
    status: SubmissionStatus,
  ): Promise<void> {
    const before = await repo.findStatus(trx, submissionId);
    if (!before) return;
    await repo.setStatus(trx, submissionId, status, this.clock.now().toISOString());
    await this.audit.record(trx, ctx, {
      entityType: 'form_submission',
      entityId: submissionId,
      action: 'status',
      changes: [{ field: 'status', old: before.status, new: status }],
    });
  }

  /** The fields a submission was made with, for showing it in the approval detail. */
  async fieldsOf(db: Db, submissionId: string): Promise<FormField[] | null> {
    return repo.fieldsOf<FormField[]>(db, submissionId);
  }
}

/** 「通用申请：购置测量仪器（吴敏）」: the form's name, its own title field when it has one, and who asks. */
function titleOf(formName: string, data: Record<string, unknown>, initiator: string): string {
  const own = typeof data.title === 'string' && data.title.trim() ? `：${data.title.trim()}` : '';
  return `${formName}${own}（${initiator}）`.slice(0, 200);
}
