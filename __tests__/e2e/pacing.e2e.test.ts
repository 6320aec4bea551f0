// End to end with the production pacing (no SHOWTIME_GITHUB_PACING=off, real seconds) against an emulator that
// enforces GitHub's secondary limit on content creation (80 writes a minute, 500 an hour, 403 + retry-after): the
// bursts of writes of real events are never refused. That the emulator does refuse an unpaced burst is shown in
// __tests__/github/pacing.test.ts.
import { TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import type { ActionWorld, RunOptions } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { ok } from '../../test-support/e2e-checks.js';
import { pullRequestEvent } from '../../test-support/payloads.js';

const SHA = 'c3d4e5f60718293a4b5c6d7e8f901234567890ab';
const PRODUCTION_PACING: RunOptions = {
  env: { SHOWTIME_GITHUB_PACING: 'on', SHOWTIME_GITHUB_DELAY_UNIT_MS: '1000' },
};

let world: ActionWorld;

beforeAll(async () => {
  world = await startActionWorld();
  world.github.secondaryLimits.enable();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function labeled(pr: number, label: string) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha: SHA, sender: 'maintainer', label });
}

function writes(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([route]) => !route.startsWith('GET '))
    .reduce((sum, [, n]) => sum + n, 0);
}

test('a create, a stop and another create back to back: every write accepted, none refused', async () => {
  world.github.resetCounts();
  for (const pr of [301, 302]) {
    world.github.store.addPull(FULL, { number: pr, headSha: SHA, author: 'writer', labels: [] });
  }
  const create = await world.runMain('pull_request_target', labeled(301, TRIGGER_START), PRODUCTION_PACING);
  expect(ok(create.run).outputs.status).toBe('running');
  const stop = await world.runMain('pull_request_target', labeled(301, TRIGGER_STOP), PRODUCTION_PACING);
  ok(stop.run);
  const again = await world.runMain('pull_request_target', labeled(302, TRIGGER_START), PRODUCTION_PACING);
  expect(ok(again.run).outputs.status).toBe('running');

  expect(world.github.secondaryLimits.refused).toBe(0);
  // A real burst: dozens of writes from six processes, each with a full bucket.
  expect(writes(world.github.counts())).toBeGreaterThan(30);
  for (const step of [create.plan, create.run, stop.plan, stop.run, again.plan, again.run])
    expect(`${step?.stdout ?? ''}${step?.stderr ?? ''}`).not.toMatch(/secondary rate limit/i);
}, 120_000);
