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
}

export interface JobScheduleTable {
  name: string;
  type: string;
  payload: unknown;
  every_seconds: number;
  next_run_at: string;
}

export interface JobTables {
  job: JobTable;
  job_schedule: JobScheduleTable;
}
