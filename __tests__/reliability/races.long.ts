// Races between real runs: the bundled plan and run steps started as concurrent child processes, as GitHub starts
// one workflow run per event. Every scenario ends with the truth check of truth.ts (at rest: no lie, no leak).
import { TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import type { ActionWorld, MainRun, StepResult } from '../../test-support/action-world.js';
import { FULL } from '../../test-support/action-world.js';
import type { FaultyAws } from '../../test-support/faulty-aws.js';
import type { ReliabilityWorld } from './helpers.js';
import {
  commented,
  dispatched,
  freshPr,
  freshSha,
  labeled,
  ok,
  PEOPLE,
  pushed,
  seconds,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import { describeTruth, managedServices, observeTruth } from './truth.js';

let rig: ReliabilityWorld;
let world: ActionWorld;
let aws: FaultyAws;
let port = 0;
const figures: string[] = [];
let runs = 0;
const started = Date.now();

beforeAll(async () => {
  rig = await startReliabilityWorld();
  // Every run of the action reaches AWS through the proxy, which counts its calls (no fault is armed here).
  ({ world, aws, port } = rig);
}, 60_000);

afterAll(async () => {
  figures.push(`- total: ${runs} workflow runs (plan + run steps) in ${seconds(Date.now() - started)}`);
  writeFigures('races (races.long.ts)', ['## Races (`races.long.ts`)', '', ...figures]);
  await rig?.stop();
});

async function main(event: string, payload: unknown): Promise<MainRun> {
  runs += 1;
  return world.runMain(event, payload);
}

function builds(pr: number, sha: string): number {
  const tag = `apache/superset:pr-${pr}-${sha.slice(0, 7)}-ci`;
  return world.docker
    .calls()
    .filter((argv) => argv[0] === 'buildx' && argv[1] === 'build' && argv.includes(tag)).length;
}

function createServiceCalls(): number {
  return aws.calls().filter((call) => call.operation === 'CreateService').length;
}

async function servicesOf(pr: number): Promise<string[]> {
  return (await managedServices(world)).filter((s) => s.pr === pr).map((s) => s.sha);
}

async function expectTruth(prs: number[]): Promise<void> {
  const report = await observeTruth(world, { prs, atRest: true, port });
  if (report.lies.length + report.leaks.length > 0) throw new Error(describeTruth(report));
}

function stepsOk(results: MainRun[]): void {
  for (const result of results) {
    ok(result.plan, 'plan step');
    if (result.run) ok(result.run, 'run step');
  }
}

describe('races between concurrent runs', () => {
  test('20 concurrent starts of one SHA (label, dispatch, comment): one build, one service', async () => {
    const t0 = Date.now();
    const { pr, head } = freshPr(world);
    aws.resetCounts();
    const label = labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head);
    const events: [string, unknown][] = [];
    // Seven deliveries of the one label event (re-runs, duplicate deliveries), seven dispatches, six comments.
    for (let i = 0; i < 7; i += 1) events.push(['pull_request_target', label]);
    for (let i = 0; i < 7; i += 1) events.push(['workflow_dispatch', dispatched(pr, PEOPLE.admin)]);
    for (let i = 0; i < 6; i += 1)
      events.push(['issue_comment', commented(world, pr, '/showtime start', PEOPLE.write)]);
    const results = await Promise.all(events.map(([name, payload]) => main(name, payload)));
    stepsOk(results);
    const actions = results.map((r) => r.plan.outputs.action);
    const claimed = results.filter((r) => r.plan.outputs['build-needed'] === 'true').length;
    expect(builds(pr, head)).toBe(1);
    expect(claimed).toBe(1);
    expect(createServiceCalls()).toBe(1);
    expect(await servicesOf(pr)).toEqual([head.slice(0, 7)]);
    expect(world.labels(pr)).toContain(`🎪 🎯 ${head.slice(0, 7)}`);
    expect(world.labels(pr)).not.toContain(TRIGGER_START);
    await expectTruth([pr]);
    const tally = Object.entries(
      actions.reduce<Record<string, number>>(
        (acc, a) => ({ ...acc, [a ?? '?']: (acc[a ?? '?'] ?? 0) + 1 }),
        {},
      ),
    )
      .map(([action, n]) => `${action} ×${n}`)
      .join(', ');
    figures.push(
      `- 20 concurrent starts of one SHA: ${builds(pr, head)} build, ${createServiceCalls()} CreateService, ` +
        `1 service; plan verdicts: ${tally}; ${seconds(Date.now() - t0)}`,
    );
  }, 240_000);

  test('a start that read the PR before another run deployed the SHA does not build it again', async () => {
    const { pr, head } = freshPr(world);
    const lockRoute = { method: 'POST', route: '/repos/{owner}/{repo}/labels' };
    const lockPosts = () => world.github.counts()[`POST ${lockRoute.route}`] ?? 0;
    // The late run reads the PR (nothing deployed yet), then its lock request is held up for a while.
    world.github.faults.delay(10_000, lockRoute);
    const before = lockPosts();
    const late = world.runStep('plan', 'workflow_dispatch', dispatched(pr, PEOPLE.admin), {
      runId: `late-${pr}`,
    });
    while (lockPosts() === before) await new Promise((resolve) => setTimeout(resolve, 50));
    world.github.faults.delay(0);
    // Meanwhile another run deploys the SHA from start to finish and releases its lock.
    stepsOk([await main('workflow_dispatch', dispatched(pr, PEOPLE.admin))]);
    expect(world.labels(pr)).toContain(`🎪 ${head.slice(0, 7)} 🚦 running`);
    const plan = ok(await late);
    const run = ok(
      await world.runStep('run', 'workflow_dispatch', dispatched(pr, PEOPLE.admin), {
        runId: `late-${pr}`,
        planFile: plan.outputs['plan-file'],
      }),
    );
    runs += 1;
    expect(builds(pr, head)).toBe(1);
    expect(run.outputs.status).toBe('running');
    expect(await servicesOf(pr)).toEqual([head.slice(0, 7)]);
    await expectTruth([pr]);
    figures.push(
      `- a start whose lock request arrived after another run had deployed the SHA: ${builds(pr, head)} build ` +
        `(late plan: ${plan.outputs.action}/${plan.outputs.reason})`,
    );
  }, 120_000);

  test.each([
    ['older run step first', false],
    ['newer run step first', true],
  ])(
    'two SHAs of one PR, plans in push order, %s: the newer SHA is left running',
    async (_name, newerFirst) => {
      const { pr, head: a } = freshPr(world);
      ok((await main('pull_request_target', labeled(world, pr, TRIGGER_START, PEOPLE.maintain, a))).run);
      const b = freshSha();
      const c = freshSha();
      const pushB = pushed(world, pr, b, PEOPLE.write);
      const planB = ok(await world.runStep('plan', 'pull_request_target', pushB, { runId: `b-${pr}` }));
      const pushC = pushed(world, pr, c, PEOPLE.write);
      const planC = ok(await world.runStep('plan', 'pull_request_target', pushC, { runId: `c-${pr}` }));
      runs += 2;
      expect([planB.outputs.action, planC.outputs.action]).toEqual(['rolling-update', 'rolling-update']);
      const runB = () =>
        world.runStep('run', 'pull_request_target', pushB, {
          runId: `b-${pr}`,
          planFile: planB.outputs['plan-file'],
        });
      const runC = () =>
        world.runStep('run', 'pull_request_target', pushC, {
          runId: `c-${pr}`,
          planFile: planC.outputs['plan-file'],
        });
      const order: (() => Promise<StepResult>)[] = newerFirst ? [runC, runB] : [runB, runC];
      for (const step of order) ok(await step());
      expect(await servicesOf(pr)).toEqual([c.slice(0, 7)]);
      expect(world.labels(pr)).toContain(`🎪 🎯 ${c.slice(0, 7)}`);
      await expectTruth([pr]);
      figures.push(
        `- two pushes, plans in order, ${_name}: ${c.slice(0, 7)} (newest) left running, 1 service`,
      );
    },
    120_000,
  );

  test('two SHAs whose run steps race each other: the newer SHA is left running', async () => {
    const { pr, head: a } = freshPr(world);
    ok((await main('pull_request_target', labeled(world, pr, TRIGGER_START, PEOPLE.maintain, a))).run);
    const b = freshSha();
    const c = freshSha();
    const pushB = pushed(world, pr, b, PEOPLE.write);
    const planB = ok(await world.runStep('plan', 'pull_request_target', pushB, { runId: `rb-${pr}` }));
    const pushC = pushed(world, pr, c, PEOPLE.write);
    const planC = ok(await world.runStep('plan', 'pull_request_target', pushC, { runId: `rc-${pr}` }));
    runs += 2;
    await Promise.all([
      world.runStep('run', 'pull_request_target', pushB, {
        runId: `rb-${pr}`,
        planFile: planB.outputs['plan-file'],
      }),
      world.runStep('run', 'pull_request_target', pushC, {
        runId: `rc-${pr}`,
        planFile: planC.outputs['plan-file'],
      }),
    ]).then((steps) => steps.forEach((step) => ok(step)));
    expect(await servicesOf(pr)).toEqual([c.slice(0, 7)]);
    await expectTruth([pr]);
  }, 120_000);

  test('pushes delivered out of order (the newer push planned first): the head is what runs', async () => {
    const { pr, head: a } = freshPr(world);
    ok((await main('pull_request_target', labeled(world, pr, TRIGGER_START, PEOPLE.maintain, a))).run);
    const b = freshSha();
    const c = freshSha();
    const pushB = pushed(world, pr, b, PEOPLE.write);
    const pushC = pushed(world, pr, c, PEOPLE.write);
    // GitHub does not order workflow runs: the run of the older push may start after the newer one's.
    stepsOk([await main('pull_request_target', pushC)]);
    stepsOk([await main('pull_request_target', pushB)]);
    expect(await servicesOf(pr)).toEqual([c.slice(0, 7)]);
    expect(world.labels(pr)).toContain(`🎪 🎯 ${c.slice(0, 7)}`);
    await expectTruth([pr]);
    figures.push(`- pushes planned out of order: the head (${c.slice(0, 7)}) is left running`);
  }, 120_000);

  test.each([0, 800, 1500, 3000])(
    'start and stop racing (stop %d ms after the start): the stop wins, nothing is left running',
    async (delayMs) => {
      const { pr, head } = freshPr(world);
      const start = labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head);
      const startRun = main('pull_request_target', start);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const stop = labeled(world, pr, TRIGGER_STOP, PEOPLE.maintain, head);
      const stopRun = main('pull_request_target', stop);
      stepsOk(await Promise.all([startRun, stopRun]));
      expect(await servicesOf(pr)).toEqual([]);
      const left = world.labels(pr);
      expect(left).toEqual([]);
      await expectTruth([pr]);
      figures.push(`- start, then stop ${delayMs} ms later: stop won, 0 services, 0 labels left`);
    },
    120_000,
  );

  test('a stop that lands between the deploy’s last check and its switch to running still wins', async () => {
    const { pr, head } = freshPr(world);
    const relabelRoute = { method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/labels' };
    const posts = () => world.github.counts()[`POST ${relabelRoute.route}`] ?? 0;
    let heldAt = -1;
    // Once ECS has given the task its address, the deploy has one check left (stillOurs) and then switches the labels
    // to running: hold that switch until a whole stop has gone through.
    aws.beforeNext({ operation: 'DescribeNetworkInterfaces' }, () => {
      heldAt = posts();
      world.github.faults.delay(5000, relabelRoute);
    });
    const start = main('pull_request_target', labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head));
    while (heldAt < 0 || posts() === heldAt) await new Promise((resolve) => setTimeout(resolve, 20));
    world.github.faults.delay(0);
    const stop = await main('pull_request_target', labeled(world, pr, TRIGGER_STOP, PEOPLE.maintain, head));
    stepsOk([stop, await start]);
    expect(await servicesOf(pr)).toEqual([]);
    expect(world.labels(pr)).toEqual([]);
    await expectTruth([pr]);
    figures.push(
      '- a stop between the deploy’s last check and its switch to running: stop won, nothing left',
    );
  }, 120_000);

  test('label, push and comment events interleaved on one PR: one environment, the truth at rest', async () => {
    const { pr, head: a } = freshPr(world);
    const b = freshSha();
    const c = freshSha();
    const waves: [string, unknown][][] = [
      [
        ['pull_request_target', labeled(world, pr, TRIGGER_START, PEOPLE.maintain, a)],
        ['issue_comment', commented(world, pr, '/showtime start', PEOPLE.write)],
        ['workflow_dispatch', dispatched(pr, PEOPLE.admin)],
      ],
      [
        ['pull_request_target', pushed(world, pr, b, PEOPLE.write)],
        ['issue_comment', commented(world, pr, '/showtime extend 3d', PEOPLE.maintain)],
        ['issue_comment', commented(world, pr, '/showtime enable ALERT_REPORTS', PEOPLE.maintain)],
      ],
      [
        ['pull_request_target', pushed(world, pr, c, PEOPLE.write)],
        ['issue_comment', commented(world, pr, '/showtime start', PEOPLE.maintain)],
        ['issue_comment', commented(world, pr, '/showtime status', PEOPLE.triage)],
      ],
    ];
    // Each wave's events arrive together, and the next wave arrives while the previous one's runs are still going.
    const inflight: Promise<MainRun>[] = [];
    for (const wave of waves) {
      for (const [name, payload] of wave) inflight.push(main(name, payload));
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    stepsOk(await Promise.all(inflight));
    const services = await servicesOf(pr);
    expect(services.length).toBeLessThanOrEqual(1);
    await expectTruth([pr]);
    // A last start settles the PR on its head, whatever the interleaving left.
    stepsOk([await main('issue_comment', commented(world, pr, '/showtime start', PEOPLE.maintain))]);
    expect(await servicesOf(pr)).toEqual([c.slice(0, 7)]);
    await expectTruth([pr]);
    figures.push(
      `- 9 interleaved label/push/comment events in 3 waves: ${services.length} service at rest, truth holds; ` +
        `a final start leaves the head running`,
    );
    expect(world.github.store.labelNames(FULL, pr)).toContain(`🎪 🎯 ${c.slice(0, 7)}`);
  }, 240_000);
});
