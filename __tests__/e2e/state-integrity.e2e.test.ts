// The labels are the only record of an environment, and deleting a repository label definition removes it from every
// PR. These tests give the sweep the search answers GitHub really gives (partial under load, lagging behind writes)
// and check that no label a PR carries is lost on the strength of them.
import {
  activeLabel,
  addressLabel,
  TRIGGER_START,
  TRIGGER_STOP,
  createdLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  ttlLabel,
} from '../../src/core/labels.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { ok } from '../../test-support/e2e-checks.js';
import {
  createManagedService,
  FULL,
  REPO,
  startActionWorld,
  TASK_IP,
} from '../../test-support/action-world.js';
import type { FaultyAws } from '../../test-support/faulty-aws.js';
import { startFaultyAws } from '../../test-support/faulty-aws.js';
import { commentEvent, pullRequestEvent } from '../../test-support/payloads.js';

let world: ActionWorld;
let aws: FaultyAws;
let nextPr = 700;
let nextSha = 0;

beforeAll(async () => {
  world = await startActionWorld();
  // The runs reach AWS through a proxy that can fail calls; the test harness talks to moto directly.
  aws = await startFaultyAws(world.moto.endpoint);
  world.baseInputs['aws-endpoint'] = aws.endpoint;
}, 60_000);

afterAll(async () => {
  await aws?.stop();
  await world?.stop();
});

afterEach(() => {
  aws.clear();
  world.github.store.searchIndex.setLag(0);
  world.github.store.searchIndex.randomPartialResults(0);
});

/** The labels every seeded environment carries: index, status, 🎯, 📅 (now) and 🤡. */
function envLabels(sha: string, status: 'running' | 'failed'): string[] {
  return [
    TRACKED,
    statusLabel(sha, status),
    activeLabel(sha),
    createdLabel(sha, new Date()),
    requesterLabel(sha, 'maintainer'),
  ];
}

/** A PR whose environment failed: no service, no lock, only its labels say it exists. */
function failedPr(): { pr: number; labels: string[] } {
  const sha = (0xd000000 + (nextSha += 1)).toString(16);
  const pr = (nextPr += 1);
  const labels = [...envLabels(sha, 'failed'), ttlLabel(sha, { kind: 'duration', hours: 48 })];
  world.github.store.addPull(FULL, {
    number: pr,
    headSha: `${sha}${'0'.repeat(33)}`,
    author: 'writer',
    labels,
  });
  return { pr, labels };
}

function sweep() {
  return world.runStep('cleanup', 'schedule', {});
}

/** A maintainer's `/showtime stop` on the PR: the comment stored, then its event run. */
function stopByComment(pr: number) {
  const posted = world.github.store.addComment(FULL, pr, { body: '/showtime stop', author: 'maintainer' });
  const event = commentEvent({
    repo: REPO,
    pr,
    body: '/showtime stop',
    sender: 'maintainer',
    commentId: posted.id,
  });
  return world.runMain('issue_comment', event);
}

/** The start label added by a maintainer (already on the PR, as GitHub adds it before delivering the event). */
function startLabeled(pr: number, headSha: string) {
  return pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha,
    sender: 'maintainer',
    label: TRIGGER_START,
  });
}

describe('search finds, it never proves absence', () => {
  test('partial search results (incomplete_results: true): the PRs they missed keep every label', async () => {
    const { pr, labels } = failedPr();
    // Every search of this sweep answers partially and, at worst, with none of its matches.
    world.github.store.searchIndex.partialResults(50, { keep: 0 });
    const result = ok(await sweep());
    expect(world.labels(pr).sort()).toEqual([...labels].sort());
    for (const name of labels) expect(world.github.store.findLabel(FULL, name)).toBeDefined();
    expect(result.summary).toMatch(/partial results/);
  }, 60_000);

  test('a PR whose labels are not yet searchable (index lag) keeps every label', async () => {
    world.github.store.searchIndex.setLag(10 * 60_000);
    const { pr, labels } = failedPr();
    ok(await sweep());
    expect(world.labels(pr).sort()).toEqual([...labels].sort());
  }, 60_000);

  test('a label definition nothing carries is deleted once the issues listing shows it', async () => {
    const { pr, labels } = failedPr();
    const status = labels[1] ?? '';
    world.github.store.removeLabel(FULL, pr, status);
    // A scheduled sweep with nothing due lists no labels: the leftover waits for a sweep that lists.
    ok(await sweep());
    expect(world.github.store.findLabel(FULL, status)).toBeDefined();
    world.github.store.searchIndex.partialResults(50, { keep: 0 });
    ok(await world.runStep('cleanup', 'workflow_dispatch', {}));
    expect(world.github.store.findLabel(FULL, status)).toBeUndefined();
    expect(world.labels(pr)).not.toContain(status);
    expect(world.labels(pr).length).toBe(labels.length - 1);
  }, 60_000);
});

describe('a deletion that failed is owed, and retried', () => {
  test('a stop whose DeleteService fails leaves the environment destroying; the next sweep finishes it', async () => {
    const sha = (0xe000000 + (nextSha += 1)).toString(16);
    const pr = (nextPr += 1);
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: `${sha}${'0'.repeat(33)}`,
      author: 'writer',
      labels: [
        ...envLabels(sha, 'running'),
        ttlLabel(sha, { kind: 'duration', hours: 48 }),
        addressLabel(sha, { host: TASK_IP, port: 8080 }),
      ],
    });
    const service = await createManagedService(world, { pr, sha7: sha, createdAt: new Date() });
    // More failures than the SDK has attempts: the deletion fails for good, as in an AWS outage.
    aws.failNext(50, { operation: 'DeleteService' });
    const stop = await stopByComment(pr);
    expect(stop.run?.code).toBe(1);
    expect(world.labels(pr)).toContain(statusLabel(sha, 'destroying'));
    expect(world.labels(pr).some((name) => name.startsWith(`🎪 ${sha} 🌐 `))).toBe(false);
    expect(await world.activeServices()).toContain(service);

    // Still failing: the sweep retries, and says so with a non-zero exit.
    const stillDown = await sweep();
    expect(stillDown.code).toBe(1);
    expect(world.labels(pr)).toContain(statusLabel(sha, 'destroying'));

    aws.clear();
    ok(await sweep());
    expect(await world.activeServices()).not.toContain(service);
    expect(world.labels(pr)).toEqual([]);
  }, 90_000);
});

describe('a stop leaves nothing that looks like state', () => {
  test('forged and unparseable 🎪 labels go with the last environment; the index label goes last', async () => {
    const sha = (0xf000000 + (nextSha += 1)).toString(16);
    const pr = (nextPr += 1);
    const forged = ['🎪 zzzzzzz 🚦 running', `🎪 ${sha} 🌐 evil.example.com`];
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: `${sha}${'0'.repeat(33)}`,
      author: 'writer',
      labels: [...envLabels(sha, 'failed'), ...forged, 'bug', '🎪 conf-enable-ALERTS'],
    });
    const stop = await stopByComment(pr);
    ok(stop.run);
    // Foreign labels and a person's conf-* command stay: they are not state.
    expect(world.labels(pr).sort()).toEqual(['bug', '🎪 conf-enable-ALERTS'].sort());
  }, 60_000);
});

describe('a start that meets a stop says what happened', () => {
  test('the start trigger consumed by a stop meanwhile: start-withdrawn, not claimed-by-another-run', async () => {
    const pr = (nextPr += 1);
    const head = `${(0xa100000 + (nextSha += 1)).toString(16)}${'0'.repeat(33)}`;
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: head,
      author: 'writer',
      labels: [TRIGGER_START],
    });
    // Between this run's read and its claim, a stop run takes both triggers (stop wins over start).
    world.github.faults.beforeNext(
      { method: 'DELETE', route: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}' },
      (store) => {
        store.removeLabel(FULL, pr, TRIGGER_START);
        store.removeLabel(FULL, pr, TRIGGER_STOP);
      },
    );
    const start = startLabeled(pr, head);
    const result = await world.runMain('pull_request_target', start);
    expect(ok(result.plan).outputs.action).toBe('nothing');
    expect(result.plan.outputs.reason).toBe('start-withdrawn');
    expect(world.labels(pr)).toEqual([]);
  }, 60_000);
});

describe('a quota does not undo the repair of an interrupted change', () => {
  test('half-written labels and max-environments set: the start still repairs', async () => {
    const sha = (0xa200000 + (nextSha += 1)).toString(16);
    const pr = (nextPr += 1);
    const head = `${sha}${'0'.repeat(33)}`;
    // An interrupted run left two statuses on the environment.
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: head,
      author: 'writer',
      labels: [...envLabels(sha, 'running'), statusLabel(sha, 'configuring'), TRIGGER_START],
    });
    const start = startLabeled(pr, head);
    const plan = ok(
      await world.runStep('plan', 'pull_request_target', start, { inputs: { 'max-environments': '10' } }),
    );
    expect(plan.outputs.reason).toBe('repair-interrupted-change');
  }, 60_000);
});

describe('a teardown deletes the label definitions it made unused', () => {
  test('after a stop its per-SHA definitions are gone, except one another PR still carries', async () => {
    const sha = (0xa300000 + (nextSha += 1)).toString(16);
    const pr = (nextPr += 1);
    const twin = (nextPr += 1);
    const labels = envLabels(sha, 'failed');
    world.github.store.addPull(FULL, {
      number: pr,
      headSha: `${sha}${'0'.repeat(33)}`,
      author: 'writer',
      labels,
    });
    // Two PRs can share a head commit: the twin carries one of the same labels.
    const shared = requesterLabel(sha, 'maintainer');
    world.github.store.addPull(FULL, { number: twin, author: 'writer', labels: [shared] });
    ok((await stopByComment(pr)).run);
    expect(world.labels(pr)).toEqual([]);
    for (const name of labels.filter((name) => name !== TRACKED && name !== shared)) {
      expect({ name, defined: world.github.store.findLabel(FULL, name) !== undefined }).toEqual({
        name,
        defined: false,
      });
    }
    expect(world.github.store.findLabel(FULL, shared)).toBeDefined();
    expect(world.labels(twin)).toEqual([shared]);
    expect(world.github.store.findLabel(FULL, TRACKED)).toBeDefined();
  }, 60_000);
});
