// Shared pieces of the reliability tests: fresh PRs and SHAs, real event payloads, "time passes", the sweep, a
// bounded pool of concurrent runs, and FIGURES.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createdLabel, parseLabel } from '../../src/core/labels.js';
import { formatLockDescription } from '../../src/core/locks.js';
import type { ActionWorld, StepResult, WorldOptions } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import type { FaultyAws } from '../../test-support/faulty-aws.js';
import { startFaultyAws } from '../../test-support/faulty-aws.js';
import { commentEvent, dispatchEvent, pullRequestEvent } from '../../test-support/payloads.js';

export const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Collaborators of every reliability world: one per permission level, and `outsider` who is none. */
export const PEOPLE = {
  admin: 'admin',
  maintain: 'maintainer',
  write: 'writer',
  triage: 'triager',
  read: 'reader',
} as const;

export const COLLABORATORS = {
  [PEOPLE.admin]: 'admin',
  [PEOPLE.maintain]: 'maintain',
  [PEOPLE.write]: 'write',
  [PEOPLE.triage]: 'triage',
  [PEOPLE.read]: 'read',
} as const;

let shaCounter = 0;

/** A fresh 40-hex SHA whose sha7 is unique within the test process (first 7 digits carry the counter). */
export function freshSha(prefix = 0xa): string {
  shaCounter += 1;
  const head = (prefix * 0x1000000 + shaCounter).toString(16).padStart(7, '0').slice(-7);
  return `${head}${'0123456789abcdef'.repeat(3).slice(0, 33)}`;
}

let prCounter = 0;

/** A fresh open PR in the world's repository, authored by `author`, at `head`. */
export function freshPr(
  world: ActionWorld,
  options: { base?: number; head?: string; labels?: string[]; author?: string; fork?: boolean } = {},
): { pr: number; head: string } {
  prCounter += 1;
  const pr = (options.base ?? 1000) + prCounter;
  const head = options.head ?? freshSha();
  world.github.store.addPull(FULL, {
    number: pr,
    headSha: head,
    author: options.author ?? PEOPLE.write,
    labels: options.labels ?? [],
    fork: options.fork ?? false,
  });
  return { pr, head };
}

/** A labeled event, with the label really added to the PR first (as GitHub does before delivering it). */
export function labeled(world: ActionWorld, pr: number, label: string, sender: string, headSha: string) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha, sender, label });
}

/** A `/showtime …` comment: stored on the PR, then its issue_comment event. */
export function commented(world: ActionWorld, pr: number, body: string, sender: string) {
  const comment = world.github.store.addComment(FULL, pr, { body, author: sender });
  return commentEvent({ repo: REPO, pr, body, sender, commentId: comment.id });
}

export function dispatched(pr: number, sender: string, sha?: string) {
  return dispatchEvent({
    repo: REPO,
    sender,
    inputs: { 'pr-number': String(pr), ...(sha ? { sha } : {}) },
  });
}

/** A push: the head moves, then the synchronize event. */
export function pushed(world: ActionWorld, pr: number, sha: string, sender: string, fork = false) {
  world.github.store.setHeadSha(FULL, pr, sha);
  return pullRequestEvent({
    action: 'synchronize',
    repo: REPO,
    pr,
    headSha: sha,
    sender,
    fork,
    author: sender,
  });
}

const EXPIRED = new Date(Date.UTC(2020, 0, 1));

/**
 * "Time passes": every lock label of `pr` (every lock when undefined) gets a lease that ended long ago, and the PR's
 * 📅 labels move `hours` into the past, so the sweep's lease rule (in progress for longer than the lease) applies.
 */
export function letTimePass(world: ActionWorld, pr?: number, hours = 3): void {
  const store = world.github.store;
  for (const label of store.repoLabels(FULL)) {
    const parsed = parseLabel(label.name);
    if (parsed.kind !== 'lock' || (pr !== undefined && parsed.pr !== pr)) continue;
    store.updateLabel(FULL, label.name, {
      description: formatLockDescription({ holder: 'run 0/1', expiresAt: EXPIRED }),
    });
  }
  if (pr === undefined) return;
  for (const name of world.labels(pr)) {
    const parsed = parseLabel(name);
    if (parsed.kind !== 'created' || parsed.sha === undefined) continue;
    store.removeLabel(FULL, pr, name);
    store.addLabels(FULL, pr, [
      createdLabel(parsed.sha, new Date(parsed.createdAt.getTime() - hours * 3_600_000)),
    ]);
  }
}

/** Inputs of a sweep that may clean anything it finds at once (no grace period for orphans). */
export const SWEEP_INPUTS = { 'orphan-grace-minutes': '0' };

/** A sweep as the schedule starts it, or as a maintainer does by hand (`workflow_dispatch`: the full collection). */
export async function runSweep(
  world: ActionWorld,
  inputs: Record<string, string> = {},
  event: 'schedule' | 'workflow_dispatch' = 'schedule',
): Promise<StepResult> {
  return world.runStep(
    'cleanup',
    event,
    event === 'schedule' ? { schedule: '*/30 * * * *' } : { inputs: {} },
    { inputs: { ...SWEEP_INPUTS, ...inputs } },
  );
}

const DIST = path.resolve(HERE, '../../dist');
const STEPS = ['plan', 'run', 'cleanup'];

function buildRunning(): boolean {
  return spawnSync('pgrep', ['-f', 'scripts/build.mjs']).status === 0;
}

/**
 * A private copy of the three bundles, taken when no build is running: `npm run build` starts by deleting dist/, and
 * a long run must not lose its bundles half-way because someone rebuilt.
 */
export async function snapshotDist(waitMs = 10 * 60_000): Promise<string> {
  const deadline = Date.now() + waitMs;
  while (buildRunning() || !STEPS.every((step) => existsSync(path.join(DIST, step, 'index.js')))) {
    if (Date.now() > deadline) throw new Error(`no complete dist/ (plan, run, cleanup) within ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'showtime-dist-'));
  for (const step of STEPS) cpSync(path.join(DIST, step), path.join(copy, step), { recursive: true });
  return copy;
}

export interface ReliabilityWorld {
  world: ActionWorld;
  /** The fault proxy every run of the action reaches AWS through (nothing armed until a test arms it). */
  aws: FaultyAws;
  /** The container port runs deploy with: the port of every honest 🌐 label. */
  port: number;
  dist: string;
  stop(): Promise<void>;
}

/** The action world on a private copy of the bundles, with the AWS fault proxy in front of moto. */
export async function startReliabilityWorld(
  options: WorldOptions = {},
  waitForBuildMs?: number,
): Promise<ReliabilityWorld> {
  const dist = await snapshotDist(waitForBuildMs);
  const world = await startActionWorld({
    collaborators: { ...COLLABORATORS },
    schedulerIntervalMs: 250,
    ...options,
    distDir: dist,
  });
  const aws = await startFaultyAws(world.moto.endpoint);
  world.baseInputs['aws-endpoint'] = aws.endpoint;
  return {
    world,
    aws,
    port: Number(world.baseInputs['container-port']),
    dist,
    async stop() {
      await aws.stop();
      await world.stop();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** True when the cleanup bundle in `dist` sweeps (it was a stub until the cleanup action landed). */
export function cleanupBundleReady(dist = DIST): boolean {
  const bundle = path.join(dist, 'cleanup', 'index.js');
  return existsSync(bundle) && readFileSync(bundle, 'utf8').includes('pull requests with showtime labels');
}

/** Runs `tasks` with at most `limit` in flight, keeping the results in order. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Fails with the step's own log, so a broken run explains itself. */
export function ok(step: StepResult | undefined, what = 'step'): StepResult {
  if (step === undefined) throw new Error(`the ${what} did not run`);
  if (step.code !== 0) throw new Error(`${what} exited ${step.code}:\n${step.stdout}\n${step.stderr}`);
  return step;
}

// ---------------------------------------------------------------------------------------------------------------
// FIGURES.md: each long test file owns one section and rewrites it when it finishes.

const FIGURES = path.join(HERE, 'FIGURES.md');
const HEADER = `# Reliability figures

Written by the long reliability runs (\`npm run test:reliability\`); each section is rewritten by the file named in
its heading when that file finishes. "Leaks" are ACTIVE ECS services no label claims, "lies" labels that say what ECS
or the locks contradict (see \`truth.ts\`).
`;

export function writeFigures(section: string, lines: string[]): void {
  const current = existsSync(FIGURES) ? readFileSync(FIGURES, 'utf8') : HEADER;
  const start = `<!-- ${section} -->`;
  const end = `<!-- /${section} -->`;
  // Shaped as prettier shapes Markdown (blank lines around the markers, no trailing spaces): `npm run lint` checks it.
  const block = `${start}\n\n${lines.map((line) => line.trimEnd()).join('\n')}\n\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FIGURES, next);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------------------------
// A recording pass-through in front of the GitHub emulator: the scale test points one run's GITHUB_API_URL at it to
// see every query string and answer status (the emulator itself counts routes only).

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  status: number;
  at: number;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (answer) => {
          requests.push({
            method: req.method ?? 'GET',
            url: req.url ?? '/',
            status: answer.statusCode ?? 0,
            at: Date.now(),
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', (error) => res.writeHead(502).end(String(error)));
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
