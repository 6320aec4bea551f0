// The measurements: drives the bundled entrypoints through the action world with every request traced.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  activeLabel,
  addressLabel,
  createdLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  ttlLabel,
} from '../src/core/labels.js';
import type { ActionWorld, RunOptions, StepResult } from '../test-support/action-world.js';
import { createManagedService, FULL, REPO, startActionWorld } from '../test-support/action-world.js';
import { FAKE_DOCKER } from '../test-support/fake-docker/index.js';
import { commentEvent, pullRequestEvent } from '../test-support/payloads.js';
import { errorsOf, scheduleEvent } from '../demo/scenario.js';
import type { Breakdown } from './phases.js';
import { breakdown } from './phases.js';
import type {
  AwsFigure,
  CallFigure,
  ColdStartFigure,
  Counts,
  OrchestrationFigure,
  SweepFigure,
} from './report.js';
import { medianBreakdown } from './report.js';
import type { DockerTimer, Traced, TracingProxy } from './trace.js';
import { clock, dockerTimer, startTracingProxy } from './trace.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const BUNDLES = ['plan', 'run', 'cleanup'] as const;
type Bundle = (typeof BUNDLES)[number];

/** A deterministic 40-hex SHA per seed, so runs are comparable. */
export function shaOf(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export interface Timed {
  result: StepResult;
  breakdown: Breakdown;
  events: Traced[];
  /** Spawn to the first traced request, if any. */
  firstCall?: { ms: number; what: string };
}

export interface MainTimed {
  plan: Timed;
  run?: Timed;
  /** GitHub requests of both steps, as the emulator counted them. */
  github: Counts;
}

function failure(step: string, result: StepResult): Error {
  return new Error(`${step} exited ${result.code}: ${errorsOf(result)}`);
}

/** One world with a tracing proxy in front of GitHub and AWS and the docker timer in front of the fake docker. */
export class TracedWorld {
  private nextPr = 1000;
  private nextRun = 900_000;
  /**
   * The production pacing of GitHub writes (a token bucket inside GitHub's content limits, real seconds), or none
   * (SHOWTIME_GITHUB_PACING=off, what the tests use).
   */
  pacing: 'production' | 'off' = 'off';

  private constructor(
    readonly world: ActionWorld,
    private readonly github: TracingProxy,
    private readonly aws: TracingProxy,
    private readonly docker: DockerTimer,
  ) {}

  static async start(dockerLog: string): Promise<TracedWorld> {
    const world = await startActionWorld();
    try {
      const github = await startTracingProxy(world.github.url, 'github');
      const aws = await startTracingProxy(world.moto.endpoint, 'aws');
      return new TracedWorld(world, github, aws, dockerTimer(dockerLog));
    } catch (error) {
      await world.stop();
      throw error;
    }
  }

  newPr(labels: string[] = [], headSha = shaOf('a')): number {
    const number = (this.nextPr += 1);
    this.world.github.store.addPull(FULL, { number, headSha, author: 'writer', labels });
    return number;
  }

  async step(step: Bundle, event: string, payload: unknown, options: RunOptions = {}): Promise<Timed> {
    this.github.clear();
    this.aws.clear();
    this.docker.clear();
    const run: RunOptions = {
      ...options,
      env: {
        GITHUB_API_URL: this.github.url,
        ...this.docker.env(this.world.docker.env.PATH ?? '', FAKE_DOCKER),
        ...(this.pacing === 'production'
          ? { SHOWTIME_GITHUB_PACING: 'on', SHOWTIME_GITHUB_DELAY_UNIT_MS: '1000' }
          : {}),
        ...options.env,
      },
      inputs: { 'aws-endpoint': this.aws.url, ...options.inputs },
    };
    const spawned = clock();
    const result = await this.world.runStep(step, event, payload, run);
    const exited = clock();
    // A failed step is no measurement: the bench stops and says which step failed and why.
    if (result.code !== 0) throw failure(step, result);
    const events = [...this.github.events(), ...this.aws.events(), ...this.docker.events()].sort(
      (a, b) => a.start - b.start,
    );
    const first = events[0];
    return {
      result,
      breakdown: breakdown(spawned, exited, events),
      events,
      firstCall: first ? { ms: first.start - spawned, what: first.what } : undefined,
    };
  }

  /** The main action's two steps, as the composite runs them (the run step only when the plan wrote a plan). */
  async main(event: string, payload: unknown): Promise<MainTimed> {
    const runId = String((this.nextRun += 1));
    this.world.github.resetCounts();
    const plan = await this.step('plan', event, payload, { runId });
    const planFile = plan.result.outputs['plan-file'];
    const run = planFile ? await this.step('run', event, payload, { runId, planFile }) : undefined;
    return { plan, run, github: this.world.github.counts() };
  }

  labeled(pr: number, label: string, headSha = shaOf('a'), sender = 'maintainer') {
    this.world.github.store.addLabels(FULL, pr, [label]);
    return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha, sender, label, author: 'writer' });
  }

  comment(pr: number, body: string) {
    const posted = this.world.github.store.addComment(FULL, pr, { body, author: 'maintainer' });
    return commentEvent({ repo: REPO, pr, body, sender: 'maintainer', commentId: posted.id });
  }

  async stop(): Promise<void> {
    await this.github.stop();
    await this.aws.stop();
    await this.world.stop();
  }
}

function awsCounts(timed: Timed | undefined): Counts {
  const counts: Counts = {};
  for (const event of timed?.events ?? []) {
    if (event.kind === 'aws') counts[event.what] = (counts[event.what] ?? 0) + 1;
  }
  return counts;
}

/** The ECS adapter logs "created … with N AWS API calls" / "deleted …, with N AWS API calls". */
export function adapterTotal(stdout: string, verb: 'created' | 'deleted'): number | undefined {
  const match = new RegExp(`^${verb} .* with (\\d+) AWS API calls$`, 'm').exec(stdout);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function sumDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

export interface LifecycleFigures {
  github: CallFigure[];
  aws: AwsFigure[];
  orchestration: OrchestrationFigure[];
}

/**
 * A PR's life, `runs` times on fresh PRs: first start, rolling update, (first run only) the two comment commands,
 * stop. GitHub and AWS counts come from the first run; timings are medians over all runs.
 */
export async function lifecycle(
  traced: TracedWorld,
  runs: number,
  progress: (line: string) => void,
): Promise<LifecycleFigures> {
  traced.pacing = 'off';
  const noOpPr = traced.newPr();
  const noOp = await traced.main('pull_request_target', traced.labeled(noOpPr, 'bug'));
  const github: CallFigure[] = [
    { name: 'no-op event', note: 'a foreign label "bug" added', counts: noOp.github },
  ];
  const aws: AwsFigure[] = [];
  const timed = await lifecycleTimes(traced, runs, progress, (figures) => {
    github.push(...figures.github);
    aws.push(...figures.aws);
  });
  traced.pacing = 'production';
  const paced = await lifecycleTimes(traced, runs, progress);
  traced.pacing = 'off';
  return { github, aws, orchestration: [...timed, ...paced] };
}

/** One pass of `runs` lifecycles with the world's current pacing: the medians per event; `counted` gets run 1's counts. */
async function lifecycleTimes(
  traced: TracedWorld,
  runs: number,
  progress: (line: string) => void,
  counted?: (figures: { github: CallFigure[]; aws: AwsFigure[] }) => void,
): Promise<OrchestrationFigure[]> {
  const github: CallFigure[] = [];
  const aws: AwsFigure[] = [];
  const creates: MainTimed[] = [];
  const rolls: MainTimed[] = [];
  const extends_: MainTimed[] = [];
  const configures: MainTimed[] = [];
  const stops: MainTimed[] = [];
  for (let i = 0; i < runs; i += 1) {
    progress(`lifecycle ${i + 1}/${runs} (pacing ${traced.pacing})`);
    const shaA = shaOf(`a${i}`);
    const shaB = shaOf(`b${i}`);
    const pr = traced.newPr([], shaA);
    const create = await traced.main('pull_request_target', traced.labeled(pr, TRIGGER_START, shaA));
    traced.world.github.store.setHeadSha(FULL, pr, shaB);
    const push = pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: shaB, sender: 'writer' });
    const roll = await traced.main('pull_request_target', push);
    creates.push(create);
    rolls.push(roll);
    const extend = await traced.main('issue_comment', traced.comment(pr, '/showtime extend 72h'));
    const configure = await traced.main('issue_comment', traced.comment(pr, '/showtime enable ALERTS'));
    const stop = await traced.main('pull_request_target', traced.labeled(pr, TRIGGER_STOP, shaB));
    extends_.push(extend);
    configures.push(configure);
    stops.push(stop);
    if (i > 0) continue;
    github.push(
      { name: 'first start', note: 'start label added', counts: create.github },
      { name: 'rolling update', note: 'new commit pushed', counts: roll.github },
      { name: 'comment command', note: '/showtime extend 72h', counts: extend.github },
      { name: 'live configuration', note: '/showtime enable ALERTS', counts: configure.github },
      { name: 'stop', note: 'stop label added', counts: stop.github },
    );
    aws.push(
      {
        name: 'create (first start)',
        counts: awsCounts(create.run),
        adapterTotal: adapterTotal(create.run?.result.stdout ?? '', 'created'),
      },
      {
        name: 'rolling update (create + delete)',
        counts: awsCounts(roll.run),
        adapterTotal: sumDefined(
          adapterTotal(roll.run?.result.stdout ?? '', 'created'),
          adapterTotal(roll.run?.result.stdout ?? '', 'deleted'),
        ),
      },
      { name: 'live configuration change', counts: awsCounts(configure.run) },
      {
        name: 'delete (stop)',
        counts: awsCounts(stop.run),
        adapterTotal: adapterTotal(stop.run?.result.stdout ?? '', 'deleted'),
      },
    );
  }
  counted?.({ github, aws });
  const pacing = traced.pacing;
  const figure = (name: string, samples: MainTimed[]): OrchestrationFigure => ({
    name,
    pacing,
    runs: samples.length,
    plan: medianBreakdown(samples.map((s) => s.plan.breakdown)),
    run: medianBreakdown(samples.flatMap((s) => (s.run ? [s.run.breakdown] : []))),
  });
  return [
    figure('first start', creates),
    figure('rolling update', rolls),
    figure('comment command', extends_),
    figure('live configuration', configures),
    figure('stop', stops),
  ];
}

/** Size of a committed bundle; undefined while it is missing (e.g. in the middle of a rebuild). */
export function bundleBytes(bundle: Bundle): number | undefined {
  const file = path.join(ROOT, 'dist', bundle, 'index.js');
  return existsSync(file) ? statSync(file).size : undefined;
}

/** Spawn → first API request of each bundle: one warm-up, then `samples` measured runs. */
export async function coldStarts(
  traced: TracedWorld,
  samples: number,
  progress: (line: string) => void,
): Promise<ColdStartFigure[]> {
  const pr = traced.newPr();
  const statusEvent = () => traced.comment(pr, '/showtime status');
  const plan = await traced.step('plan', 'issue_comment', statusEvent());
  const planFile = plan.result.outputs['plan-file'];
  const runs: Record<Bundle, () => Promise<Timed>> = {
    plan: () => traced.step('plan', 'issue_comment', statusEvent()),
    run: () => traced.step('run', 'issue_comment', statusEvent(), { planFile }),
    cleanup: () => traced.step('cleanup', 'schedule', scheduleEvent()),
  };
  const figures: ColdStartFigure[] = [];
  for (const bundle of BUNDLES) {
    progress(`cold start of dist/${bundle}`);
    await runs[bundle]();
    const measured: Timed[] = [];
    for (let i = 0; i < samples; i += 1) measured.push(await runs[bundle]());
    const calls = measured.flatMap((timed) => (timed.firstCall ? [timed.firstCall] : []));
    figures.push({
      bundle: `dist/${bundle}/index.js`,
      bytes: bundleBytes(bundle),
      samplesMs: calls.length === measured.length ? calls.map((call) => call.ms) : [],
      firstCall: calls[0]?.what.replace('/repos/apache/superset', ''),
      note: calls.length < measured.length ? 'no API call' : undefined,
    });
  }
  return figures;
}

/** Labels of a running environment `ageHours` old with a 48h TTL, rendered by the label grammar itself. */
export function runningLabels(sha: string, now: Date, ageHours = 2): string[] {
  const sha7 = sha.slice(0, 7);
  return [
    TRACKED,
    statusLabel(sha7, 'running'),
    activeLabel(sha7),
    createdLabel(sha7, new Date(now.getTime() - ageHours * 3_600_000)),
    ttlLabel(sha7, { kind: 'duration', hours: 48 }),
    requesterLabel(sha7, 'maintainer'),
    addressLabel(sha7, { host: '52.1.2.3', port: 8080 }),
  ];
}

/**
 * The sweep over growing numbers of PRs, each with a running environment and its ECS service, in a world of its
 * own; then the same with a few environments past their TTL on top, for the cost of a teardown by the sweep.
 */
export async function sweeps(
  dockerLog: string,
  sizes: readonly number[],
  due: number,
  progress: (line: string) => void,
): Promise<SweepFigure[]> {
  const traced = await TracedWorld.start(dockerLog);
  const world = traced.world;
  let seeded = 0;
  const now = new Date();
  const seed = async (count: number, ageHours: number): Promise<void> => {
    for (let i = 0; i < count; i += 1, seeded += 1) {
      const number = 20_000 + seeded;
      const sha = shaOf(`sweep-${number}`);
      world.github.store.addPull(FULL, {
        number,
        headSha: sha,
        author: 'writer',
        labels: runningLabels(sha, now, ageHours),
      });
      await createManagedService(world, {
        pr: number,
        sha7: sha.slice(0, 7),
        createdAt: new Date(now.getTime() - ageHours * 3_600_000),
      });
    }
  };
  const measure = async (prs: number, label: string): Promise<SweepFigure> => {
    progress(`cleanup sweep over ${label}`);
    world.github.resetCounts();
    const timed = await traced.step('cleanup', 'schedule', scheduleEvent());
    return {
      prs,
      label,
      counts: world.github.counts(),
      aws: awsCounts(timed),
      wallMs: timed.breakdown.wallMs,
      outcome: `cleaned ${timed.result.outputs.cleaned ?? '?'}`,
    };
  };
  try {
    const figures: SweepFigure[] = [];
    for (const [index, size] of sizes.entries()) {
      progress(`seeding ${size - seeded} PRs and their ECS services`);
      await seed(size - seeded, 2);
      // The repository's first sweep also writes the label catalogue: that one is not the steady state.
      if (index === 0) await measure(size, 'warm-up');
      figures.push(await measure(size, `${size}`));
    }
    if (due > 0) {
      await seed(due, 72);
      figures.push(await measure(seeded, `${seeded - due} + ${due} past their TTL`));
    }
    return figures;
  } finally {
    await traced.stop();
  }
}
