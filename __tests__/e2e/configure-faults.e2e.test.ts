// A configuration change (`/showtime enable …`) marks the environment `configuring` while ECS takes the new task
// definition, then marks it `running` again. When GitHub fails a label removal for good on the way, the labels must
// still describe the truth: one status for the SHA, and a report that says whether the new configuration serves.
// (Seen in the long faults run: `🚦 configuring` and `🚦 running` side by side after a configure step.)
import { configLabels, parseLabel, statusLabel } from '../../src/core/labels.js';
import { buildPrState } from '../../src/core/state.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { runningPr, statusComment } from '../../test-support/e2e-checks.js';
import { commentEvent } from '../../test-support/payloads.js';
import { requireSha } from '../../src/core/values.js';

const SHA = requireSha('c3d4e5f60718293a4b5c6d7e8f90123456789abc');
const SHA7 = SHA.slice(0, 7);
const ADD = '/repos/{owner}/{repo}/issues/{issue_number}/labels';
const REMOVE = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
const ENABLE = '/showtime enable ALERT_REPORTS';

let world: ActionWorld;
let nextPr = 950;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function configure(pr: number) {
  const posted = world.github.store.addComment(FULL, pr, { body: ENABLE, author: 'maintainer' });
  const event = commentEvent({ repo: REPO, pr, body: ENABLE, sender: 'maintainer', commentId: posted.id });
  const result = await world.runMain('issue_comment', event);
  world.github.faults.clear();
  return result;
}

function statuses(pr: number): string[] {
  return world.labels(pr).filter((label) => parseLabel(label).kind === 'status');
}

function expectHealthy(pr: number): void {
  const state = buildPrState({
    number: pr,
    headSha: SHA,
    open: true,
    fromFork: false,
    labels: world.labels(pr),
  });
  expect(state.problems).toEqual([]);
  expect(statuses(pr)).toEqual([statusLabel(SHA7, 'running')]);
}

describe('a configuration change under label removals that fail for good', () => {
  test('removing `running` when `configuring` goes on fails: nothing changes, and the labels say running', async () => {
    const pr = await runningPr(world, (nextPr += 1), SHA);
    // The configure step's first DELETE is the one that takes `running` away once `configuring` is on.
    world.github.faults.failNext(4, { method: 'DELETE', route: REMOVE, status: 502 });
    const result = await configure(pr);
    expectHealthy(pr);
    const enabled = configLabels(SHA7, { flags: { ALERT_REPORTS: true }, debug: false });
    expect(world.labels(pr)).not.toEqual(expect.arrayContaining(enabled));
    expect(result.run?.code).toBe(1);
    expect(statusComment(world, pr)).toContain('the previous configuration keeps running');
  }, 90_000);

  test('removing `configuring` once the new configuration serves fails: the change stands, one status', async () => {
    const pr = await runningPr(world, (nextPr += 1), SHA);
    // The second label POST is the one that puts the new configuration's labels on (the first added
    // `configuring`): the removals after it fail on every attempt.
    let posts = 0;
    for (let i = 0; i < 10; i += 1) {
      world.github.faults.beforeNext({ method: 'POST', route: ADD }, () => {
        posts += 1;
        if (posts === 2) world.github.faults.failNext(4, { method: 'DELETE', route: REMOVE, status: 502 });
      });
    }
    const result = await configure(pr);
    expect(posts).toBeGreaterThanOrEqual(2);
    expectHealthy(pr);
    expect(world.labels(pr).join(',')).toContain('ALERT_REPORTS');
    expect(result.run?.code).toBe(0);
    expect(statusComment(world, pr)).not.toContain('the previous configuration keeps running');
    expect(statusComment(world, pr)).toContain(`Configuration of \`${SHA7}\` updated`);
  }, 90_000);
});
