// End to end: the bundled plan and run entrypoints, started as a runner starts them, against the GitHub emulator,
// moto with the scheduler stand-in and the recording docker.
import { TRIGGER_START, TRIGGER_STOP, TRACKED } from '../../src/core/labels.js';
import { commentEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';

const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890';

let world: ActionWorld;
let nextPr = 100;

beforeAll(async () => {
  world = await startActionWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A fresh open PR at SHA_A, authored by a writer, with the given labels. */
function newPr(labels: string[] = [], head = SHA_A): number {
  const number = (nextPr += 1);
  world.github.store.addPull(FULL, { number, headSha: head, author: 'writer', labels });
  return number;
}

function labeled(pr: number, label: string, sender = 'maintainer', headSha = SHA_A) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha, sender, label });
}

describe('main action, end to end', () => {
  test('the status comment is on the PR as soon as the plan step claims the build, with the run logs', async () => {
    const pr = newPr();
    ok(await world.runStep('plan', 'pull_request_target', labeled(pr, TRIGGER_START), { runId: '6001' }));
    // Only the plan step has run: nothing is built yet, and the PR already says so.
    const body = statusComment(world, pr);
    expect(body).toContain(`🟡 building \`${SHA_A.slice(0, 7)}\``);
    expect(body).toContain(`/${FULL}/commit/${SHA_A}`);
    expect(body).toContain(`[run logs](https://github.com/${FULL}/actions/runs/6001/`);
  }, 60_000);

  test('first start: trigger consumed, image built, service running, labels, deployment and comment', async () => {
    const pr = newPr();
    const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    expect(ok(result.plan).outputs['build-needed']).toBe('true');
    expect(result.plan.outputs['target-sha']).toBe(SHA_A);
    expect(ok(result.run).outputs.status).toBe('running');
    expect(result.run?.outputs['environment-url']).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);

    expect(world.labels(pr)).toHaveLength(7);
    expect(world.labels(pr)).toEqual(
      expect.arrayContaining([
        TRACKED,
        '🎪 a1b2c3d 🚦 running',
        '🎪 🎯 a1b2c3d',
        expect.stringMatching(/^🎪 a1b2c3d 📅 \d{4}-\d\d-\d\dT\d\d-\d\d$/),
        expect.stringMatching(/^🎪 a1b2c3d 🌐 127\.0\.0\.2:\d+$/),
        '🎪 a1b2c3d ⌛ 2d',
        '🎪 a1b2c3d 🤡 maintainer',
      ]),
    );
    expect(await world.activeServices()).toContain(`pr-${pr}-a1b2c3d-service`);
    const builds = world.docker.calls().filter((argv) => argv[1] === 'build');
    expect(builds.at(-1)).toEqual(expect.arrayContaining(['--tag', `apache/superset:pr-${pr}-a1b2c3d-ci`]));
    // No cache configured: the build reads none and, as every PR build, writes none.
    expect(builds.at(-1)).not.toContain('--cache-from');
    expect(builds.at(-1)).not.toContain('--cache-to');
    expect(statusComment(world, pr)).toContain('🟢 running');
    const deployments = world.github.store
      .deployments(FULL)
      .filter((d) => d.environment === `showtime-pr-${pr}`);
    expect(deployments).toHaveLength(1);
    expect(world.github.store.latestDeploymentState(FULL, deployments[0]!.id)).toBe('success');
    expect(result.run?.summary).toContain('first-start');
  }, 60_000);

  test('new commit: blue-green roll forward, the old service and its labels go', async () => {
    const pr = newPr();
    await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    world.github.store.setHeadSha(FULL, pr, SHA_B);
    const push = pullRequestEvent({
      action: 'synchronize',
      repo: REPO,
      pr,
      headSha: SHA_B,
      sender: 'writer',
    });
    const result = await world.runMain('pull_request_target', push);
    expect(ok(result.plan).outputs.action).toBe('rolling-update');
    ok(result.run);
    const labels = world.labels(pr);
    expect(labels).toContain('🎪 🎯 b2c3d4e');
    expect(labels).toContain('🎪 b2c3d4e 🚦 running');
    expect(labels.filter((label) => label.includes('a1b2c3d'))).toEqual([]);
    const services = await world.activeServices();
    expect(services).toContain(`pr-${pr}-b2c3d4e-service`);
    expect(services).not.toContain(`pr-${pr}-a1b2c3d-service`);
  }, 90_000);

  test('stop: every environment and its labels go, the deployment turns inactive', async () => {
    // A commit of its own: the definitions of a SHA another PR still carries stay, and this test counts deletes.
    const sha = 'd1d2d3d4e5f60718293a4b5c6d7e8f9012345678';
    const pr = newPr([], sha);
    await world.runMain('pull_request_target', labeled(pr, TRIGGER_START, 'maintainer', sha));
    const definitions = () => new Set(world.github.store.repoLabels(FULL).map((label) => label.name));
    const stop = labeled(pr, TRIGGER_STOP, 'maintainer', sha);
    const before = definitions();
    world.github.resetCounts();
    const result = await world.runMain('pull_request_target', stop);
    // Each definition the teardown made unused is deleted once, not once per list that names it: those that were
    // there before the stop, and the one it made itself (its `🚦 destroying` mark), none of which is left.
    const deleted = [...before].filter((name) => !definitions().has(name));
    expect(deleted.length).toBeGreaterThan(3);
    expect([...definitions()].filter((name) => !before.has(name))).toEqual([]);
    expect(before.has('🎪 d1d2d3d 🚦 destroying')).toBe(false);
    expect(world.github.counts()['DELETE /repos/{owner}/{repo}/labels/{name}']).toBe(deleted.length + 1);
    expect(ok(result.plan).outputs.action).toBe('stop');
    ok(result.run);
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-d1d2d3d-service`);
    const deployment = world.github.store
      .deployments(FULL)
      .find((d) => d.environment === `showtime-pr-${pr}`);
    expect(world.github.store.latestDeploymentState(FULL, deployment!.id)).toBe('inactive');
  }, 90_000);

  test('GitHub calls per event, route by route: first start 18, rolling update 28, stop 24', async () => {
    // Commits of their own, so that no other PR shares a label definition and every count is this PR's.
    const [shaA, shaB] = [
      'e1e2e3e4e5f60718293a4b5c6d7e8f9012345678',
      'f1f2f3f4e5f60718293a4b5c6d7e8f9012345678',
    ];
    const pr = newPr([], shaA);
    const R = '/repos/{owner}/{repo}';
    const logs: string[] = [];
    const counted = async (event: string, payload: unknown) => {
      world.github.resetCounts();
      const result = await world.runMain(event, payload);
      logs.push(ok(result.plan).stdout, ok(result.run).stdout);
      return world.github.counts();
    };

    // No in_progress deployment status, no intermediate deploying status or comment. The run step starts from the
    // labels the plan step left (its first read is the check before CreateService), edits the status comment by the
    // id the plan step got, and releases the lock by the lease it was granted (no read of the lock).
    expect(await counted('pull_request_target', labeled(pr, TRIGGER_START, 'maintainer', shaA))).toEqual({
      [`GET ${R}/pulls/{pull_number}`]: 5,
      [`GET ${R}/collaborators/{username}/permission`]: 1,
      [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: 3,
      [`POST ${R}/labels`]: 1,
      [`POST ${R}/issues/{issue_number}/labels`]: 2,
      [`GET ${R}/issues/{issue_number}/comments`]: 1,
      [`POST ${R}/issues/{issue_number}/comments`]: 1,
      [`PATCH ${R}/issues/comments/{comment_id}`]: 1,
      [`POST ${R}/deployments`]: 1,
      [`POST ${R}/deployments/{deployment_id}/statuses`]: 1,
      [`DELETE ${R}/labels/{name}`]: 1,
    });

    world.github.store.setHeadSha(FULL, pr, shaB);
    const push = pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: shaB, sender: 'writer' });
    // GitHub's auto_inactive retires the old deployment with the new one's success: no listing, no inactive write.
    // Each label of the retired SHA goes with its definition (one DELETE takes it off the PR too), after a consistent
    // read of what carries it.
    expect(await counted('pull_request_target', push)).toEqual({
      [`GET ${R}/pulls/{pull_number}`]: 5,
      [`GET ${R}/collaborators/{username}/permission`]: 1,
      [`POST ${R}/labels`]: 1,
      [`POST ${R}/issues/{issue_number}/labels`]: 2,
      [`GET ${R}/issues/{issue_number}/comments`]: 1,
      [`PATCH ${R}/issues/comments/{comment_id}`]: 2,
      [`POST ${R}/deployments`]: 1,
      [`POST ${R}/deployments/{deployment_id}/statuses`]: 1,
      [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: 3,
      [`GET ${R}/issues`]: 5,
      [`DELETE ${R}/labels/{name}`]: 6,
    });
    const deployments = world.github.store
      .deployments(FULL)
      .filter((d) => d.environment === `showtime-pr-${pr}`);
    const stateOf = (sha: string) =>
      deployments
        .filter((d) => d.sha === sha)
        .map((d) => world.github.store.latestDeploymentState(FULL, d.id));
    expect([stateOf(shaA), stateOf(shaB)]).toEqual([['inactive'], ['success']]);
    // One log group per phase, so the phase that failed is found at a glance.
    const groups = logs.join('\n').match(/::group::(Claim|Deploy|Switch to|Retire) [0-9a-f]{7}/g) ?? [];
    expect(groups.map((g) => g.slice('::group::'.length))).toEqual([
      'Claim e1e2e3e',
      'Deploy e1e2e3e',
      'Switch to e1e2e3e',
      'Claim f1f2f3f',
      'Deploy f1f2f3f',
      'Switch to f1f2f3f',
      'Retire e1e2e3e',
    ]);

    expect(await counted('pull_request_target', labeled(pr, TRIGGER_STOP, 'maintainer', shaB))).toEqual({
      [`GET ${R}/pulls/{pull_number}`]: 2,
      [`GET ${R}/collaborators/{username}/permission`]: 1,
      [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: 2,
      [`POST ${R}/issues/{issue_number}/labels`]: 1,
      [`GET ${R}/issues`]: 7,
      [`DELETE ${R}/labels/{name}`]: 7,
      [`GET ${R}/deployments`]: 1,
      [`POST ${R}/deployments/{deployment_id}/statuses`]: 1,
      [`GET ${R}/issues/{issue_number}/comments`]: 1,
      [`PATCH ${R}/issues/comments/{comment_id}`]: 1,
    });
  }, 120_000);

  test('a label that asks nothing costs no API call', async () => {
    const pr = newPr();
    world.github.resetCounts();
    const result = await world.runMain('pull_request_target', labeled(pr, 'bug'));
    expect(ok(result.plan).outputs.action).toBe('nothing');
    ok(result.run);
    expect(Object.values(world.github.counts()).reduce((a, b) => a + b, 0)).toBe(0);
  }, 30_000);

  test('an unauthorized sender is refused, the trigger consumed and the refusal explained', async () => {
    const pr = newPr();
    const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START, 'triager'));
    expect(ok(result.plan).outputs.action).toBe('refuse');
    ok(result.run);
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
    // Refusals are cheap: explained in the run's summary, never written on the PR (security.e2e.test.ts, case 7).
    expect(statusComment(world, pr)).toBe('');
    expect(result.run?.summary).toContain('@triager (triage) may not start an environment');
  }, 30_000);

  test('a /showtime comment reacts, runs the command and reports in the status comment', async () => {
    const pr = newPr();
    await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    const comment = world.github.store.addComment(FULL, pr, {
      body: '/showtime extend 72h',
      author: 'maintainer',
    });
    const event = commentEvent({
      repo: REPO,
      pr,
      body: comment.body,
      sender: 'maintainer',
      commentId: comment.id,
    });
    const result = await world.runMain('issue_comment', event);
    expect(ok(result.plan).outputs.action).toBe('extend');
    ok(result.run);
    expect(world.labels(pr)).toContain('🎪 a1b2c3d ⌛ 73h');
    const reactions = world.github.store.reactions(FULL, comment.id).map((reaction) => reaction.content);
    expect(reactions).toEqual(expect.arrayContaining(['eyes', '+1']));
  }, 90_000);
});

describe('main action, end to end: failures, races and approvals', () => {
  test('a stop during the build wins: the build yields and nothing is left running', async () => {
    const pr = newPr();
    const start = labeled(pr, TRIGGER_START);
    const plan = ok(await world.runStep('plan', 'pull_request_target', start, { runId: '7001' }));
    expect(plan.outputs.action).toBe('create');
    expect(world.labels(pr)).toContain('🎪 🏗️ a1b2c3d');
    // The stop arrives while the first run is between its claim and its deploy.
    const stop = await world.runMain('pull_request_target', labeled(pr, TRIGGER_STOP));
    expect(ok(stop.plan).outputs.action).toBe('stop');
    ok(stop.run);
    const run = ok(
      await world.runStep('run', 'pull_request_target', start, {
        runId: '7001',
        planFile: plan.outputs['plan-file'],
      }),
    );
    expect(run.outputs.status).toBe('none');
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
  }, 60_000);

  test('a run that died holds a lease that expires; the next start takes over', async () => {
    const pr = newPr();
    const start = labeled(pr, TRIGGER_START);
    // This run claims and then dies before its run step: its lock and building labels stay behind.
    ok(await world.runStep('plan', 'pull_request_target', start, { runId: '7101' }));
    const lock = `🎪 🔐 lock-pr-${pr}-a1b2c3d`;
    expect(world.github.store.findLabel(FULL, lock)?.description).toContain('run 7101/1');

    const retry = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    expect(ok(retry.plan).outputs.action).toBe('nothing');
    expect(retry.plan.outputs.reason).toBe('already-in-progress');

    world.github.store.updateLabel(FULL, lock, {
      description: 'showtime lock held by run 7101/1 until 2020-01-01T00:00Z',
    });
    const takeover = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    expect(ok(takeover.plan).outputs.action).toBe('create');
    expect(ok(takeover.run).outputs.status).toBe('running');
    expect(world.labels(pr)).toContain('🎪 🎯 a1b2c3d');
  }, 60_000);

  test('PR closed: its environments are destroyed whoever closed it', async () => {
    const pr = newPr();
    await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    world.github.store.setState(FULL, pr, 'closed');
    const closed = pullRequestEvent({ action: 'closed', repo: REPO, pr, headSha: SHA_A, sender: 'outsider' });
    const result = await world.runMain('pull_request_target', closed);
    expect(ok(result.plan).outputs.action).toBe('stop');
    ok(result.run);
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
  }, 60_000);

  test('a build failure: status failed, no service, the PR told why, the step fails', async () => {
    const pr = newPr();
    const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START), {
      env: { FAKE_DOCKER_FAIL_BUILD: '17' },
    });
    expect(result.run?.code).toBe(1);
    expect(world.labels(pr)).toEqual(expect.arrayContaining(['🎪 a1b2c3d 🚦 failed']));
    expect(world.labels(pr)).not.toContain('🎪 🏗️ a1b2c3d');
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
    expect(statusComment(world, pr)).toContain('exit code 17');
    const deployment = world.github.store
      .deployments(FULL)
      .find((d) => d.environment === `showtime-pr-${pr}`);
    expect(world.github.store.latestDeploymentState(FULL, deployment!.id)).toBe('failure');
  }, 60_000);

  test('a health check failure: the new service is deleted and the environment marked failed', async () => {
    const pr = newPr();
    world.setHealth(503);
    try {
      const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START), {
        inputs: { 'health-timeout-seconds': '2', 'poll-interval-seconds': '0.2' },
      });
      expect(result.run?.code).toBe(1);
    } finally {
      world.setHealth(200);
    }
    expect(world.labels(pr)).toContain('🎪 a1b2c3d 🚦 failed');
    expect(await world.activeServices()).not.toContain(`pr-${pr}-a1b2c3d-service`);
    const body = statusComment(world, pr);
    expect(body).toMatch(/health/i);
    // The reason, what was cleaned up, and the run logs once (they were linked twice before).
    expect(body).toContain('Cleaned up: the ECS service and its task definitions were removed');
    expect(body.match(/run logs/gi)).toHaveLength(1);
  }, 120_000);

  test('a push by someone without write access waits for a SHA-bound approval', async () => {
    const pr = newPr();
    // The push claims to come from a fork: the one-job form builds it only when opted in (security.e2e section 0).
    const optIn = { inputs: { 'allow-unsafe-fork-builds': 'true' } };
    await world.runMain('pull_request_target', labeled(pr, TRIGGER_START));
    world.github.store.setHeadSha(FULL, pr, SHA_B);
    const push = pullRequestEvent({
      action: 'synchronize',
      repo: REPO,
      pr,
      headSha: SHA_B,
      sender: 'outsider',
      fork: true,
    });
    const waiting = await world.runMain('pull_request_target', push, optIn);
    expect(ok(waiting.plan).outputs.action).toBe('await-approval');
    ok(waiting.run);
    expect(world.labels(pr)).toContain('🎪 🎯 a1b2c3d');
    expect(statusComment(world, pr)).toContain('/showtime start b2c3d4e');

    const comment = world.github.store.addComment(FULL, pr, {
      body: '/showtime start b2c3d4e',
      author: 'maintainer',
    });
    const approve = commentEvent({
      repo: REPO,
      pr,
      body: comment.body,
      sender: 'maintainer',
      commentId: comment.id,
    });
    const approved = await world.runMain('issue_comment', approve, optIn);
    expect(ok(approved.plan).outputs.action).toBe('rolling-update');
    ok(approved.run);
    expect(world.labels(pr)).toContain('🎪 🎯 b2c3d4e');
    expect(world.labels(pr).filter((label) => label.includes('a1b2c3d'))).toEqual([]);
  }, 90_000);

  test.each([
    ['github', { 'dry-run-github': 'true' }],
    ['aws', { 'dry-run-aws': 'true' }],
    ['docker', { 'dry-run-docker': 'true' }],
  ])(
    'dry run of %s writes nothing there',
    async (system, inputs) => {
      const pr = newPr();
      const before = {
        labels: world.labels(pr).length,
        services: (await world.activeServices()).length,
        builds: world.docker.calls().length,
        comments: world.github.store.comments(FULL, pr).length,
      };
      const result = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START), { inputs });
      ok(result.plan);
      ok(result.run);
      const after = {
        labels: world.labels(pr).length,
        services: (await world.activeServices()).length,
        builds: world.docker.calls().length,
        comments: world.github.store.comments(FULL, pr).length,
      };
      if (system === 'github') {
        // The trigger the test added stays: a dry run consumes nothing.
        expect(after.labels).toBe(before.labels + 1);
        expect(after.comments).toBe(before.comments);
      }
      if (system === 'aws') expect(after.services).toBe(before.services);
      if (system === 'docker') expect(after.builds).toBe(before.builds);
    },
    60_000,
  );
});
