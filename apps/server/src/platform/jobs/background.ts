import type { BackgroundJobStatus } from '@concord/contracts';
import { z } from 'zod';
import { readInstant } from '../../db/index.js';
import type { JobQueue } from './job-queue.js';

/** Who asked for a background job: the job acts as them (their permissions and scopes, at run time). */
export const jobRequesterSchema = z.object({ userId: z.string(), entityId: z.string() });
export type JobRequester = z.infer<typeof jobRequesterSchema>;

/** A job's state as its requester follows it (the fields of `backgroundJobFields`). */
export interface BackgroundJobView {
  id: string;
  status: BackgroundJobStatus;
  done: number;
  total: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * A job of this type asked for by this user, with its payload and result; undefined when there is
 * no such job or another user asked for it (the caller answers 404 either way). A job that ran out
 * of attempts is `failed` with `deadError`; a handler that failed for a reason the user should read
 * returns `{ error }` as its result.
 */
export async function requestersJob(
  queue: JobQueue,
  id: string,
  type: string,
  userId: string,
  deadError: string,
): Promise<{ view: BackgroundJobView; payload: any; result: any } | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const job = await queue.status(id);
  const payload = job?.payload as { requester?: unknown } | null | undefined;
  const requester = jobRequesterSchema.safeParse(payload?.requester);
  if (!job || job.type !== type || !requester.success || requester.data.userId !== userId) return undefined;
  const result = job.result as { error?: unknown } | null;
  const error = job.status === 'dead' ? deadError : typeof result?.error === 'string' ? result.error : null;
  const status: BackgroundJobStatus = error
    ? 'failed'
    : job.status === 'dead'
      ? 'failed'
      : job.status === 'done'
        ? 'done'
        : job.status === 'running'
          ? 'running'
          : 'queued';
  return {
    view: {
      id: job.id,
      status,
      done: Number(job.progress_done ?? 0),
      total:
        job.progress_total === null || job.progress_total === undefined ? null : Number(job.progress_total),
      error,
      createdAt: readInstant(job.created_at)!,
      finishedAt: readInstant(job.finished_at),
    },
    payload,
    result,
  };
}
