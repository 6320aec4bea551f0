// End to end: what a scheduled sweep costs in GitHub calls as the number of PRs with environments grows. With nothing
// due it is 1 + ⌈P/100⌉ (the search pages and one read of the label catalogue), whatever the number of repository
// labels; the labels are listed (for the leases and the GC of leftovers) only in a sweep that has something due.
import { runningLabels, shaOf } from '../../bench/measure.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { createManagedService, FULL, startActionWorld } from '../../test-support/action-world.js';
import { ok } from '../../test-support/e2e-checks.js';

let world: ActionWorld;
let seeded = 0;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function seed(count: number, ageHours: number): Promise<number[]> {
  const now = new Date();
  const prs: number[] = [];
  for (let i = 0; i < count; i += 1, seeded += 1) {
    const pr = 40_000 + seeded;
    const sha = shaOf(`sweep-calls-${pr}`);
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: sha,
      author: 'writer',
      labels: runningLabels(sha, now, ageHours),
    });
    await createManagedService(world, {
      pr,
      sha7: sha.slice(0, 7),
      createdAt: new Date(now.getTime() - ageHours * 3_600_000),
    });
    prs.push(pr);
  }
  return prs;
}

async function sweepCounts(): Promise<Record<string, number>> {
  world.github.resetCounts();
  ok(await world.runStep('cleanup', 'schedule', {}));
  return world.github.counts();
}

test('nothing due: 1 + ⌈P/100⌉ calls at 150 PRs; something due: the labels are listed and the leftover GC runs', async () => {
  await seed(150, 2);
  await sweepCounts(); // the first sweep also writes the label catalogue
  expect(await sweepCounts()).toEqual({
    'GET /search/issues': 2,
    'GET /repos/{owner}/{repo}/labels/{name}': 1,
  });

  const [expired] = await seed(1, 72);
  const due = await sweepCounts();
  expect(due['GET /repos/{owner}/{repo}/labels']).toBeGreaterThan(0);
  expect(world.labels(expired!)).toEqual([]);
  // Back to quiet once the expired environment is gone.
  expect(await sweepCounts()).toEqual({
    'GET /search/issues': 2,
    'GET /repos/{owner}/{repo}/labels/{name}': 1,
  });
}, 180_000);
