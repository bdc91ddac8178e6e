export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface JobTable {
  id: string;
  type: string;
  payload: unknown;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
  /** How far a long job is: units done (rows, say) of progress_total (null while unknown). */
  progress_done?: number | null;
  progress_total?: number | null;
  /** What the handler returned (JSON), for whoever asked for the job. */
  result?: unknown;
}

export interface JobScheduleTable {
  name: string;
  type: string;
  payload: unknown;
  /** The period; 0 for a cron schedule. */
  every_seconds: number;
  /** A cron pattern (minute hour day month weekday), read in time_zone. */
  cron: string | null;
  /** An IANA zone such as Asia/Shanghai; set with cron. */
  time_zone: string | null;
  next_run_at: string;
}

export interface JobTables {
  job: JobTable;
  job_schedule: JobScheduleTable;
}

declare module '../../db/index.js' {
  interface Database extends JobTables {}
}
