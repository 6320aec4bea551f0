// End to end, public-IP mode (issue 17): Fargate replaces an environment's task (health, maintenance, a reclaimed
// Spot task) and the replacement has another IP. One sweep brings the 🌐 label, the status comment and the
// deployment's URL to the new address.
import { TRIGGER_START } from '../../src/core/labels.js';
import { pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import { FULL, REPO, startActionWorld, TASK_IP } from '../../test-support/action-world.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NEW_IP = '127.0.0.9';

let world: ActionWorld;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

test('a replaced task’s new IP reaches the labels, the comment and the deployment within one sweep', async () => {
  const pr = 900;
  world.github.store.addPull(FULL, { number: pr, headSha: SHA, author: 'writer', labels: [TRIGGER_START] });
  const start = pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha: SHA,
    sender: 'maintainer',
    label: TRIGGER_START,
  });
  const first = await world.runMain('pull_request_target', start);
  const port = /:(\d+)$/.exec(ok(first.run).outputs['environment-url'] ?? '')?.[1];
  expect(world.labels(pr)).toContain(`🎪 a1b2c3d 🌐 ${TASK_IP}:${port}`);

  // A sweep while nothing moved changes nothing.
  const quiet = ok(await world.runStep('cleanup', 'schedule', {}));
  expect(quiet.summary).not.toContain('address refreshed');

  await world.replaceTask(`pr-${pr}-a1b2c3d-service`, NEW_IP);
  const sweep = ok(await world.runStep('cleanup', 'schedule', {}));
  expect(sweep.summary).toContain('address refreshed');
  const labels = world.labels(pr);
  expect(labels).toContain(`🎪 a1b2c3d 🌐 ${NEW_IP}:${port}`);
  expect(labels.filter((label) => label.includes('🌐'))).toHaveLength(1);
  expect(statusComment(world, pr)).toContain(`http://${NEW_IP}:${port}`);
  const deployment = world.github.store.deployments(FULL).find((d) => d.environment === `showtime-pr-${pr}`);
  const newest = world.github.store.deploymentStatuses(FULL, deployment!.id)[0];
  expect(newest).toMatchObject({ state: 'success', environmentUrl: `http://${NEW_IP}:${port}` });

  // The next sweep finds the labels right: nothing more to write.
  const again = ok(await world.runStep('cleanup', 'schedule', {}));
  expect(again.summary).not.toContain('address refreshed');
}, 120_000);
