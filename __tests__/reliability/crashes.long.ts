// Crashes: a run killed with SIGKILL at each step of a create and of an update, as a runner that loses its machine.
// The kill happens when the run's request reaches GitHub (emulator hook) or AWS (proxy hook): the child is killed,
// then the request is applied, as if the runner died right after sending it. Docker's build is a kill point too.
// Recovery needs no manual work: time passes (the dead run's lease expires), one cleanup sweep runs, and the next
// start deploys the head. The truth (truth.ts) must hold after the sweep and after the start.
import { TRIGGER_START } from '../../src/core/labels.js';
import type { ActionWorld, StepResult } from '../../test-support/action-world.js';
import type { RouteFilter } from '../../test-support/github-emulator/index.js';
import type { AwsFilter, FaultyAws } from '../../test-support/faulty-aws.js';
import type { ReliabilityWorld } from './helpers.js';
import {
  cleanupBundleReady,
  freshPr,
  freshSha,
  labeled,
  letTimePass,
  ok,
  PEOPLE,
  pool,
  pushed,
  runSweep,
  seconds,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import type { TruthReport } from './truth.js';
import { describeTruth, managedServices, observeTruth } from './truth.js';

type KillPoint =
  | { name: string; step: 'plan' | 'run'; github: RouteFilter; nth?: number }
  | { name: string; step: 'run'; aws: AwsFilter; nth?: number }
  | { name: string; step: 'run'; docker: 'build' };

const ISSUE_LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels';
const ISSUE_LABEL = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
const REPO_LABELS = '/repos/{owner}/{repo}/labels';
const REPO_LABEL = '/repos/{owner}/{repo}/labels/{name}';

/** The points of no return of a create, in the order a run reaches them. */
const CREATE: KillPoint[] = [
  { name: 'plan: trigger label consumed', step: 'plan', github: { method: 'DELETE', route: ISSUE_LABEL } },
  { name: 'plan: lock taken', step: 'plan', github: { method: 'POST', route: REPO_LABELS } },
  { name: 'plan: building labels written', step: 'plan', github: { method: 'POST', route: ISSUE_LABELS } },
  {
    name: 'run: deployment record created',
    step: 'run',
    github: { method: 'POST', route: '/repos/{owner}/{repo}/deployments' },
  },
  { name: 'run: docker build under way', step: 'run', docker: 'build' },
  { name: 'run: status set to deploying', step: 'run', github: { method: 'POST', route: ISSUE_LABELS } },
  { name: 'run: task definition registered', step: 'run', aws: { operation: 'RegisterTaskDefinition' } },
  { name: 'run: ECS service created', step: 'run', aws: { operation: 'CreateService' } },
  { name: 'run: task address read', step: 'run', aws: { operation: 'DescribeNetworkInterfaces' } },
  { name: 'run: switched to running', step: 'run', github: { method: 'POST', route: ISSUE_LABELS }, nth: 1 },
  { name: 'run: lock released', step: 'run', github: { method: 'DELETE', route: REPO_LABEL } },
];

/** The points of no return of a rolling update (the old environment runs while the new one is deployed). */
const UPDATE: KillPoint[] = [
  { name: 'plan: building labels written', step: 'plan', github: { method: 'POST', route: ISSUE_LABELS } },
  { name: 'run: docker build under way', step: 'run', docker: 'build' },
  { name: 'run: ECS service created', step: 'run', aws: { operation: 'CreateService' } },
  { name: 'run: switched to running', step: 'run', github: { method: 'POST', route: ISSUE_LABELS }, nth: 1 },
  { name: 'run: old service deleted', step: 'run', aws: { operation: 'DeleteService' } },
  // The old labels go with their definitions (one DELETE each, after a read of their carriers): killed at the 2nd.
  {
    name: 'run: old labels being removed',
    step: 'run',
    github: { method: 'DELETE', route: REPO_LABEL },
    nth: 2,
  },
];

let rig: ReliabilityWorld;
let world: ActionWorld;
let aws: FaultyAws;
let port = 0;
const figures: string[] = [];
const started = Date.now();
let kills = 0;
let runs = 0;

beforeAll(async () => {
  rig = await startReliabilityWorld();
  ({ world, aws, port } = rig);
  if (!cleanupBundleReady(rig.dist))
    throw new Error('the cleanup bundle is not built: recovery needs the sweep');
}, 120_000);

afterAll(async () => {
  writeFigures('crashes (crashes.long.ts)', [
    '## Crashes (`crashes.long.ts`)',
    '',
    `- ${kills} runs killed with SIGKILL (${CREATE.length} points of a create, ${UPDATE.length} of an update), ` +
      `${runs} workflow runs in all, ${seconds(Date.now() - started)}`,
    ...figures,
  ]);
  await rig?.stop();
}, 60_000);

/** Arms `hook` on the nth matching GitHub request (the earlier ones pass untouched). */
function onGitHub(filter: RouteFilter, nth: number, hook: () => Promise<void>): void {
  world.github.faults.beforeNext(filter, nth <= 1 ? hook : () => onGitHub(filter, nth - 1, hook));
}

function onAws(filter: AwsFilter, nth: number, hook: () => Promise<void>): void {
  aws.beforeNext(filter, nth <= 1 ? hook : () => onAws(filter, nth - 1, hook));
}

/** Runs one step and kills it with SIGKILL at `point`; fails if the step got past the point alive. */
async function killed(
  point: KillPoint,
  event: [string, unknown],
  options: { runId: string; planFile?: string },
  pr: number,
  sha: string,
): Promise<StepResult> {
  const controller = new AbortController();
  // Armed before the step starts, so the hook must find the step through a reference.
  const running: { step?: Promise<StepResult> } = {};
  const kill = async (): Promise<void> => {
    controller.abort();
    await running.step;
  };
  let polling: Promise<void> | undefined;
  if ('github' in point) onGitHub(point.github, point.nth ?? 1, kill);
  else if ('aws' in point) onAws(point.aws, point.nth ?? 1, kill);
  const step = world.runStep(point.step, event[0], event[1], { ...options, signal: controller.signal });
  running.step = step;
  if ('docker' in point) {
    // The recording docker logs its argv as it starts: kill the run as soon as its build shows up.
    const tag = `apache/superset:pr-${pr}-${sha.slice(0, 7)}-ci`;
    let done = false;
    void step.then(() => (done = true));
    polling = (async () => {
      while (!done && !controller.signal.aborted) {
        if (world.docker.calls().some((argv) => argv[1] === 'build' && argv.includes(tag)))
          controller.abort();
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
  }
  const result = await step;
  await polling;
  // The request that triggered the kill is applied once the hook returns: let it land before anyone looks.
  await new Promise((resolve) => setTimeout(resolve, 300));
  world.github.faults.clear();
  aws.clear();
  kills += 1;
  runs += 1;
  if (result.code !== -1)
    throw new Error(`the ${point.step} step was not killed at "${point.name}" (exit ${result.code})`);
  return result;
}

async function servicesOf(pr: number): Promise<string[]> {
  return (await managedServices(world)).filter((s) => s.pr === pr).map((s) => s.sha);
}

interface Case {
  kind: 'create' | 'update';
  point: KillPoint;
  pr: number;
  head: string;
  /** Set when the kill or the setup went wrong: the case's test reports it. */
  error?: string;
  afterSweep?: TruthReport;
  servicesAfterSweep?: string[];
  final?: TruthReport;
  finalServices?: string[];
  start?: string;
}

/** Sets the case's PR up (an update needs a running environment first) and kills its run at the point. */
async function crash(c: Case): Promise<void> {
  const runId = `crash-${c.pr}`;
  const event: [string, unknown] =
    c.kind === 'create'
      ? ['pull_request_target', labeled(world, c.pr, TRIGGER_START, PEOPLE.maintain, c.head)]
      : ['pull_request_target', pushed(world, c.pr, c.head, PEOPLE.write)];
  if (c.point.step === 'plan') {
    await killed(c.point, event, { runId }, c.pr, c.head);
    return;
  }
  const plan = ok(await world.runStep('plan', event[0], event[1], { runId }));
  runs += 1;
  const expected = c.kind === 'create' ? 'create' : 'rolling-update';
  if (plan.outputs.action !== expected)
    throw new Error(`the plan decided ${plan.outputs.action}, not ${expected}`);
  await killed(c.point, event, { runId, planFile: plan.outputs['plan-file'] }, c.pr, c.head);
}

const cases: Case[] = [];

beforeAll(async () => {
  for (const point of CREATE) cases.push({ kind: 'create', point, ...freshPr(world) });
  for (const point of UPDATE) {
    const { pr, head: old } = freshPr(world);
    cases.push({ kind: 'update', point, pr, head: old });
  }
  // The updates' first environments, two at a time (nothing is killed yet).
  await pool(
    2,
    cases
      .filter((c) => c.kind === 'update')
      .map((c) => async () => {
        const first = await world.runMain(
          'pull_request_target',
          labeled(world, c.pr, TRIGGER_START, PEOPLE.maintain, c.head),
        );
        runs += 1;
        ok(first.run, 'first deploy of an update case');
        c.head = freshSha();
      }),
  );
  // The kills, one at a time: the hooks that kill are armed on the next matching request, whoever sends it.
  for (const c of cases) {
    try {
      await crash(c);
    } catch (error) {
      c.error = `killing at "${c.point.name}": ${(error as Error).message}`;
    }
  }
  // Time passes for every PR at once, then one sweep looks after all of them.
  for (const c of cases) letTimePass(world, c.pr);
  ok(await runSweep(world), 'sweep');
  runs += 1;
  for (const c of cases) {
    c.afterSweep = await observeTruth(world, { prs: [c.pr], atRest: true, port });
    c.servicesAfterSweep = await servicesOf(c.pr);
  }
  // Then the next start on each PR, two at a time.
  await pool(
    2,
    cases.map((c) => async () => {
      const start = await world.runMain(
        'pull_request_target',
        labeled(world, c.pr, TRIGGER_START, PEOPLE.maintain, c.head),
      );
      runs += 1;
      c.start = `${start.plan.outputs.action}/${start.plan.outputs.reason} → ${start.run?.outputs.status ?? 'no run'}`;
      if (start.plan.code !== 0 || start.run?.code !== 0)
        c.error ??= `the next start failed:\n${start.run?.stdout ?? start.plan.stdout}`;
    }),
  );
  for (const c of cases) {
    c.final = await observeTruth(world, { prs: [c.pr], atRest: true, port });
    c.finalServices = await servicesOf(c.pr);
  }
}, 300_000);

describe.each([
  ['create', CREATE],
  ['rolling update', UPDATE],
])('a %s killed with SIGKILL, then time passes, one sweep, the next start', (_kind, points) => {
  test.each(points.map((point) => [point.name, point] as const))('%s', (_name, point) => {
    const c = cases.find((entry) => entry.point === point);
    if (c === undefined) throw new Error('no such case');
    if (c.error !== undefined) throw new Error(c.error);
    // The sweep: nothing leaks (every service is claimed by labels, or deleted).
    if ((c.afterSweep?.leaks.length ?? 0) > 0)
      throw new Error(`after the sweep:\n${describeTruth(c.afterSweep!)}`);
    // The next start: the head runs, alone, and the labels describe the truth.
    expect(c.finalServices).toEqual([c.head.slice(0, 7)]);
    expect(world.labels(c.pr)).toContain(`🎪 🎯 ${c.head.slice(0, 7)}`);
    if ((c.final?.lies.length ?? 0) + (c.final?.leaks.length ?? 0) > 0) {
      throw new Error(`after the next start (${c.start}):\n${describeTruth(c.final!)}`);
    }
    const artifacts = c.afterSweep?.lies.length ?? 0;
    figures.push(
      `- ${c.kind} killed at "${point.name}": recovered; after the sweep ${c.servicesAfterSweep?.length ?? 0} ` +
        `service(s)${artifacts > 0 ? `, ${artifacts} crash artifact(s) that the next start repaired` : ''}; next start ${c.start}`,
    );
  });
});
