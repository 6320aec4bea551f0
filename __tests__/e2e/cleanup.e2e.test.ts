// End to end: the bundled cleanup entrypoint, started as a runner starts it on a schedule, against the GitHub
// emulator and moto. Labels are the sweep's only clock: to move time, a test writes an older 📅 label. Every test
// shares one world, so every sweep also sees the PRs of earlier tests; each test asserts about its own PRs only.
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { EnvironmentRow } from '../../src/core/dashboard.js';
import { expiryMarker } from '../../src/core/dashboard.js';
import {
  activeLabel,
  addressLabel,
  buildingLabel,
  createdLabel,
  labelDefinition,
  lockLabel,
  parseLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  ttlLabel,
} from '../../src/core/labels.js';
import type { Status, Ttl } from '../../src/core/types.js';
import { formatTime } from '../../src/core/values.js';
import { fenceName, formatLockDescription } from '../../src/core/locks.js';
import { commentEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld, StepResult } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import {
  createManagedService,
  FULL,
  REPO,
  startActionWorld,
  TASK_IP,
} from '../../test-support/action-world.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

let world: ActionWorld;
let slack: Server;
let slackUrl = '';
const slackMessages: string[] = [];
let nextPr = 500;
let nextSha = 0;

beforeAll(async () => {
  world = await startActionWorld();
  slack = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      slackMessages.push((JSON.parse(body) as { text: string }).text);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const address = slack.address();
  slackUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/services/T/B/secret`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => slack?.close(resolve));
  await world?.stop();
});

function newSha(): string {
  return (0xc000000 + (nextSha += 1)).toString(16);
}

interface EnvSeed {
  sha?: string;
  createdAt: Date;
  status?: Status;
  ttl?: Ttl;
  requester?: string;
}

/** The labels a deployed environment carries (a building one has 🏗️ instead of 🎯 and no address). */
function envLabels(seed: EnvSeed & { sha: string }): string[] {
  const status = seed.status ?? 'running';
  const building = status === 'building';
  return [
    TRACKED,
    statusLabel(seed.sha, status),
    building ? buildingLabel(seed.sha) : activeLabel(seed.sha),
    createdLabel(seed.sha, seed.createdAt),
    ttlLabel(seed.sha, seed.ttl ?? { kind: 'duration', hours: 48 }),
    requesterLabel(seed.sha, seed.requester ?? 'maintainer'),
    ...(building ? [] : [addressLabel(seed.sha, { host: TASK_IP, port: 8080 })]),
  ];
}

/** A PR whose labels describe one environment, written straight into the emulator (no run involved). */
function craftPr(seed: EnvSeed): { pr: number; sha: string } {
  const sha = seed.sha ?? newSha();
  const pr = (nextPr += 1);
  world.github.store.addPull(FULL, {
    number: pr,
    headSha: `${sha}${'0'.repeat(33)}`,
    author: 'writer',
    labels: envLabels({ ...seed, sha }),
  });
  return { pr, sha };
}

/** A crafted PR together with the ECS service its labels claim. */
async function craftServedPr(seed: EnvSeed): Promise<{ pr: number; sha: string; service: string }> {
  const crafted = craftPr(seed);
  const service = await createManagedService(world, {
    pr: crafted.pr,
    sha7: crafted.sha,
    createdAt: seed.createdAt,
  });
  return { ...crafted, service };
}

/** Moves an environment's clock: replaces its 📅 label. */
function setCreated(pr: number, sha: string, createdAt: Date): void {
  for (const label of world.labels(pr)) {
    const parsed = parseLabel(label);
    if (parsed.kind === 'created' && 'sha' in parsed && parsed.sha === sha)
      world.github.store.removeLabel(FULL, pr, label);
  }
  world.github.store.addLabels(FULL, pr, [createdLabel(sha, createdAt)]);
}

function sweep(inputs: Record<string, string> = {}): Promise<StepResult> {
  return world.runStep('cleanup', 'schedule', {}, { inputs: { 'slack-webhook-url': slackUrl, ...inputs } });
}

function environments(step: StepResult): EnvironmentRow[] {
  return JSON.parse(step.outputs.environments ?? '[]') as EnvironmentRow[];
}

function comments(pr: number): string[] {
  return world.github.store.comments(FULL, pr).map((comment) => comment.body);
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

describe('cleanup action, end to end', () => {
  test('a sweep over 10 healthy PRs costs 2 GitHub requests once the label catalogue exists', async () => {
    const now = Date.now();
    for (let i = 0; i < 10; i += 1) await craftServedPr({ createdAt: new Date(now - HOUR) });
    world.github.resetCounts();
    const first = ok(await sweep());
    const firstCounts = world.github.counts();
    // The first sweep also creates the catalogue labels (start, stop, freeze, blocked, tracked).
    expect(world.github.store.findLabel(FULL, TRIGGER_START)?.color).toBe(
      labelDefinition(TRIGGER_START)?.color,
    );
    expect(world.github.store.findLabel(FULL, TRIGGER_STOP)?.description).toBe(
      labelDefinition(TRIGGER_STOP)?.description,
    );
    expect(first.summary).toContain('labels created or updated');

    world.github.resetCounts();
    const second = ok(await sweep());
    const steady = world.github.counts();
    // Nothing due: the search and one read of the catalogue's last label, no listing of the repository's labels.
    expect(steady).toEqual({
      'GET /search/issues': 1,
      'GET /repos/{owner}/{repo}/labels/{name}': 1,
    });
    expect(environments(second)).toHaveLength(10);
    expect(second.summary).toContain('Nothing needed doing.');
    expect(second.outputs.cleaned).toBe('0');
    process.stdout.write(
      `GitHub requests, sweep over 10 PRs: first ${total(firstCounts)} ${JSON.stringify(firstCounts)}, ` +
        `then ${total(steady)}\n`,
    );
  }, 30_000);

  test('TTL expiry: a deployed environment past its TTL is destroyed, its service deleted, Slack told', async () => {
    const pr = (nextPr += 1);
    const sha = 'e1e2e3e4e5e6e7e8e9e0e1e2e3e4e5e6e7e8e9e0';
    world.github.store.addPull(FULL, { number: pr, headSha: sha, author: 'writer', labels: [] });
    world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
    const start = pullRequestEvent({
      action: 'labeled',
      repo: REPO,
      pr,
      headSha: sha,
      sender: 'maintainer',
      label: TRIGGER_START,
    });
    const deployed = await world.runMain('pull_request_target', start);
    expect(ok(deployed.run).outputs.status).toBe('running');
    expect(await world.activeServices()).toContain(`pr-${pr}-e1e2e3e-service`);

    setCreated(pr, 'e1e2e3e', new Date(Date.now() - 49 * HOUR));
    const result = ok(await sweep());
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-e1e2e3e-service`);
    expect(Number(result.outputs.cleaned)).toBeGreaterThanOrEqual(1);
    expect(result.summary).toMatch(
      new RegExp(`🧹 destroyed \\| \\[#${pr}\\]\\(.*\\) \\| e1e2e3e \\| ttl-expired`),
    );
    expect(statusComment(world, pr)).toContain('No environment for this pull request.');
    expect(slackMessages).toContainEqual(
      `🎪 apache/superset PR #${pr} \`e1e2e3e\` 🧹 destroyed · ttl-expired`,
    );
    expect(result.stdout).not.toContain('secret');
  }, 60_000);

  test('expiry warning: posted once per deadline, mentioning the requester, with both commands', async () => {
    const createdAt = new Date(Date.now() - 44 * HOUR);
    const { pr, sha } = await craftServedPr({ createdAt, requester: 'maxime' });
    ok(await sweep());
    const warnings = comments(pr).filter((body) => body.includes('showtime:expiry-warning'));
    expect(warnings).toHaveLength(1);
    const deadline = new Date(Math.floor(createdAt.getTime() / MINUTE) * MINUTE + 48 * HOUR);
    expect(warnings[0]).toContain(expiryMarker(sha, deadline));
    expect(warnings[0]).toContain('@maxime');
    expect(warnings[0]).toContain('/showtime extend 48h');
    expect(warnings[0]).toContain('/showtime keep-alive');
    expect(slackMessages.filter((text) => text.includes(`PR #${pr} `))).toEqual([
      `🎪 apache/superset PR #${pr} \`${sha}\` ⏳ expiring soon · expires at ${formatTime(deadline)}`,
    ]);

    const again = ok(await sweep());
    expect(comments(pr).filter((body) => body.includes('showtime:expiry-warning'))).toHaveLength(1);
    expect(slackMessages.filter((text) => text.includes(`PR #${pr} `))).toHaveLength(1);
    expect(again.summary).not.toContain(`⏳ warned | [#${pr}]`);
    expect(world.labels(pr)).toContain(statusLabel(sha, 'running'));
  }, 30_000);

  test('extend: an environment past its TTL that was extended lives on', async () => {
    const { pr, sha, service } = await craftServedPr({ createdAt: new Date(Date.now() - 49 * HOUR) });
    const comment = world.github.store.addComment(FULL, pr, {
      body: '/showtime extend 48h',
      author: 'maintainer',
    });
    const extended = await world.runMain(
      'issue_comment',
      commentEvent({ repo: REPO, pr, body: comment.body, sender: 'maintainer', commentId: comment.id }),
    );
    expect(ok(extended.plan).outputs.action).toBe('extend');
    ok(extended.run);

    const result = ok(await sweep());
    expect(world.labels(pr)).toContain(statusLabel(sha, 'running'));
    expect(await world.activeServices()).toContain(service);
    expect(comments(pr).filter((body) => body.includes('showtime:expiry-warning'))).toEqual([]);
    const row = environments(result).find((r) => r.pr === pr);
    expect(new Date(row?.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 47 * HOUR);
  }, 30_000);

  test('keep-alive: an environment that lives until close never expires, however old', async () => {
    const { pr, sha, service } = await craftServedPr({
      createdAt: new Date(Date.now() - 30 * 24 * HOUR),
      ttl: { kind: 'close' },
    });
    const result = ok(await sweep());
    expect(world.labels(pr)).toContain(statusLabel(sha, 'running'));
    expect(await world.activeServices()).toContain(service);
    expect(comments(pr)).toEqual([]);
    expect(environments(result).find((r) => r.pr === pr)).toMatchObject({ ttl: 'close', status: 'running' });
  }, 30_000);

  test('orphan services: old ones no PR claims are deleted, a young one is kept', async () => {
    const unlabelled = (nextPr += 1);
    world.github.store.addPull(FULL, { number: unlabelled, author: 'writer', labels: [] });
    const old = await createManagedService(world, {
      pr: unlabelled,
      sha7: newSha(),
      createdAt: new Date(Date.now() - 2 * HOUR),
    });
    // A PR number that does not exist, and a service without a created-at tag: it cannot be dated, and no PR claims
    // it, so it counts as old.
    const undated = await createManagedService(world, { pr: 99_999, sha7: newSha(), createdAt: null });
    const young = await createManagedService(world, {
      pr: unlabelled,
      sha7: newSha(),
      createdAt: new Date(Date.now() - 5 * MINUTE),
    });
    const result = ok(await sweep());
    const services = await world.activeServices();
    expect(services).not.toContain(old);
    expect(services).not.toContain(undated);
    expect(services).toContain(young);
    expect(result.summary).toContain(`👻 orphan service deleted | [#${unlabelled}]`);
    expect(result.summary).toContain(
      `👻 orphan service kept | [#${unlabelled}](https://github.com/apache/superset/pull/${unlabelled}) | ${young} |`,
    );
    expect(Number(result.outputs.cleaned)).toBeGreaterThanOrEqual(2);
  }, 30_000);

  test('orphan labels: running labels whose service is gone are marked failed, with a note on the PR', async () => {
    const { pr, sha } = craftPr({ createdAt: new Date(Date.now() - HOUR) });
    const result = ok(await sweep());
    expect(world.labels(pr)).toContain(statusLabel(sha, 'failed'));
    expect(world.labels(pr)).not.toContain(statusLabel(sha, 'running'));
    expect(statusComment(world, pr)).toContain('no longer exists');
    expect(result.summary).toContain(`❌ marked failed | [#${pr}]`);
    expect(environments(result).find((r) => r.pr === pr)?.status).toBe('failed');

    // A second sweep finds nothing more to do about it.
    const again = ok(await sweep());
    expect(again.summary).not.toContain(`❌ marked failed | [#${pr}]`);
  }, 30_000);

  test('closed PR: leftover environments and their services are destroyed', async () => {
    const { pr, service } = await craftServedPr({ createdAt: new Date(Date.now() - HOUR) });
    world.github.store.setState(FULL, pr, 'closed');
    const result = ok(await sweep());
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(service);
    expect(result.summary).toContain('leftover-closed-pr');
  }, 30_000);

  test('stuck lease: building labels with an expired lock are cleaned, a live lock is respected', async () => {
    const stuck = craftPr({ createdAt: new Date(Date.now() - 2 * HOUR), status: 'building' });
    const stuckLock = lockLabel(stuck.pr, stuck.sha);
    world.github.store.createLabel(FULL, {
      name: stuckLock,
      description: formatLockDescription({ holder: 'run 1/1', expiresAt: new Date(Date.now() - HOUR) }),
    });
    const busy = craftPr({ createdAt: new Date(Date.now() - 2 * HOUR), status: 'building' });
    const busyLock = lockLabel(busy.pr, busy.sha);
    world.github.store.createLabel(FULL, {
      name: busyLock,
      description: formatLockDescription({ holder: 'run 2/1', expiresAt: new Date(Date.now() + HOUR) }),
    });

    const result = ok(await sweep());
    expect(world.labels(stuck.pr)).toEqual([]);
    expect(result.summary).toContain('lease-expired');
    expect(world.github.store.findLabel(FULL, stuckLock)).toBeUndefined();
    expect(world.labels(busy.pr)).toContain(statusLabel(busy.sha, 'building'));
    expect(world.github.store.findLabel(FULL, busyLock)).toBeDefined();
  }, 30_000);

  test('unused repository labels: stale state labels and fences go; catalogue, conf, foreign and carried ones stay', async () => {
    const gone = newSha();
    const stale = [
      statusLabel(gone, 'running'),
      createdLabel(gone, new Date(Date.now() - 72 * HOUR)),
      activeLabel(gone),
    ];
    for (const name of stale) world.github.store.createLabel(FULL, { name });
    const expired = formatLockDescription({ holder: 'run 3/1', expiresAt: new Date(Date.now() - 3 * HOUR) });
    const fence = fenceName(lockLabel(77, gone), expired);
    world.github.store.createLabel(FULL, {
      name: fence,
      description: `takeover of ${lockLabel(77, gone)}: ${expired}`,
    });
    world.github.store.createLabel(FULL, { name: '🎪 conf-enable-ALERTS' });
    world.github.store.createLabel(FULL, { name: 'bug' });
    // A lock taken over 10 minutes after its lease ran out: the run holding it now keeps its fence until release.
    const held = lockLabel(78, newSha());
    const heldBefore = formatLockDescription({
      holder: 'run 4/1',
      expiresAt: new Date(Date.now() - 3 * HOUR),
    });
    const heldFence = fenceName(held, heldBefore);
    world.github.store.createLabel(FULL, {
      name: held,
      description: formatLockDescription({ holder: 'run 5/1', expiresAt: new Date(Date.now() + HOUR) }),
    });
    world.github.store.createLabel(FULL, {
      name: heldFence,
      description: `takeover of ${held}: ${heldBefore}`,
    });
    // A takeover under way right now: the lease ran out 10 minutes ago and the taker has fenced but not yet written.
    const taken = lockLabel(79, newSha());
    const takenLease = formatLockDescription({
      holder: 'run 6/1',
      expiresAt: new Date(Date.now() - 10 * MINUTE),
    });
    const takenFence = fenceName(taken, takenLease);
    world.github.store.createLabel(FULL, { name: taken, description: takenLease });
    world.github.store.createLabel(FULL, {
      name: takenFence,
      description: `takeover of ${taken}: ${takenLease}`,
    });
    // A PR labelled by the earlier CLI (emoji-first, no 🎟️ label): the first search cannot find it.
    const legacy = (nextPr += 1);
    const legacySha = newSha();
    world.github.store.addPull(FULL, {
      number: legacy,
      author: 'writer',
      labels: [`🎪 🚦 ${legacySha} running`, `🎪 🎯 ${legacySha}`],
    });

    const result = ok(await sweep());
    for (const name of [...stale, fence]) expect(world.github.store.findLabel(FULL, name)).toBeUndefined();
    for (const name of [
      '🎪 conf-enable-ALERTS',
      'bug',
      `🎪 🚦 ${legacySha} running`,
      TRACKED,
      TRIGGER_START,
    ]) {
      expect(world.github.store.findLabel(FULL, name)).toBeDefined();
    }
    // The PR is adopted: the next sweeps find it with their first search, and its labels stay as they were.
    expect(world.labels(legacy).sort()).toEqual(
      [`🎪 🚦 ${legacySha} running`, `🎪 🎯 ${legacySha}`, TRACKED].sort(),
    );
    expect(result.summary).toContain(`🎟️ tracked | [#${legacy}]`);
    expect(result.summary).toContain('🏷️ label deleted');
    const next = ok(await sweep());
    expect(environments(next).find((row) => row.pr === legacy)).toMatchObject({
      sha: legacySha,
      status: 'running',
    });
    // It had no 📅, so it would never expire: the sweep counts it as created now.
    expect(world.labels(legacy)).toHaveLength(4);
    expect(world.labels(legacy).filter((name) => name.startsWith(`🎪 ${legacySha} 📅 `))).toHaveLength(1);
  }, 30_000);

  test('dry run: decides and reports everything, writes nothing to GitHub or ECS', async () => {
    const expired = await craftServedPr({ createdAt: new Date(Date.now() - 50 * HOUR) });
    const orphan = await createManagedService(world, {
      pr: 99_998,
      sha7: newSha(),
      createdAt: new Date(Date.now() - 3 * HOUR),
    });
    world.github.store.createLabel(FULL, { name: statusLabel(newSha(), 'failed') });
    const snapshot = async () => ({
      services: await world.activeServices(),
      repoLabels: world.github.store
        .repoLabels(FULL)
        .map((label) => `${label.name}|${label.color}|${label.description}`),
      pulls: Array.from({ length: nextPr - 500 }, (_, i) => 501 + i).map((n) => {
        try {
          return { n, labels: world.labels(n), comments: comments(n) };
        } catch {
          return { n };
        }
      }),
      deployments: world.github.store.deployments(FULL).length,
    });
    const before = await snapshot();
    const slackBefore = slackMessages.length;

    const result = ok(await sweep({ 'dry-run-github': 'true', 'dry-run-aws': 'true' }));
    expect(await snapshot()).toEqual(before);
    expect(slackMessages).toHaveLength(slackBefore);
    expect(result.summary).toContain('**Dry run:** nothing was written');
    expect(result.summary).toContain(`🧹 would destroy | [#${expired.pr}]`);
    expect(result.summary).toContain(`👻 would delete orphan service | [#99998]`);
    expect(result.summary).toContain('🏷️ would delete label');
    expect(Number(result.outputs.cleaned)).toBeGreaterThanOrEqual(3);

    // The real sweep then does what the dry run announced.
    ok(await sweep());
    expect(world.labels(expired.pr)).toEqual([]);
    const services = await world.activeServices();
    expect(services).not.toContain(expired.service);
    expect(services).not.toContain(orphan);
  }, 40_000);

  test('pagination: 35 labelled PRs and 12 services are all seen, and none is wrongly cleaned', async () => {
    // Leftovers of earlier tests (labels of destroyed environments) are cleaned first, so this sweep has none.
    ok(await sweep());
    const served: { pr: number; service: string }[] = [];
    const failed: number[] = [];
    for (let i = 0; i < 12; i += 1)
      served.push(await craftServedPr({ createdAt: new Date(Date.now() - HOUR) }));
    for (let i = 0; i < 23; i += 1)
      failed.push(craftPr({ createdAt: new Date(Date.now() - HOUR), status: 'failed' }).pr);
    world.github.resetCounts();
    const result = ok(await sweep());
    const rows = environments(result);
    for (const { pr } of served) expect(rows.find((r) => r.pr === pr)?.status).toBe('running');
    for (const pr of failed) expect(rows.find((r) => r.pr === pr)?.status).toBe('failed');
    const services = await world.activeServices();
    for (const { service } of served) expect(services).toContain(service);
    expect(world.github.counts()['GET /search/issues']).toBe(1);
    // No action row names any of these PRs (environment rows start with the PR; action rows with what was done).
    for (const pr of [...served.map((s) => s.pr), ...failed]) {
      expect(result.summary).not.toMatch(new RegExp(`\\| [^|[]+ \\| \\[#${pr}\\]`));
    }
  }, 40_000);

  test('a failure to clean fails the step, naming what was left; the next sweep finishes the job', async () => {
    const { pr, sha, service } = await craftServedPr({ createdAt: new Date(Date.now() - 50 * HOUR) });
    // GitHub refuses to take labels off: both ways, from the PR and with the repository's definition.
    for (const route of [
      '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      '/repos/{owner}/{repo}/labels/{name}',
    ]) {
      world.github.faults.failNext(40, { status: 503, method: 'DELETE', route });
    }
    const failed = await sweep();
    world.github.faults.clear();
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('could not be cleaned');
    expect(failed.stdout).toContain(`#${pr}`);
    expect(failed.summary).toContain(`⚠️ failed | [#${pr}]`);
    expect(world.labels(pr).some((label) => label.includes(sha))).toBe(true);

    ok(await sweep());
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(service);
  }, 40_000);
});
