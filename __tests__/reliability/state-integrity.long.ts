// State integrity at scale: 200 PRs whose labels are the only record of their environments, swept again and again
// while GitHub's search answers partially at random and lags a minute behind the writes, interleaved with starts and
// stops, and with AWS refusing every deletion for a while. No label a live environment carries may be lost, no
// service may leak, and every deletion owed while AWS refused must be done once it is healthy again.
import { createManagedService, FULL, TASK_IP } from '../../test-support/action-world.js';
import {
  activeLabel,
  addressLabel,
  createdLabel,
  parseLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  ttlLabel,
} from '../../src/core/labels.js';
import type { StepResult } from '../../test-support/action-world.js';
import type { ReliabilityWorld } from './helpers.js';
import {
  commented,
  freshPr,
  labeled,
  PEOPLE,
  pool,
  runSweep,
  seconds,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import { describeTruth, managedServices, observeTruth } from './truth.js';

const DAY = 86_400_000;
const LAG_MS = 60_000;
const PARTIAL_RATE = 0.4;
const SEED = 20261202;
/** PRs per kind; 200 in all. */
const COUNTS = { running: 60, failed: 50, fresh: 20, stopped: 20, expired: 20, closed: 20, started: 10 };

type Kind = keyof typeof COUNTS;
interface Seeded {
  pr: number;
  sha: string;
  kind: Kind;
  labels: string[];
}

let rig: ReliabilityWorld;

beforeAll(async () => {
  rig = await startReliabilityWorld({ schedulerIntervalMs: 500 });
}, 120_000);

afterAll(async () => {
  await rig?.stop();
});

function environment(sha: string, status: 'running' | 'failed', createdAt: Date): string[] {
  return [
    TRACKED,
    statusLabel(sha, status),
    activeLabel(sha),
    createdLabel(sha, createdAt),
    ttlLabel(sha, { kind: 'duration', hours: 48 }),
    requesterLabel(sha, 'maintainer'),
    ...(status === 'running' ? [addressLabel(sha, { host: TASK_IP, port: rig.port })] : []),
  ];
}

function owed(pr: number): string[] {
  return rig.world.labels(pr).filter((name) => {
    const parsed = parseLabel(name);
    return parsed.kind === 'status' && parsed.status === 'destroying';
  });
}

test('200 PRs, partial and lagging search, teardowns refused by AWS: nothing lost, nothing leaked, every deletion done', async () => {
  const { world, aws } = rig;
  const store = world.github.store;
  const now = Date.now();
  const seeded: Seeded[] = [];
  let n = 0;
  const seed = (kind: Kind) => {
    n += 1;
    const sha = (0xb000000 + n).toString(16);
    const status = kind === 'failed' ? 'failed' : 'running';
    const createdAt = kind === 'expired' ? new Date(now - 3 * DAY) : new Date(now - 3_600_000);
    const labels = kind === 'started' ? [] : environment(sha, status, createdAt);
    const { pr } = freshPr(world, { base: 30_000, head: `${sha}${'0'.repeat(33)}`, labels });
    if (kind === 'closed') store.setState(FULL, pr, 'closed');
    seeded.push({ pr, sha, kind, labels });
  };
  for (const kind of ['running', 'failed', 'stopped', 'expired', 'closed', 'started'] as const) {
    for (let i = 0; i < COUNTS[kind]; i += 1) seed(kind);
  }
  await pool(
    6,
    seeded
      .filter((e) => e.kind !== 'failed' && e.kind !== 'started')
      .map(
        (e) => () =>
          createManagedService(world, { pr: e.pr, sha7: e.sha, createdAt: new Date(now - 7_200_000) }),
      ),
  );
  // From here on search lags a minute: the 'fresh' PRs, labelled now, are not searchable during the run.
  store.searchIndex.setLag(LAG_MS);
  for (let i = 0; i < COUNTS.fresh; i += 1) seed('fresh');
  await pool(
    6,
    seeded
      .filter((e) => e.kind === 'fresh')
      .map(
        (e) => () =>
          createManagedService(world, { pr: e.pr, sha7: e.sha, createdAt: new Date(now - 7_200_000) }),
      ),
  );
  store.searchIndex.randomPartialResults(PARTIAL_RATE, { keep: 0.5, seed: SEED });
  const live = seeded.filter((e) => e.kind === 'running' || e.kind === 'failed' || e.kind === 'fresh');
  const t0 = Date.now();
  const sweeps: StepResult[] = [];
  const sweep = async () => {
    const result = await runSweep(world);
    sweeps.push(result);
    return result;
  };

  // Phase 1: AWS refuses every DeleteService. Stops, starts and sweeps interleave; deletions become owed.
  aws.random({ rate: 1, seed: SEED, operation: 'DeleteService', kinds: ['server-error'] });
  const stopped = seeded.filter((e) => e.kind === 'stopped');
  const started = seeded.filter((e) => e.kind === 'started');
  for (const [i, entry] of stopped.entries()) {
    await world.runMain('issue_comment', commented(world, entry.pr, '/showtime stop', PEOPLE.maintain));
    if (i % 5 === 4) await sweep();
    const start = started[i];
    if (start !== undefined && i % 2 === 0) {
      await world.runMain(
        'pull_request_target',
        labeled(world, start.pr, TRIGGER_START, PEOPLE.maintain, `${start.sha}${'0'.repeat(33)}`),
      );
    }
  }
  await sweep();
  const owedWhileDown = seeded.filter((e) => owed(e.pr).length > 0).length;
  const failedSweepsWhileDown = sweeps.filter((s) => s.code !== 0).length;

  // Phase 2: AWS is healthy; search still partial and lagging. Sweeps retry the owed deletions. The first sweep runs
  // at once, so the fresh PRs are still unsearchable while their services could now be deleted. After it the
  // emulator's clock moves a lag ahead before each sweep: GitHub's schedule runs a sweep at most every 5 minutes, so
  // the index has caught up with the previous run's writes (a stop marked destroying seconds ago is searchable only
  // then; this test's sweeps, seconds apart, would otherwise not see it however many there were).
  aws.clear();
  let recovery = 0;
  let skew = 0;
  while (recovery < 8 && seeded.some((e) => owed(e.pr).length > 0)) {
    if (recovery > 0) {
      skew += LAG_MS;
      const ahead = skew;
      store.clock = () => new Date(Date.now() + ahead);
    }
    recovery += 1;
    await sweep();
  }
  const owedAfter = seeded.filter((e) => owed(e.pr).length > 0);
  const duration = Date.now() - t0;

  // Settle: search consistent again, one last sweep (the runs' own pace, nothing forced).
  store.searchIndex.setLag(0);
  store.searchIndex.randomPartialResults(0);
  const last = await sweep();

  const lost = live.flatMap((e) =>
    e.labels
      .filter((name) => !world.labels(e.pr).includes(name) || store.findLabel(FULL, name) === undefined)
      .map((name) => `#${e.pr}: ${name}`),
  );
  const services = new Set((await managedServices(world)).map((s) => `${s.pr}/${s.sha}`));
  const gone = seeded.filter(
    (e) =>
      (e.kind === 'stopped' || e.kind === 'expired' || e.kind === 'closed') &&
      services.has(`${e.pr}/${e.sha}`),
  );
  const truth = await observeTruth(world, { atRest: true, port: rig.port });
  const partial = sweeps.filter((s) => s.summary.includes('partial results')).length;

  writeFigures('state integrity (state-integrity.long.ts)', [
    '## State integrity (`state-integrity.long.ts`)',
    '',
    `- ${seeded.length} PRs (${Object.entries(COUNTS)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(
        ', ',
      )}); search lags ${LAG_MS / 1000} s and answers partially at random (rate ${PARTIAL_RATE}, half the ` +
      `matches kept); ${sweeps.length} sweeps, ${partial} of which met a partial search; ${seconds(duration)}`,
    `- AWS refusing every DeleteService: ${owedWhileDown} deletions owed, ${failedSweepsWhileDown} sweeps exited ` +
      `non-zero; once healthy, ${recovery} sweeps until none was owed (${owedAfter.length} left)`,
    `- at the end: ${lost.length} live labels lost, ${truth.leaks.length} services leaked, ${gone.length} services ` +
      `of stopped, expired or closed PRs left, ${truth.lies.length} lies`,
  ]);

  expect(lost).toEqual([]);
  expect(owedWhileDown).toBeGreaterThan(0);
  expect(failedSweepsWhileDown).toBeGreaterThan(0);
  expect(partial).toBeGreaterThan(0);
  expect(owedAfter.map((e) => e.pr)).toEqual([]);
  expect(gone.map((e) => e.pr)).toEqual([]);
  if (truth.lies.length + truth.leaks.length > 0) throw new Error(describeTruth(truth));
  expect(last.code).toBe(0);
}, 600_000);
