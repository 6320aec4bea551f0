// Lifecycles under faults: the GitHub emulator fails 10 % of calls at random (5xx and secondary rate limits with a
// retry-after, which the adapter retries) and the AWS proxy fails 10 % of ECS/EC2 calls (500, throttling, dropped
// connections, which the SDK retries). On top, each lifecycle meets one hard fault, chosen from the seed: a call that
// fails on every attempt (GitHub: 4 answers = the call and its 3 retries; AWS: 5 = the SDK's attempts) or an AWS
// call that takes effect but whose answer is lost. Every lifecycle (start, push, configure, stop or close) must end
// with labels that describe the truth; after one cleanup sweep, nothing leaks and no label lies.
import type { FaultKind } from '../../test-support/github-emulator/index.js';
import { seededRandom } from '../../test-support/github-emulator/faults.js';
import { parseLabel, TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import type { ActionWorld, MainRun } from '../../test-support/action-world.js';
import { FULL, REPO } from '../../test-support/action-world.js';
import { pullRequestEvent } from '../../test-support/payloads.js';
import type { FaultyAws, AwsFaultKind } from '../../test-support/faulty-aws.js';
import type { ReliabilityWorld } from './helpers.js';
import {
  cleanupBundleReady,
  commented,
  freshPr,
  freshSha,
  labeled,
  letTimePass,
  PEOPLE,
  pool,
  pushed,
  runSweep,
  seconds,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import { describeTruth, observeTruth } from './truth.js';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_241);
const RATE = 0.1;
type HardFault =
  | { system: 'github'; method: string; route: string; kind: 'error' | 'rate-limit' }
  | { system: 'aws'; operation: string; kind: AwsFaultKind; times: number };

/** Where a hard fault may land: the calls a lifecycle makes, on both sides. */
const HARD_FAULTS: HardFault[] = [
  { system: 'github', method: 'GET', route: '/repos/{owner}/{repo}/pulls/{pull_number}', kind: 'error' },
  {
    system: 'github',
    method: 'POST',
    route: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    kind: 'error',
  },
  {
    system: 'github',
    method: 'DELETE',
    route: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    kind: 'rate-limit',
  },
  { system: 'github', method: 'POST', route: '/repos/{owner}/{repo}/labels', kind: 'error' },
  { system: 'github', method: 'DELETE', route: '/repos/{owner}/{repo}/labels/{name}', kind: 'error' },
  { system: 'github', method: 'POST', route: '/repos/{owner}/{repo}/deployments', kind: 'rate-limit' },
  { system: 'aws', operation: 'RegisterTaskDefinition', kind: 'server-error', times: 5 },
  { system: 'aws', operation: 'CreateService', kind: 'server-error', times: 5 },
  { system: 'aws', operation: 'CreateService', kind: 'lost-response', times: 1 },
  { system: 'aws', operation: 'UpdateService', kind: 'server-error', times: 5 },
  { system: 'aws', operation: 'DeleteService', kind: 'server-error', times: 5 },
  { system: 'aws', operation: 'DeleteService', kind: 'lost-response', times: 1 },
  { system: 'aws', operation: 'DescribeNetworkInterfaces', kind: 'reset', times: 5 },
];
/** One lifecycle per hard fault, so that each is met once per long run. */
const LIFECYCLES = HARD_FAULTS.length;

const STEPS = ['start', 'push', 'configure', 'end'] as const;

let rig: ReliabilityWorld;
let world: ActionWorld;
let aws: FaultyAws;
let port = 0;

beforeAll(async () => {
  rig = await startReliabilityWorld();
  ({ world, aws, port } = rig);
}, 120_000);

afterAll(async () => {
  await rig?.stop();
});

function describeHard(fault: HardFault): string {
  return fault.system === 'github'
    ? `GitHub ${fault.method} ${fault.route} (${fault.kind}, every attempt)`
    : `AWS ${fault.operation} (${fault.kind}${fault.times > 1 ? ', every attempt' : ', once'})`;
}

function arm(fault: HardFault): void {
  if (fault.system === 'github') {
    const filter = { method: fault.method, route: fault.route };
    // 4 = the call and the adapter's 3 retries of a 5xx; 3 = the call and its 2 rate-limit retries.
    if (fault.kind === 'error') world.github.faults.failNext(4, { ...filter, status: 502 });
    else world.github.faults.rateLimitNext(3, { ...filter, retryAfter: 1 });
  } else {
    aws.failNext(fault.times, { operation: fault.operation, kind: fault.kind });
  }
}

interface LifecycleResult {
  pr: number;
  hard: string;
  failedSteps: string[];
  lies: string[];
  runs: number;
}

async function lifecycle(index: number, hard: HardFault, at: number): Promise<LifecycleResult> {
  const { pr, head } = freshPr(world);
  const failedSteps: string[] = [];
  const lies: string[] = [];
  let runs = 0;
  for (const [i, step] of STEPS.entries()) {
    if (i === at) arm(hard);
    let result: MainRun;
    switch (step) {
      case 'start':
        result = await world.runMain(
          'pull_request_target',
          labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head),
        );
        break;
      case 'push':
        result = await world.runMain('pull_request_target', pushed(world, pr, freshSha(), PEOPLE.write));
        break;
      case 'configure':
        result = await world.runMain(
          'issue_comment',
          commented(world, pr, '/showtime enable ALERT_REPORTS', PEOPLE.maintain),
        );
        break;
      case 'end':
        if (index % 2 === 0) {
          result = await world.runMain(
            'pull_request_target',
            labeled(world, pr, TRIGGER_STOP, PEOPLE.maintain, head),
          );
        } else {
          world.github.store.setState(FULL, pr, 'closed');
          const headSha = world.github.store.pull(FULL, pr).pull.headSha;
          result = await world.runMain(
            'pull_request_target',
            pullRequestEvent({ action: 'closed', repo: REPO, pr, headSha, sender: PEOPLE.write }),
          );
        }
        break;
    }
    runs += 1;
    for (const [name, outcome] of [
      ['plan', result.plan],
      ['run', result.run],
    ] as const) {
      if (outcome === undefined || outcome.code === 0) continue;
      const why =
        outcome.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? `exit ${outcome.code}`;
      failedSteps.push(`${step} (${name}): ${why.replace('::error::', '').slice(0, 160)}`);
    }
    // No run of this PR is in flight between steps: an environment in progress must at least hold a live lock.
    const report = await observeTruth(world, { prs: [pr], atRest: false, port });
    lies.push(...report.lies.map((lie) => `after ${step}: ${lie}`));
  }
  return { pr, hard: `${describeHard(hard)} armed at ${STEPS[at]}`, failedSteps, lies, runs };
}

describe('one hard fault, placed exactly', () => {
  const route = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';

  test('a stop whose label write fails for good half-way still tears everything down', async () => {
    const { pr, head } = freshPr(world);
    const start = await world.runMain(
      'pull_request_target',
      labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head),
    );
    expect(start.run?.code).toBe(0);
    // The stop's first DELETE consumes its trigger; the next removal, of the old status once `destroying` has been
    // added, fails on every attempt both ways (with its definition, then from the PR).
    world.github.faults.beforeNext({ method: 'DELETE', route }, () => {
      world.github.faults.failNext(4, {
        method: 'DELETE',
        route: '/repos/{owner}/{repo}/labels/{name}',
        status: 502,
      });
      world.github.faults.failNext(4, { method: 'DELETE', route, status: 502 });
    });
    await world.runMain('pull_request_target', labeled(world, pr, TRIGGER_STOP, PEOPLE.maintain, head));
    world.github.faults.clear();
    const report = await observeTruth(world, { prs: [pr], atRest: true, port });
    if (report.lies.length + report.leaks.length > 0) throw new Error(describeTruth(report));
    expect(report.services.filter((s) => s.pr === pr)).toEqual([]);
    expect(world.labels(pr)).toEqual([]);
  }, 60_000);
});

describe('lifecycles under random and hard faults', () => {
  const results: LifecycleResult[] = [];
  let swept: Awaited<ReturnType<typeof observeTruth>> | undefined;
  let sweepCode = -1;
  const started = Date.now();

  beforeAll(async () => {
    // The figures count this part's faults only (not the placed one above).
    world.github.faults.resetInjected();
    aws.resetCounts();
    const random = seededRandom(SEED);
    world.github.faults.random({
      rate: RATE,
      seed: SEED,
      kinds: [
        'error-500',
        'error-502',
        'error-503',
        'secondary-rate-limit-403',
        'secondary-rate-limit-429',
      ] as FaultKind[],
    });
    aws.random({ rate: RATE, seed: SEED + 1, kinds: ['server-error', 'throttle', 'reset'] });
    // Two lifecycles at a time, on different PRs. The seed decides at which step each hard fault is armed; it then
    // hits the next matching call, of that lifecycle or of the other one running beside it.
    const points = HARD_FAULTS.map(() => Math.floor(random() * STEPS.length));
    results.push(
      ...(await pool(
        2,
        HARD_FAULTS.map((hard, index) => () => lifecycle(index, hard, points[index] ?? 0)),
      )),
    );
    world.github.faults.clear();
    aws.clear();
  }, 300_000);

  test('every lifecycle ends with labels that describe the truth', () => {
    const lies = results.flatMap((result) =>
      result.lies.map((lie) => `#${result.pr} (${result.hard}): ${lie}`),
    );
    expect(lies).toEqual([]);
  });

  test('the faults were really injected: random ones on both sides, and a hard one per lifecycle', () => {
    expect(world.github.faults.total()).toBeGreaterThan(LIFECYCLES * 4);
    expect(aws.total()).toBeGreaterThan(LIFECYCLES);
  });

  // A manual sweep: one on the schedule with nothing due lists no repository labels (1 + ceil(P/100) calls), so a
  // lock a faulted run could not remove waits for a sweep with something due; an expired lock blocks nothing.
  test('after time passes and one manual cleanup sweep: no leak, no lie, no lock left', async () => {
    if (!cleanupBundleReady(rig.dist))
      throw new Error('the cleanup bundle is not built: the sweep cannot run');
    const prs = results.map((result) => result.pr);
    for (const pr of prs) letTimePass(world, pr);
    sweepCode = (await runSweep(world, {}, 'workflow_dispatch')).code;
    swept = await observeTruth(world, { prs, atRest: true, port });
    const locks = world.github.store
      .repoLabels(FULL)
      .filter((label) => {
        const parsed = parseLabel(label.name);
        return parsed.kind === 'lock' && prs.includes(parsed.pr);
      })
      .map((label) => label.name);
    if (swept.lies.length + swept.leaks.length > 0) throw new Error(describeTruth(swept));
    expect(locks).toEqual([]);
  }, 120_000);

  afterAll(() => {
    const github = world.github.faults.injected();
    const lines = [
      '## Faults (`faults.long.ts`)',
      '',
      `- seed ${SEED}, ${results.length} lifecycles (start, push, configure, stop or close), two at a time, ` +
        `${results.reduce((n, r) => n + r.runs, 0)} workflow runs, ${seconds(Date.now() - started)}`,
      `- random faults: ${RATE * 100} % of GitHub calls, ${RATE * 100} % of AWS calls`,
      `- GitHub faults injected: ${world.github.faults.total()} (${Object.entries(github)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')})`,
      `- AWS faults injected: ${aws.total()} (${Object.entries(aws.injected())
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')})`,
      `- hard faults, one armed per lifecycle (it hits the next matching call of either lifecycle in flight): ` +
        results.map((r) => r.hard).join('; '),
      `- steps that failed, each saying why: ${results.flatMap((r) => r.failedSteps).length}`,
      ...results.flatMap((r) => r.failedSteps.map((line) => `  - #${r.pr}, ${r.hard}: ${line}`)),
      `- lies after a lifecycle: ${results.flatMap((r) => r.lies).length}`,
      `- after one sweep (exit ${sweepCode}): ${swept ? `${swept.lies.length} lies, ${swept.leaks.length} leaks, ${swept.leftovers.length} leftovers` : 'not run'}`,
    ];
    writeFigures('faults (faults.long.ts)', lines);
  });
});
