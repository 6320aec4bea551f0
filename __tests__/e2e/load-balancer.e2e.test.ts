// End to end in load-balancer mode (issue 17): the bundles against the emulator, moto's ELBv2 (listener rules,
// target groups, target health) and the stand-in that plays the ALB's data plane, routing by Host to the fake
// Superset of the task the PR's rule points at. Each service's task has its own IP, so who answers is visible.
import {
  activeLabel,
  createdLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
} from '../../src/core/labels.js';
import { createElbRouter } from '../../src/aws/elb.js';
import type { TrafficRouter } from '../../src/aws/elb.js';
import { commentEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import { FULL, PREVIEW_DOMAIN, REPO, startActionWorld } from '../../test-support/action-world.js';

const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890';

let world: ActionWorld;
let router: TrafficRouter;

beforeAll(async () => {
  world = await startActionWorld({ loadBalancer: true });
  const balancer = world.balancer!;
  // Read-only inspection of what the action made, through the same adapter the action uses.
  router = createElbRouter(world.clients.ecs, {
    listenerArn: balancer.world.listenerArn,
    domain: PREVIEW_DOMAIN,
    vpcId: balancer.world.vpcId,
    containerPort: 8080,
    healthCheckPath: '/health',
  });
}, 90_000);

afterAll(async () => {
  await world?.stop();
});

function labeled(pr: number, label: string, headSha: string) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha, sender: 'maintainer', label });
}

test('first start, a push that switches the host with no failed request, and a stop', async () => {
  const pr = 700;
  const host = `pr-${pr}.${PREVIEW_DOMAIN}`;
  world.github.store.addPull(FULL, { number: pr, headSha: SHA_A, author: 'writer', labels: [] });

  // First start: the PR answers at its stable HTTPS host, which the labels, the comment and the outputs show.
  const first = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START, SHA_A));
  expect(ok(first.run).outputs['environment-url']).toBe(`https://${host}`);
  expect(world.labels(pr)).toContain(`🎪 a1b2c3d 🌐 ${host}`);
  expect(statusComment(world, pr)).toContain(`https://${host}`);
  const blue = await world.balancer!.get(host);
  expect(blue.status).toBe(200);
  const blueRule = await router.ruleOf({ pr });
  expect(blueRule?.targetGroupArns).toHaveLength(1);
  // The environment's own host served the check before the switch and is gone.
  expect(await router.ruleOf({ pr, sha7: 'a1b2c3d' })).toBeUndefined();
  const deployments = world.github.store
    .deployments(FULL)
    .filter((d) => d.environment === `showtime-pr-${pr}`);
  expect(deployments).toHaveLength(1);

  // A live configuration change: ECS replaces the task behind the same target group, and the PR keeps its host.
  const body = '/showtime enable ALERT_REPORTS';
  const posted = world.github.store.addComment(FULL, pr, { body, author: 'maintainer' });
  const configured = await world.runMain(
    'issue_comment',
    commentEvent({ repo: REPO, pr, body, sender: 'maintainer', commentId: posted.id }),
  );
  expect(ok(configured.run).outputs['environment-url']).toBe(`https://${host}`);
  expect(world.labels(pr)).toContain(`🎪 a1b2c3d 🌐 ${host}`);
  expect(world.labels(pr).filter((label) => label.includes('🌐'))).toHaveLength(1);
  expect((await world.balancer!.get(host)).status).toBe(200);

  // A push: the host answers throughout, from blue until the one ModifyRule, from green after it.
  world.github.store.setHeadSha(FULL, pr, SHA_B);
  const answers: { status: number; task?: string }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      answers.push(await world.balancer!.get(host));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const push = pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: SHA_B, sender: 'writer' });
  const rolled = await world.runMain('pull_request_target', push);
  polling = false;
  await poller;
  expect(ok(rolled.plan).outputs.action).toBe('rolling-update');
  expect(ok(rolled.run).outputs['environment-url']).toBe(`https://${host}`);
  const green = await world.balancer!.get(host);
  expect(green.status).toBe(200);
  expect(green.task).not.toBe(blue.task);
  expect(answers.length).toBeGreaterThan(3);
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  // Blue until the switch, green after: one change of who answers, never back.
  const who = answers.map((answer) => answer.task);
  const changes = who.filter((task, i) => i > 0 && task !== who[i - 1]);
  expect(changes.length).toBeLessThanOrEqual(1);
  expect(who[0]).toBe(blue.task);
  // The same rule, moved: one ModifyRule, not a new rule.
  const greenRule = await router.ruleOf({ pr });
  expect(greenRule?.ruleArn).toBe(blueRule?.ruleArn);
  expect(greenRule?.targetGroupArns).not.toEqual(blueRule?.targetGroupArns);
  expect(world.labels(pr)).toContain(`🎪 b2c3d4e 🌐 ${host}`);
  expect(world.labels(pr).filter((label) => label.includes('a1b2c3d'))).toEqual([]);
  // Blue is retired: its service at once; its target group, where its last requests drain, by the next sweep.
  expect(await world.activeServices()).toEqual([`pr-${pr}-b2c3d4e-service`]);
  const groupsOf = async () =>
    (await router.listManaged()).targetGroups
      .filter((g) => g.pr === pr)
      .map((g) => g.sha7)
      .sort();
  expect(await groupsOf()).toEqual(['a1b2c3d', 'b2c3d4e']);
  // (Its created-at is minutes old: past a grace of 0, as an hour-old one is past the default 30 minutes.)
  ok(await world.runStep('cleanup', 'schedule', {}, { inputs: { 'orphan-grace-minutes': '0' } }));
  expect(await groupsOf()).toEqual(['b2c3d4e']);
  expect((await world.balancer!.get(host)).task).toBe(green.task);

  // A stop: the host stops answering, and the rule and the target groups go with the service.
  const stop = await world.runMain('pull_request_target', labeled(pr, TRIGGER_STOP, SHA_B));
  ok(stop.run);
  expect(await world.activeServices()).toEqual([]);
  expect((await world.balancer!.get(host)).status).toBe(404);
  const after = await router.listManaged();
  expect(after.rules.filter((r) => r.pr === pr)).toEqual([]);
  expect(after.targetGroups.filter((g) => g.pr === pr)).toEqual([]);
}, 180_000);

describe('the sweep reconciles rules and target groups no label claims', () => {
  const TWO_HOURS_AGO = () => new Date(Date.now() - 2 * 3_600_000);

  /** What a run that died mid-deploy leaves: the PR's rule and the environment's target group, no labels. */
  async function leftoverRouting(pr: number, sha7: string): Promise<string> {
    const group = await router.ensureTargetGroup({
      pr,
      sha7,
      requester: 'maintainer',
      createdAt: TWO_HOURS_AGO(),
    });
    await router.route({ pr }, group);
    return group;
  }

  afterEach(() => world.github.store.searchIndex.setLag(0));

  test('a leftover rule and its target group go, once a fresh read of the PR shows no claim', async () => {
    const pr = 801;
    world.github.store.addPull(FULL, { number: pr, headSha: SHA_A, author: 'writer', labels: [] });
    await leftoverRouting(pr, 'c0ffee1');
    const sweep = ok(await world.runStep('cleanup', 'schedule', {}));
    const left = await router.listManaged();
    expect(left.rules.filter((r) => r.pr === pr)).toEqual([]);
    expect(left.targetGroups.filter((g) => g.pr === pr)).toEqual([]);
    expect(sweep.summary).toContain(`listener rule for pr-${pr}.${PREVIEW_DOMAIN}`);
    expect((await world.balancer!.get(`pr-${pr}.${PREVIEW_DOMAIN}`)).status).toBe(404);
  }, 60_000);

  test('a PR whose labels claim the environment keeps its rule and target group, even when search lags', async () => {
    const pr = 802;
    const sha7 = 'c0ffee2';
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: `${sha7}${'0'.repeat(33)}`,
      author: 'writer',
      labels: [
        TRACKED,
        statusLabel(sha7, 'running'),
        activeLabel(sha7),
        createdLabel(sha7, TWO_HOURS_AGO()),
        requesterLabel(sha7, 'maintainer'),
      ],
    });
    world.github.store.searchIndex.setLag(10 * 60_000);
    const group = await leftoverRouting(pr, sha7);
    ok(await world.runStep('cleanup', 'schedule', {}));
    const left = await router.listManaged();
    expect(left.rules.filter((r) => r.pr === pr).map((r) => r.targetGroupArns)).toEqual([[group]]);
    expect(left.targetGroups.filter((g) => g.pr === pr).map((g) => g.targetGroupArn)).toEqual([group]);
  }, 60_000);

  test('a PR host left on an environment no label claims (a run died after the switch) goes back to the active one', async () => {
    const pr = 803;
    const host = `pr-${pr}.${PREVIEW_DOMAIN}`;
    world.github.store.addPull(FULL, { number: pr, headSha: SHA_A, author: 'writer', labels: [] });
    ok((await world.runMain('pull_request_target', labeled(pr, TRIGGER_START, SHA_A))).run);
    const serving = await world.balancer!.get(host);
    expect(serving.status).toBe(200);
    // What a run killed between its ModifyRule and its labels leaves: the host on a group of a commit no label names.
    const stray = await leftoverRouting(pr, 'dead123');
    expect((await world.balancer!.get(host)).status).toBe(503);

    const sweep = ok(await world.runStep('cleanup', 'schedule', {}));
    expect(sweep.summary).toContain('route repaired');
    expect((await router.ruleOf({ pr }))?.routesTo).toBe('a1b2c3d');
    expect(await world.balancer!.get(host)).toEqual(serving);
    expect((await router.listManaged()).targetGroups.map((g) => g.targetGroupArn)).not.toContain(stray);
  }, 60_000);

  test('a dry run of AWS in load-balancer mode makes no rule, group or service, and checks nothing over the network', async () => {
    const pr = 804;
    world.github.store.addPull(FULL, { number: pr, headSha: SHA_A, author: 'writer', labels: [] });
    const before = await router.listManaged();
    const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START, SHA_A), {
      inputs: { 'dry-run-aws': 'true' },
    });
    ok(result.run);
    expect(result.run?.stdout).toContain('dry run (aws): would check');
    expect(await router.listManaged()).toEqual(before);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
  }, 60_000);
});
