// The blue-green switch writes the new environment's labels first and removes the old ones after. When GitHub fails
// the removals for good half-way, the labels must still describe the truth: one 🎯, pointing at an environment that
// serves. (Seen in the long faults run: two 🎯 after a push whose label writes failed.)
import { activeLabel, statusLabel } from '../../src/core/labels.js';
import { buildPrState } from '../../src/core/state.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { runningPr as startedPr } from '../../test-support/e2e-checks.js';
import { pullRequestEvent } from '../../test-support/payloads.js';
import { requireSha } from '../../src/core/values.js';

const SHA_A = 'c1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = requireSha('c2c3d4e5f60718293a4b5c6d7e8f901234567890');
const A = SHA_A.slice(0, 7);
const B = SHA_B.slice(0, 7);
const REMOVE = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';

let world: ActionWorld;
let nextPr = 900;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function runningPr(): Promise<number> {
  return startedPr(world, (nextPr += 1), SHA_A);
}

/** The first label removal once `when` holds for the PR's labels fails on every attempt (the call and 3 retries). */
function failFirstRemovalWhen(pr: number, when: (labels: string[]) => boolean): void {
  let armed = false;
  for (let i = 0; i < 40; i += 1) {
    world.github.faults.beforeNext({ method: 'DELETE', route: REMOVE }, () => {
      if (!armed && when(world.labels(pr))) {
        armed = true;
        world.github.faults.failNext(4, { method: 'DELETE', route: REMOVE, status: 502 });
      }
    });
  }
}

async function pushB(pr: number, when: (labels: string[]) => boolean): Promise<void> {
  world.github.store.setHeadSha(FULL, pr, SHA_B);
  failFirstRemovalWhen(pr, when);
  const push = pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: SHA_B, sender: 'writer' });
  await world.runMain('pull_request_target', push);
  world.github.faults.clear();
}

/** One 🎯, on B, which runs and is served; A's labels say nothing that is not true. */
async function expectBServes(pr: number): Promise<void> {
  const labels = world.labels(pr);
  const state = buildPrState({ number: pr, headSha: SHA_B, open: true, fromFork: false, labels });
  expect(state.problems).toEqual([]);
  expect(labels.filter((label) => label === activeLabel(A) || label === activeLabel(B))).toEqual([
    activeLabel(B),
  ]);
  expect(labels).toContain(statusLabel(B, 'running'));
  expect(labels).not.toContain(statusLabel(A, 'running'));
  const services = await world.activeServices();
  expect(services).toContain(`pr-${pr}-${B}-service`);
  expect(services).not.toContain(`pr-${pr}-${A}-service`);
}

describe('blue-green switch under label removals that fail for good', () => {
  test('the removal right after the new pointer is written: one 🎯, on the new environment', async () => {
    const pr = await runningPr();
    await pushB(pr, (labels) => labels.includes(activeLabel(A)) && labels.includes(activeLabel(B)));
    await expectBServes(pr);
  }, 120_000);

  test('the first removal of the old environment’s labels: the new one keeps running', async () => {
    const pr = await runningPr();
    await pushB(pr, (labels) => labels.includes(activeLabel(B)) && !labels.includes(activeLabel(A)));
    await expectBServes(pr);
  }, 120_000);
});
