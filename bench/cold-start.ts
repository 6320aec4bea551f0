// Cold start, spawn → first API request, of this tree's bundles paired with the previous ones (dist/ of a git ref,
// `main` by default), in one run. Each sample spawns a bundle as the runner would (node, the inputs as INPUT_*
// variables, an event file) against a loopback listener standing in for api.github.com; the sample ends when the
// listener has the first request's headers, and the child is killed there. The two bundles of a pair run back to
// back, alternating which goes first, so drift of the machine (other processes, CPU frequency) hits both alike.
import { PLAN_VERSION } from '../src/orchestrator/plan-record.js';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inputEnvName, inputsOf } from '../src/inputs.js';
import { commentEvent } from '../test-support/payloads.js';
import { scheduleEvent } from '../demo/scenario.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const STEPS = ['plan', 'run', 'cleanup'] as const;
export type Step = (typeof STEPS)[number];

export interface PairedColdStart {
  step: Step;
  /** Bytes of index.js plus the chunks it may load, this tree / the previous bundles. */
  bytes: { current: number; previous: number };
  /** Bytes a run of this step loads when it talks to no AWS (index.js alone). */
  entryBytes: { current: number; previous: number };
  currentMs: number[];
  previousMs: number[];
  /** current / previous, one per pair. */
  ratios: number[];
}

export interface ColdStartComparison {
  ref: string;
  pairs: number;
  steps: PairedColdStart[];
  /** `node -e 0` spawn → exit: the floor no bundle can beat. */
  bareNodeMs: number[];
}

/** The previous bundles: dist/ of `ref`, written to a scratch directory (nothing else of that tree is needed). */
export function checkoutBundles(ref: string, into: string): string {
  const files = execFileSync('git', ['ls-tree', '-r', '--name-only', ref, 'dist/'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file.endsWith('.js') || file.endsWith('package.json'));
  if (files.length === 0) throw new Error(`${ref} has no dist/ bundles`);
  for (const file of files) {
    const target = path.join(into, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(
      target,
      execFileSync('git', ['show', `${ref}:${file}`], { cwd: ROOT, maxBuffer: 64 << 20 }),
    );
  }
  return path.join(into, 'dist');
}

function bundleBytes(dist: string, step: Step): { all: number; entry: number } {
  const dir = path.join(dist, step);
  const names = execFileSync('ls', [dir], { encoding: 'utf8' })
    .split('\n')
    .filter((name) => name.endsWith('.js'));
  const size = (name: string) => statSync(path.join(dir, name)).size;
  return { all: names.reduce((sum, name) => sum + size(name), 0), entry: size('index.js') };
}

/** A loopback HTTP listener that resolves, for the next child, when its first request's headers arrive. */
async function startListener(): Promise<{ url: string; next(): Promise<number>; stop(): Promise<void> }> {
  let waiting: ((at: number) => void) | undefined;
  const server = createServer((request, response) => {
    const at = performance.now();
    waiting?.(at);
    waiting = undefined;
    // No answer worth reading: the child is killed now.
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    next: () => new Promise<number>((resolve) => (waiting = resolve)),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Environment and event of each step: a `/showtime status` comment for plan and run, a schedule for cleanup. */
export function stepEnv(step: Step, apiUrl: string, scratch: string): NodeJS.ProcessEnv {
  const action = step === 'cleanup' ? 'cleanup' : 'main';
  const event =
    step === 'cleanup'
      ? scheduleEvent()
      : commentEvent({
          repo: { owner: 'apache', repo: 'superset' },
          pr: 5,
          body: '/showtime status',
          sender: 'maintainer',
        });
  const eventPath = path.join(scratch, `${step}-event.json`);
  writeFileSync(eventPath, JSON.stringify(event));
  const planFile = path.join(scratch, 'plan.json');
  writeFileSync(
    planFile,
    JSON.stringify({
      // The current record version: bundles before it read any version, these refuse another one.
      version: PLAN_VERSION,
      pr: 5,
      actor: { login: 'maintainer', permission: 'admin' },
      decisions: [
        { action: 'status', buildNeeded: false, reason: 'status', message: 'status asked', consume: [] },
      ],
      commandErrors: [],
      buildNeeded: false,
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: step === 'cleanup' ? 'schedule' : 'issue_comment',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'apache/superset',
    GITHUB_API_URL: apiUrl,
    GITHUB_RUN_ID: '1',
    GITHUB_WORKSPACE: scratch,
    RUNNER_TEMP: scratch,
    SHOWTIME_PLAN_FILE: planFile,
    // The AWS side points at a closed loopback port: nothing may reach it before the first GitHub request anyway.
    AWS_REGION: 'us-west-2',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
  };
  const inputs: Record<string, string> = {
    'github-token': 'ghs_bench',
    'aws-region': 'us-west-2',
    'ecs-cluster': 'bench',
    subnets: 'subnet-1',
    'security-groups': 'sg-1',
    'aws-endpoint': 'http://127.0.0.1:9',
  };
  for (const input of inputsOf(action))
    env[inputEnvName(input.name)] = inputs[input.name] ?? input.default ?? '';
  env[inputEnvName('github-token')] = inputs['github-token'];
  return env;
}

async function sample(
  listener: Awaited<ReturnType<typeof startListener>>,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const arrived = listener.next();
  const started = performance.now();
  const child = spawn(process.execPath, [file], { env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${file} made no request within 10 s`)), 10_000);
  });
  try {
    return (await Promise.race([arrived, timeout])) - started;
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
    await exited;
  }
}

async function bareNode(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve) =>
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', () => resolve()),
  );
  return performance.now() - started;
}

/**
 * The bundles the cold start is paired against: main as it landed before 1.0.0 (there was no release tag before
 * it). From the next release on, the previous `vX.Y.Z` tag.
 */
export const PREVIOUS_RELEASE = '09b2a3a';

export async function compareColdStarts(
  options: { ref?: string; pairs?: number; progress?: (line: string) => void } = {},
): Promise<ColdStartComparison> {
  const ref = options.ref ?? PREVIOUS_RELEASE;
  const pairs = options.pairs ?? 12;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'showtime-coldstart-'));
  const listener = await startListener();
  try {
    const previous = checkoutBundles(ref, path.join(scratch, 'previous'));
    const current = path.join(ROOT, 'dist');
    const steps: PairedColdStart[] = [];
    for (const step of STEPS) {
      options.progress?.(`cold start of dist/${step}: ${pairs} pairs against ${ref}`);
      const env = stepEnv(step, listener.url, scratch);
      const files = {
        current: path.join(current, step, 'index.js'),
        previous: path.join(previous, step, 'index.js'),
      };
      // One warm-up each: the first spawn also pays for the file cache.
      await sample(listener, files.current, env);
      await sample(listener, files.previous, env);
      const currentMs: number[] = [];
      const previousMs: number[] = [];
      for (let i = 0; i < pairs; i += 1) {
        const order = i % 2 === 0 ? (['current', 'previous'] as const) : (['previous', 'current'] as const);
        for (const which of order) {
          const ms = await sample(listener, files[which], env);
          (which === 'current' ? currentMs : previousMs).push(ms);
        }
      }
      const now = bundleBytes(current, step);
      const before = bundleBytes(previous, step);
      steps.push({
        step,
        bytes: { current: now.all, previous: before.all },
        entryBytes: { current: now.entry, previous: before.entry },
        currentMs,
        previousMs,
        ratios: currentMs.map((ms, i) => ms / (previousMs[i] ?? Number.NaN)),
      });
    }
    const bareNodeMs: number[] = [];
    for (let i = 0; i < pairs; i += 1) bareNodeMs.push(await bareNode());
    return { ref, pairs, steps, bareNodeMs };
  } finally {
    await listener.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
