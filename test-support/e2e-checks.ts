// Small checks shared by the end-to-end tests.
import { activeLabel, statusLabel, TRIGGER_START } from '../src/core/labels.js';
import { STATUS_MARKER } from '../src/core/report.js';
import type { ActionWorld, StepResult } from './action-world.js';
import { FULL, REPO } from './action-world.js';
import { pullRequestEvent } from './payloads.js';

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

/**
 * A new PR whose head `sha` a maintainer started: after this, its environment runs and is the active one. Fails with
 * the step's log when the start did not get there.
 */
export async function runningPr(world: ActionWorld, pr: number, sha: string): Promise<number> {
  const sha7 = sha.slice(0, 7);
  world.github.store.addPull(FULL, { number: pr, headSha: sha, author: 'writer', labels: [TRIGGER_START] });
  const start = pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha: sha,
    sender: 'maintainer',
    label: TRIGGER_START,
  });
  ok((await world.runMain('pull_request_target', start)).run);
  const labels = world.labels(pr);
  if (!labels.includes(statusLabel(sha7, 'running')) || !labels.includes(activeLabel(sha7))) {
    throw new Error(`PR #${pr} did not reach running on ${sha7}; its labels: ${labels.join(', ')}`);
  }
  return pr;
}
