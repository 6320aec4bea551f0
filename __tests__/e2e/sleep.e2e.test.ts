// End to end (issue 17): sleep and wake by command, by the start label, and by the cleanup's sleep schedule. A
// sleeping environment's service runs no task; its labels and TTL stay; the comment says how to wake it.
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { TRIGGER_START } from '../../src/core/labels.js';
import { commentEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, runningPr, statusComment } from '../../test-support/e2e-checks.js';
import { CLUSTER, FULL, REPO, startActionWorld, TASK_IP } from '../../test-support/action-world.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA7 = SHA.slice(0, 7);

let world: ActionWorld;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function comment(pr: number, body: string) {
  const posted = world.github.store.addComment(FULL, pr, { body, author: 'maintainer' });
  return world.runMain(
    'issue_comment',
    commentEvent({ repo: REPO, pr, body, sender: 'maintainer', commentId: posted.id }),
  );
}

async function desiredCount(pr: number): Promise<number | undefined> {
  const described = await world.clients.ecs.send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: [`pr-${pr}-${SHA7}-service`] }),
  );
  return described.services?.[0]?.desiredCount;
}

const address = (pr: number) => world.labels(pr).filter((label) => label.startsWith(`🎪 ${SHA7} 🌐 `));

test('/showtime sleep scales to zero and keeps the labels; /showtime wake brings it back', async () => {
  const pr = await runningPr(world, 1100, SHA);
  const ttl = world.labels(pr).find((label) => label.includes('⌛'));

  const slept = await comment(pr, '/showtime sleep');
  expect(ok(slept.plan).outputs.action).toBe('sleep');
  // The plan record each step works from is in the debug log (shown with ACTIONS_STEP_DEBUG), without quoted text.
  expect(slept.plan.stdout).toMatch(/^::debug::plan record: \{"version":\d+,.*"action":"sleep"/m);
  expect(slept.run?.stdout).toMatch(/^::debug::plan record: \{"version":\d+,.*"commandErrors":0/m);
  expect(ok(slept.run).outputs.status).toBe('sleeping');
  expect(await desiredCount(pr)).toBe(0);
  expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 sleeping`);
  expect(world.labels(pr)).not.toContain(`🎪 ${SHA7} 🚦 running`);
  // The IP went with the task; the TTL keeps running.
  expect(address(pr)).toEqual([]);
  expect(world.labels(pr)).toContain(ttl);
  expect(statusComment(world, pr)).toContain('/showtime wake');

  const woken = await comment(pr, '/showtime wake');
  expect(ok(woken.run).outputs.status).toBe('running');
  expect(woken.run?.outputs['environment-url']).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
  expect(await desiredCount(pr)).toBe(1);
  expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 running`);
  expect(world.labels(pr)).not.toContain(`🎪 ${SHA7} 🚦 sleeping`);
  expect(address(pr)).toEqual([expect.stringMatching(new RegExp(`^🎪 ${SHA7} 🌐 ${TASK_IP}:\\d+$`))]);
}, 120_000);

test('the sleep schedule puts a running environment to sleep; the start label wakes it without a build', async () => {
  const pr = await runningPr(world, 1101, SHA);
  // A window that began two minutes ago, whatever the time of the run.
  const begun = new Date(Date.now() - 2 * 60_000);
  const hhmm = (d: Date) =>
    `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const schedule = `daily ${hhmm(begun)}-${hhmm(new Date(begun.getTime() + 6 * 3_600_000))}`;
  const sweep = ok(
    await world.runStep('cleanup', 'schedule', {}, { inputs: { 'sleep-schedule': schedule } }),
  );
  expect(sweep.summary).toContain('put to sleep');
  expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 sleeping`);
  expect(await desiredCount(pr)).toBe(0);
  expect(statusComment(world, pr)).toContain('/showtime wake');

  // Later in the same window the sweep leaves what it finds: a woken environment stays awake.
  const builds = world.docker.calls().filter((argv) => argv[1] === 'build').length;
  world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
  const start = await world.runMain(
    'pull_request_target',
    pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA,
      sender: 'maintainer',
      label: TRIGGER_START,
    }),
  );
  expect(ok(start.plan).outputs.reason).toBe('wake-on-start');
  expect(ok(start.run).outputs.status).toBe('running');
  expect(world.docker.calls().filter((argv) => argv[1] === 'build')).toHaveLength(builds);
  expect(world.labels(pr)).not.toContain(TRIGGER_START);
  expect(await desiredCount(pr)).toBe(1);
}, 120_000);
