// End to end: the security model (README "Security model"), one describe per way it used to be bypassed. The bundled
// plan and run entrypoints run against the GitHub emulator, moto and the recording docker with GitHub's own webhook
// payloads (@octokit/webhooks-examples), as a runner starts them.
import { BLOCKED, FREEZE, TRIGGER_START, LEGACY_TRIGGER } from '../../src/core/labels.js';
import { STATUS_MARKER } from '../../src/core/report.js';
import { commentEvent, dispatchEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';

const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890';
/** A commit whose first 7 characters collide with SHA_A's: seconds of work for whoever picks the prefix. */
const SHA_A_TWIN = 'a1b2c3dffffffffffffffffffffffffffffffff0';
const BOT = 'github-actions[bot]';

let world: ActionWorld;
let nextPr = 500;

beforeAll(async () => {
  // The approval rule is the same in both forms; these runs use the one-job form, opted in to fork builds, because
  // it is one bundle pair per event. Section 0 is the default: the one-job form never builds a fork's code.
  world = await startActionWorld({ inputs: { 'allow-unsafe-fork-builds': 'true' } });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A fresh open PR from a fork (head repository ≠ base repository) by an author without write access. */
function forkPr(labels: string[] = [], head = SHA_A): number {
  const number = (nextPr += 1);
  world.github.store.addPull(FULL, { number, headSha: head, author: 'forker', fork: true, labels });
  return number;
}

/** A fresh open PR from a branch of the repository itself, by a writer. */
function samePr(labels: string[] = [], head = SHA_A): number {
  const number = (nextPr += 1);
  world.github.store.addPull(FULL, { number, headSha: head, author: 'writer', labels });
  return number;
}

function labeled(pr: number, label: string, sender = 'maintainer', headSha = SHA_A, fork = true) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha,
    sender,
    label,
    fork,
    author: 'forker',
  });
}

function unlabeled(pr: number, label: string, sender: string, fork = true) {
  world.github.store.removeLabel(FULL, pr, label);
  const headSha = world.github.store.pull(FULL, pr).pull.headSha;
  return pullRequestEvent({
    action: 'unlabeled',
    repo: REPO,
    pr,
    headSha,
    sender,
    label,
    fork,
    author: 'forker',
  });
}

function push(pr: number, headSha: string, sender: string) {
  world.github.store.setHeadSha(FULL, pr, headSha);
  return pullRequestEvent({
    action: 'synchronize',
    repo: REPO,
    pr,
    headSha,
    sender,
    fork: true,
    author: 'forker',
  });
}

function comment(pr: number, body: string, sender = 'maintainer') {
  const posted = world.github.store.addComment(FULL, pr, { body, author: sender });
  return commentEvent({ repo: REPO, pr, body, sender, commentId: posted.id });
}

/** Approves `sha` in full, as a maintainer, and checks that it was deployed. */
async function approve(pr: number, sha: string): Promise<void> {
  const result = await world.runMain('issue_comment', comment(pr, `/showtime start ${sha}`));
  expect(ok(result.plan).outputs['target-sha']).toBe(sha);
  expect(ok(result.run).outputs.status).toBe('running');
}

function builds(): number {
  return world.docker.calls().filter((argv) => argv[1] === 'build').length;
}

describe("0. the one-job form, which holds the deploy credentials, never builds a fork's code", () => {
  const oneJob = { inputs: { 'allow-unsafe-fork-builds': 'false' } };

  test.each([
    [
      'a full-SHA approval',
      (pr: number) => ['issue_comment', comment(pr, `/showtime start ${SHA_A}`)] as const,
    ],
    ['the start label', (pr: number) => ['pull_request_target', labeled(pr, TRIGGER_START)] as const],
  ])(
    'fork PR, %s: refused, nothing checked out or built, the comment names the three-job form',
    async (_, event) => {
      const pr = forkPr();
      const before = builds();
      const [name, payload] = event(pr);
      const result = await world.runMain(name, payload, oneJob);
      expect(ok(result.plan).outputs).toMatchObject({
        action: 'refuse',
        reason: 'fork-build-needs-split',
        'build-needed': 'false',
      });
      ok(result.run);
      expect(builds()).toBe(before);
      expect(world.labels(pr).filter((label) => label.includes(SHA_A.slice(0, 7)))).toEqual([]);
      expect(statusComment(world, pr)).toContain('plan, build and deploy');
    },
    90_000,
  );

  test('a same-repository PR still deploys in one job', async () => {
    const pr = samePr();
    const result = await world.runMain(
      'pull_request_target',
      labeled(pr, TRIGGER_START, 'maintainer', SHA_A, false),
      oneJob,
    );
    expect(ok(result.run).outputs.status).toBe('running');
  }, 90_000);
});

describe('1. a 7-character approval does not deploy a fork commit', () => {
  test('fork PR: /showtime start <sha7> awaits a full-SHA approval, which then deploys exactly that commit', async () => {
    const pr = forkPr([], SHA_A_TWIN);
    const before = builds();
    const short = await world.runMain('issue_comment', comment(pr, '/showtime start a1b2c3d'));
    expect(ok(short.plan).outputs.action).toBe('await-approval');
    expect(short.plan.outputs['build-needed']).toBe('false');
    ok(short.run);
    expect(builds()).toBe(before);
    expect(world.labels(pr).filter((label) => label.includes('a1b2c3d'))).toEqual([]);
    const body = statusComment(world, pr);
    expect(body).toContain(`/showtime start ${SHA_A_TWIN}`);
    expect(body).toContain(`https://github.com/${FULL}/commit/${SHA_A_TWIN}`);

    await approve(pr, SHA_A_TWIN);
    expect(world.labels(pr)).toContain('🎪 🎯 a1b2c3d');
  }, 90_000);
});

describe('2. the start label, testenv-up and a plain start wait for approval on a fork PR', () => {
  test.each([
    ['the start label', (pr: number) => ['pull_request_target', labeled(pr, TRIGGER_START)] as const],
    ['testenv-up', (pr: number) => ['pull_request_target', labeled(pr, LEGACY_TRIGGER)] as const],
    ['/showtime start', (pr: number) => ['issue_comment', comment(pr, '/showtime start')] as const],
    [
      'a dispatch without a SHA',
      (pr: number) =>
        [
          'workflow_dispatch',
          dispatchEvent({ repo: REPO, sender: 'maintainer', inputs: { 'pr-number': String(pr) } }),
        ] as const,
    ],
  ])(
    '%s by a maintainer: await-approval, nothing built',
    async (_name, event) => {
      const pr = forkPr();
      const before = builds();
      const [name, payload] = event(pr);
      const result = await world.runMain(name, payload);
      expect(ok(result.plan).outputs.action).toBe('await-approval');
      ok(result.run);
      expect(builds()).toBe(before);
      expect(world.labels(pr)).not.toContain(TRIGGER_START);
      expect(world.labels(pr).filter((label) => label.includes('a1b2c3d'))).toEqual([]);
      expect(statusComment(world, pr)).toContain(`/showtime start ${SHA_A}`);
    },
    60_000,
  );

  test('a same-repository PR of a writer keeps the one-label flow', async () => {
    const pr = samePr();
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    const event = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA_A,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    const result = await world.runMain('pull_request_target', event);
    expect(ok(result.plan).outputs.action).toBe('create');
    expect(ok(result.run).outputs.status).toBe('running');
  }, 60_000);
});

describe("3. a writer's push to a fork PR does not deploy the fork's commits", () => {
  test('Update branch by a maintainer: await-approval with the diff since the last approved commit', async () => {
    const pr = forkPr();
    await approve(pr, SHA_A);
    const before = builds();
    const result = await world.runMain('pull_request_target', push(pr, SHA_B, 'maintainer'));
    expect(ok(result.plan).outputs.action).toBe('await-approval');
    ok(result.run);
    expect(builds()).toBe(before);
    expect(world.labels(pr)).toContain('🎪 🎯 a1b2c3d');
    const body = statusComment(world, pr);
    expect(body).toContain(`/showtime start ${SHA_B}`);
    expect(body).toContain(`https://github.com/${FULL}/compare/a1b2c3d...${SHA_B}`);
  }, 90_000);

  test('a force-push between approval and plan deploys nothing unapproved', async () => {
    const pr = forkPr();
    // The maintainer approved SHA_A in full; the fork author force-pushed the twin before the run read the PR.
    const approval = comment(pr, `/showtime start ${SHA_A}`);
    world.github.store.setHeadSha(FULL, pr, SHA_A_TWIN);
    const result = await world.runMain('issue_comment', approval);
    expect(ok(result.plan).outputs.action).toBe('refuse');
    expect(result.plan.outputs.reason).toBe('sha-not-head');
    expect(world.labels(pr).filter((label) => label.includes('a1b2c3d'))).toEqual([]);
  }, 60_000);
});

describe('4. workflow_dispatch deploys only a commit of the PR', () => {
  test('a SHA that is not a commit of the PR: the plan fails naming the input, nothing claimed or written', async () => {
    const pr = samePr();
    const labelsBefore = world.github.store.repoLabels(FULL).length;
    const stranger = 'c'.repeat(40);
    const result = await world.runMain(
      'workflow_dispatch',
      dispatchEvent({ repo: REPO, sender: 'maintainer', inputs: { 'pr-number': String(pr), sha: stranger } }),
    );
    expect(result.plan.code).not.toBe(0);
    expect(result.plan.stdout).toContain("input 'sha'");
    expect(result.plan.stdout).toContain(stranger);
    expect(result.run).toBeUndefined();
    expect(world.labels(pr)).toEqual([]);
    expect(world.github.store.repoLabels(FULL).filter((l) => l.name.includes(`lock-pr-${pr}`))).toEqual([]);
    expect(world.github.store.repoLabels(FULL).length).toBe(labelsBefore);
    expect(world.github.store.comments(FULL, pr)).toEqual([]);
  }, 60_000);

  test('an older commit of the PR, named in full, is deployed', async () => {
    const pr = samePr();
    world.github.store.setHeadSha(FULL, pr, SHA_B);
    const result = await world.runMain(
      'workflow_dispatch',
      dispatchEvent({ repo: REPO, sender: 'maintainer', inputs: { 'pr-number': String(pr), sha: SHA_A } }),
    );
    expect(ok(result.plan).outputs['target-sha']).toBe(SHA_A);
    expect(ok(result.run).outputs.status).toBe('running');
  }, 60_000);
});

describe("5. the status comment is only ever the action's own comment", () => {
  test("a marker in someone else's comment is ignored: that comment is left as it is", async () => {
    const pr = samePr();
    const planted = world.github.store.addComment(FULL, pr, {
      body: `${STATUS_MARKER}\nplanted by someone else`,
      author: 'outsider',
    });
    const event = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA_A,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    ok((await world.runMain('pull_request_target', event)).run);
    const comments = world.github.store.comments(FULL, pr);
    expect(comments.find((c) => c.id === planted.id)?.body).toBe(`${STATUS_MARKER}\nplanted by someone else`);
    const own = comments.filter((c) => c.author === BOT && c.body.includes(STATUS_MARKER));
    expect(own).toHaveLength(1);
    expect(own[0]?.body).toContain('🟢 running');
  }, 60_000);
});

describe('6. no echo of untrusted text', () => {
  test("a writer's malformed command is quoted so it cannot break out or mention anyone", async () => {
    const pr = samePr();
    const evil = '/showtime extend `x` [click](https://evil.example) @apache/pmc';
    const result = await world.runMain('issue_comment', comment(pr, evil));
    ok(result.run);
    const body = statusComment(world, pr);
    expect(body).not.toContain('@apache/pmc');
    // Outside code spans (where GitHub renders nothing) no link is left of the writer's text.
    const outsideCode = body.replace(/(`+)[^`](?:.*?[^`])?\1(?!`)/g, '');
    expect(outsideCode).not.toContain('](https://evil.example)');
    expect(body).toContain('``/showtime extend `x` [click](https://evil.example)');
    expect(result.run?.summary ?? '').not.toContain('@apache/pmc');
  }, 60_000);

  test("a non-writer's text is never echoed anywhere", async () => {
    const pr = samePr();
    const result = await world.runMain(
      'issue_comment',
      comment(pr, '/showtime bogus @apache/pmc', 'outsider'),
    );
    ok(result.plan);
    expect(world.github.store.comments(FULL, pr).filter((c) => c.author === BOT)).toEqual([]);
    expect(result.run?.summary ?? '').not.toContain('@apache/pmc');
    expect(result.plan.stdout).not.toContain('@apache/pmc');
  }, 60_000);

  test('a failed build links to the logs instead of pasting its output; docker runs between stop-commands', async () => {
    const pr = samePr();
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    const event = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA_A,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    const result = await world.runMain('pull_request_target', event, {
      env: { FAKE_DOCKER_FAIL_BUILD: '17' },
    });
    expect(result.run?.code).toBe(1);
    const body = statusComment(world, pr);
    expect(body).toContain('exit code 17');
    expect(body).not.toContain('failed to solve');
    expect(body).not.toContain('step 1 of');
    expect(body).toContain('/actions/runs/');
    expect(result.run?.summary ?? '').not.toContain('failed to solve');
    const out = result.run?.stdout ?? '';
    const stop = /^::stop-commands::(\S+)$/m.exec(out);
    expect(stop).not.toBeNull();
    const token = stop?.[1] ?? '';
    const inside = out.slice(out.indexOf(`::stop-commands::${token}`), out.indexOf(`::${token}::`));
    expect(inside).toContain('fake build of');
    expect(out).toContain(`::${token}::`);
  }, 60_000);
});

describe('7. refusals are cheap', () => {
  test("a non-writer's command costs the permission check and nothing visible", async () => {
    const pr = samePr();
    const event = comment(pr, '/showtime start', 'outsider');
    world.github.resetCounts();
    const result = await world.runMain('issue_comment', event);
    ok(result.plan);
    if (result.run) ok(result.run);
    const counts = world.github.counts();
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(counts['GET /repos/{owner}/{repo}/collaborators/{username}/permission']).toBe(1);
    expect(total).toBeLessThanOrEqual(2);
    const writes = Object.entries(counts).filter(([route]) => !route.startsWith('GET '));
    expect(writes).toEqual([]);
  }, 60_000);

  test('a label a non-writer added is removed, and nothing else is written', async () => {
    const pr = samePr();
    const event = labeled(pr, TRIGGER_START, 'triager', SHA_A, false);
    world.github.resetCounts();
    const result = await world.runMain('pull_request_target', event);
    ok(result.plan);
    if (result.run) ok(result.run);
    expect(world.labels(pr)).not.toContain(TRIGGER_START);
    const writes = Object.entries(world.github.counts()).filter(([route]) => !route.startsWith('GET '));
    expect(writes).toEqual([['DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', 1]]);
  }, 60_000);
});

describe("8. state labels are maintainers' only", () => {
  test.each([
    ['blocked', BLOCKED],
    ['freeze', FREEZE],
  ])(
    'a triager removing the %s label: it is put back, and the PR is told',
    async (_name, label) => {
      const pr = samePr([label]);
      const result = await world.runMain('pull_request_target', unlabeled(pr, label, 'triager', false));
      ok(result.plan);
      ok(result.run);
      expect(world.labels(pr)).toContain(label);
      expect(statusComment(world, pr)).toContain('put back');
    },
    60_000,
  );

  test.each([
    ['the 📅 creation time', (sha7: string) => new RegExp(`^🎪 ${sha7} 📅 `)],
    ['the 🎯 pointer', (sha7: string) => new RegExp(`^🎪 🎯 ${sha7}$`)],
    ['the 🚦 status', (sha7: string) => new RegExp(`^🎪 ${sha7} 🚦 `)],
  ])(
    'a triager removing %s of a live environment: it is put back',
    async (_name, pattern) => {
      const pr = samePr();
      world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
      const start = pullRequestEvent({
        action: 'labeled',
        repo: REPO,
        pr,
        headSha: SHA_A,
        sender: 'maintainer',
        label: TRIGGER_START,
      });
      ok((await world.runMain('pull_request_target', start)).run);
      const label = world.labels(pr).find((name) => pattern('a1b2c3d').test(name));
      expect(label).toBeDefined();
      const result = await world.runMain('pull_request_target', unlabeled(pr, label ?? '', 'triager', false));
      ok(result.plan);
      ok(result.run);
      expect(world.labels(pr)).toContain(label);
    },
    90_000,
  );

  test('a removed 📅 comes back as it was: removing it does not reset the TTL', async () => {
    const pr = samePr();
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    const start = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA_A,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    ok((await world.runMain('pull_request_target', start)).run);
    const fresh = world.labels(pr).find((name) => name.startsWith('🎪 a1b2c3d 📅 ')) ?? '';
    const old = '🎪 a1b2c3d 📅 2020-01-01T10-00';
    world.github.store.removeLabel(FULL, pr, fresh);
    world.github.store.addLabels(FULL, pr, [old]);
    const result = await world.runMain('pull_request_target', unlabeled(pr, old, 'triager', false));
    expect(ok(result.plan).outputs.reason).toBe('state-label-restored');
    ok(result.run);
    expect(world.labels(pr).filter((name) => name.startsWith('🎪 a1b2c3d 📅 '))).toEqual([old]);
  }, 90_000);

  /** A same-repository PR deployed at SHA_A, then its 📅 removed without an event (e.g. while workflows were off). */
  async function deployedWithout(): Promise<number> {
    const pr = samePr();
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    const start = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: SHA_A,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    ok((await world.runMain('pull_request_target', start)).run);
    const created = world.labels(pr).find((name) => name.startsWith('🎪 a1b2c3d 📅 '));
    world.github.store.removeLabel(FULL, pr, created ?? '');
    return pr;
  }

  test('an active environment whose 📅 is gone gets one written back on the next event', async () => {
    const pr = await deployedWithout();
    ok((await world.runMain('issue_comment', comment(pr, '/showtime status'))).run);
    expect(world.labels(pr).some((name) => name.startsWith('🎪 a1b2c3d 📅 '))).toBe(true);
  }, 90_000);

  test('the scheduled sweep writes back a 📅 that is gone, so the environment still expires', async () => {
    const pr = await deployedWithout();
    ok(await world.runStep('cleanup', 'schedule', {}));
    expect(world.labels(pr).filter((name) => name.startsWith('🎪 a1b2c3d 📅 '))).toHaveLength(1);
  }, 90_000);
});

describe('9. a PR build never writes the layer cache that later builds read', () => {
  const CACHE = 'ghcr.io/apache/superset-showtime-cache:ci';

  test('the one-job form reads cache-from and refuses cache-to before docker runs', async () => {
    const reads = samePr();
    const read = await world.runMain(
      'pull_request_target',
      labeled(reads, TRIGGER_START, 'maintainer', SHA_A, false),
      {
        inputs: { 'cache-from': CACHE },
      },
    );
    ok(read.run);
    const argv =
      world.docker
        .calls()
        .filter((call) => call[1] === 'build')
        .at(-1) ?? [];
    expect(argv).toEqual(expect.arrayContaining(['--cache-from', `type=registry,ref=${CACHE}`]));

    const writes = samePr();
    const before = builds();
    const refused = await world.runMain(
      'pull_request_target',
      labeled(writes, TRIGGER_START, 'maintainer', SHA_A, false),
      { inputs: { 'cache-from': CACHE, 'cache-to': CACHE } },
    );
    expect(refused.run?.code).toBe(1);
    expect(refused.run?.stdout).toContain('`cache-to` is set');
    expect(builds()).toBe(before);
    // Over every build this file ran: none was handed a cache to write.
    expect(world.docker.calls().filter((call) => call.includes('--cache-to'))).toEqual([]);
  }, 90_000);
});
