// Slash commands end to end: the bundled plan and run entrypoints on issue_comment events, against the emulator and
// moto. Each test starts its own PR.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { FREEZE } from '../../src/core/labels.js';
import { STATUS_MARKER } from '../../src/core/report.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, runningPr as startedPr, statusComment } from '../../test-support/e2e-checks.js';
import { CLUSTER, FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { commentEvent } from '../../test-support/payloads.js';

const SHA = 'c0ffee0123456789abcdef0123456789abcdef01';
const SHA7 = SHA.slice(0, 7);

let world: ActionWorld;
let nextPr = 500;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A PR with a running environment started by a maintainer. */
function runningPr(): Promise<number> {
  return startedPr(world, (nextPr += 1), SHA);
}

async function comment(pr: number, body: string, sender = 'maintainer', inputs: Record<string, string> = {}) {
  const posted = world.github.store.addComment(FULL, pr, { body, author: sender });
  const event = commentEvent({ repo: REPO, pr, body, sender, commentId: posted.id });
  const result = await world.runMain('issue_comment', event, { inputs });
  return { ...result, commentId: posted.id };
}

function reactions(commentId: number): string[] {
  return world.github.store.reactions(FULL, commentId).map((reaction) => reaction.content);
}

async function taskDefinition(pr: number) {
  const service = (
    await world.clients.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: [`pr-${pr}-${SHA7}-service`] }),
    )
  ).services?.[0];
  return (
    await world.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service?.taskDefinition }),
    )
  ).taskDefinition;
}

async function containerEnvironment(pr: number): Promise<Record<string, string>> {
  const service = (
    await world.clients.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: [`pr-${pr}-${SHA7}-service`] }),
    )
  ).services?.[0];
  const definition = (
    await world.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service?.taskDefinition }),
    )
  ).taskDefinition;
  const container = definition?.containerDefinitions?.find((c) => c.name === 'superset');
  return Object.fromEntries(
    (container?.environment ?? []).map((pair) => [pair.name ?? '', pair.value ?? '']),
  );
}

describe('slash commands, end to end', () => {
  test('enable, disable, debug and size change the running environment without a rebuild', async () => {
    const pr = await runningPr();
    const builds = world.docker.calls().filter((argv) => argv[1] === 'build').length;

    const result = await comment(
      pr,
      '/showtime enable ALERT_REPORTS\n/showtime disable DASHBOARD_RBAC\n/showtime debug on\n/showtime size large',
    );
    expect(ok(result.plan).outputs.action).toBe('redeploy-config');
    ok(result.run);
    const env = await containerEnvironment(pr);
    expect(env).toMatchObject({
      SUPERSET_FEATURE_ALERT_REPORTS: 'True',
      SUPERSET_FEATURE_DASHBOARD_RBAC: 'False',
      SUPERSET_LOG_LEVEL: 'DEBUG',
    });
    const config = world.labels(pr).filter((label) => label.startsWith(`🎪 ${SHA7} ⚙️`));
    expect(config.join(',')).toContain('ALERT_REPORTS');
    expect(config.join(',')).toContain('!DASHBOARD_RBAC');
    expect(config.join(',')).toContain('large');
    expect((await taskDefinition(pr))?.cpu).toBe('2048');
    expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 running`);
    expect(world.docker.calls().filter((argv) => argv[1] === 'build')).toHaveLength(builds);
    expect(reactions(result.commentId)).toEqual(expect.arrayContaining(['eyes', '+1']));
  }, 90_000);

  test('keep-alive sets the TTL to close; freeze and unfreeze toggle the freeze label', async () => {
    const pr = await runningPr();
    ok((await comment(pr, '/showtime keep-alive')).run);
    expect(world.labels(pr)).toContain(`🎪 ${SHA7} ⌛ close`);
    ok((await comment(pr, '/showtime freeze')).run);
    expect(world.labels(pr)).toContain(FREEZE);
    ok((await comment(pr, '/circus unfreeze')).run);
    expect(world.labels(pr)).not.toContain(FREEZE);
  }, 90_000);

  test('an extension past the 4-week limit is refused by the plan: the outputs, the comment and the ⌛ agree', async () => {
    const pr = await runningPr();
    const before = world.labels(pr).filter((name) => name.includes('⌛'));
    // 4 weeks from now is more than 4 weeks from the creation, a moment ago.
    const result = await comment(pr, '/showtime extend 4w');
    const plan = ok(result.plan);
    expect([plan.outputs.action, plan.outputs.reason]).toEqual(['refuse', 'ttl-over-limit']);
    ok(result.run);
    expect(world.labels(pr).filter((name) => name.includes('⌛'))).toEqual(before);
    expect(statusComment(world, pr)).toContain('at most 4 weeks');
    expect(reactions(result.commentId)).toContain('confused');
  }, 90_000);

  test('status and help are answered where they were asked: a reply that mentions the asker', async () => {
    const pr = await runningPr();
    const sticky = () => world.github.store.comments(FULL, pr).filter((c) => c.body.includes(STATUS_MARKER));
    const before = world.github.store.comments(FULL, pr).length;
    ok((await comment(pr, '/showtime help')).run);
    ok((await comment(pr, '/showtime status')).run);
    const comments = world.github.store.comments(FULL, pr);
    // The two command comments the test posted, and one reply to each; the status comment is still the only one.
    expect(comments.length).toBe(before + 4);
    expect(sticky()).toHaveLength(1);
    const replies = comments.slice(before).filter((c) => !c.body.startsWith('/showtime'));
    expect(replies).toHaveLength(2);
    expect(replies[0]!.body.startsWith('@maintainer')).toBe(true);
    expect(replies[0]!.body).toContain('/showtime extend');
    expect(replies[1]!.body.startsWith('@maintainer')).toBe(true);
    expect(replies[1]!.body).toContain(`\`${SHA7}\` running (active)`);
    expect(replies[1]!.body).toContain(`#issuecomment-${sticky()[0]!.id}`);
  }, 90_000);

  test('a non-writer asking for status gets no reply: nothing of theirs is answered or echoed', async () => {
    const pr = await runningPr();
    const before = world.github.store.comments(FULL, pr).length;
    ok((await comment(pr, '/showtime status', 'triager')).run);
    expect(world.github.store.comments(FULL, pr).length).toBe(before + 1);
  }, 90_000);

  test('an unknown command and a bad argument are quoted back with the accepted form', async () => {
    const pr = await runningPr();
    const result = await comment(pr, '/showtime extend forever\n/showtime launch');
    ok(result.run);
    const body = statusComment(world, pr);
    expect(body).toContain('/showtime extend forever');
    expect(body).toContain('/showtime launch');
    expect(body).toMatch(/Accepted form/);
    expect(reactions(result.commentId)).toContain('confused');
  }, 90_000);

  test('a commenter without write access is refused and nothing changes', async () => {
    const pr = await runningPr();
    const labels = [...world.labels(pr)].sort();
    const result = await comment(pr, '/showtime stop', 'triager');
    expect(ok(result.plan).outputs.action).toBe('refuse');
    ok(result.run);
    expect([...world.labels(pr)].sort()).toEqual(labels);
    expect(await world.activeServices()).toContain(`pr-${pr}-${SHA7}-service`);
    // Refusals are cheap: no reaction, no reply (security.e2e.test.ts, case 7); the run's summary says why.
    expect(reactions(result.commentId)).toEqual([]);
    expect(result.run?.summary).toContain('@triager (triage) may not stop environments');
  }, 90_000);

  test('a start beyond the quota is refused with the current holders; updates are not', async () => {
    const holder = await runningPr();
    const pr = (nextPr += 1);
    world.github.store.addPull(FULL, { number: pr, headSha: SHA, author: 'writer' });
    const quota = { 'max-environments-per-requester': '1' };
    const refused = await comment(pr, '/showtime start', 'maintainer', quota);
    expect(ok(refused.plan).outputs.action).toBe('refuse');
    expect(refused.plan.outputs.reason).toBe('quota-exceeded');
    ok(refused.run);
    expect(statusComment(world, pr)).toContain(`#${holder}`);
    // The holder's own environment may still be redeployed: quotas never block updates.
    const redeploy = await comment(holder, '/showtime start', 'maintainer', quota);
    expect(ok(redeploy.plan).outputs.action).toBe('redeploy-config');
  }, 120_000);
});
