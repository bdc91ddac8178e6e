import type { WfNode } from '@concord/contracts';
import { expect } from 'vitest';
import { decide } from './workflow.decide.js';
import { WorkflowError } from './workflow.errors.js';
import type { Run } from './workflow.testing.js';

/*
 * What the workflow.scenarios.*.test.ts files share besides the engine test kit: each file
 * records the states its scenarios reach (recordReachedStates) and ends with
 * describeReachedStatesPersist, so every state is stored and read back on every dialect.
 */

/** Asserts a WorkflowError with the given code and that the state did not move. */
export function expectError(run: Run, command: Parameters<Run['do']>[0], code: string, status?: number) {
  const before = run.state;
  let caught: unknown;
  try {
    decide(before, command, run.now, run.org);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkflowError);
  expect((caught as WorkflowError).code).toBe(code);
  if (status) expect((caught as WorkflowError).status).toBe(status);
  expect(run.state).toBe(before);
}

/** A condition node with the given branches (each branch named after its id). */
export const cond = (
  id: string,
  branches: Array<{ id: string; priority: number; when?: any; next?: WfNode }>,
): WfNode => ({
  id,
  name: id,
  type: 'condition',
  branches: branches.map((b) => ({ name: b.id, ...b })),
});
