// A stop that reaches a SHA while ECS is still creating its service deletes that service under the deploy, which then
// sees it INACTIVE. That is the stop winning, not a failed deploy: the start's run withdraws the SHA and exits 0.
// (Seen in races.long.ts: start and stop 800 ms apart, the start's run step exited 1.)
import { TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import type { FaultyAws } from '../../test-support/faulty-aws.js';
import { startFaultyAws } from '../../test-support/faulty-aws.js';
import { pullRequestEvent } from '../../test-support/payloads.js';

const SHA = 'd7e8f90123456789abcdef0123456789abcdef01';

let world: ActionWorld;
let aws: FaultyAws;

beforeAll(async () => {
  world = await startActionWorld();
  aws = await startFaultyAws(world.moto.endpoint);
  world.baseInputs['aws-endpoint'] = aws.endpoint;
}, 60_000);

afterAll(async () => {
  await aws?.stop();
  await world?.stop();
});

function labeled(pr: number, label: string) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha: SHA, sender: 'maintainer', label });
}

test('a stop that deletes the service ECS is creating: the start yields, nothing is left, both runs succeed', async () => {
  const pr = 1201;
  world.github.store.addPull(FULL, { number: pr, headSha: SHA, author: 'writer', labels: [] });
  let stop: Awaited<ReturnType<ActionWorld['runMain']>> | undefined;
  // Once the service is created, the deploy's next look at it comes after a whole stop has run.
  aws.beforeNext({ service: 'ecs', operation: 'CreateService' }, () => {
    aws.beforeNext({ service: 'ecs', operation: 'DescribeServices' }, async () => {
      stop = await world.runMain('pull_request_target', labeled(pr, TRIGGER_STOP));
    });
  });
  const start = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
  expect(stop).toBeDefined();
  ok(stop?.plan);
  ok(stop?.run);
  ok(start.plan);
  ok(start.run);
  expect(statusComment(world, pr)).toContain('was stopped during its deploy and was withdrawn');
  expect(world.labels(pr)).toEqual([]);
  expect(await world.activeServices()).not.toContain(`pr-${pr}-${SHA.slice(0, 7)}-service`);
}, 90_000);
