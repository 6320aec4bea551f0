// Small checks shared by the end-to-end tests.
import { STATUS_MARKER } from '../src/core/report.js';
import type { ActionWorld, StepResult } from './action-world.js';
import { FULL } from './action-world.js';

/** The step itself, or an error carrying the step's own log, so that a broken run explains itself. */
export function ok(step: StepResult | undefined): StepResult {
  if (step === undefined) throw new Error('the run step did not run');
  if (step.code !== 0) throw new Error(`step exited ${step.code}:\n${step.stdout}\n${step.stderr}`);
  return step;
}

/** The body of the PR's sticky status comment ('' when there is none). */
export function statusComment(world: ActionWorld, pr: number): string {
  return (
    world.github.store.comments(FULL, pr).find((comment) => comment.body.includes(STATUS_MARKER))?.body ?? ''
  );
}
