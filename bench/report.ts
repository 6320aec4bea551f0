// The benchmark figures as markdown tables (printed, and written to bench/results.md for the README). Pure.
import type { ColdStartComparison } from './cold-start.js';
import type { Breakdown } from './phases.js';

export type Counts = Record<string, number>;

export interface CallFigure {
  name: string;
  counts: Counts;
  note?: string;
}

export interface SweepFigure {
  prs: number;
  /** How the row reads, e.g. `500` or `500 + 10 past their TTL`. */
  label: string;
  counts: Counts;
  /** AWS requests of the sweep, by operation. */
  aws: Counts;
  wallMs: number;
  outcome: string;
}

export interface AwsFigure {
  name: string;
  /** Requests seen on the wire, by operation. */
  counts: Counts;
  /** What the ECS adapter itself logged ("… with N AWS API calls"), when it did. */
  adapterTotal?: number;
}

export interface ColdStartFigure {
  bundle: string;
  /** Undefined when the bundle is missing. */
  bytes?: number;
  /** Spawn to first API request, one per measured run; empty when the bundle made no API call. */
  samplesMs: number[];
  firstCall?: string;
  note?: string;
}

/** Medians of a step's breakdowns, and the median of each run's orchestration (wall − docker − AWS). */
export interface StepFigure extends Breakdown {
  orchestrationMs: number;
}

export interface OrchestrationFigure {
  name: string;
  /** GitHub writes paced as in production (token bucket, real seconds) or not at all (the tests' setting). */
  pacing?: 'production' | 'off';
  runs: number;
  plan: StepFigure;
  run: StepFigure;
}

export interface BenchResults {
  date: string;
  machine: string;
  github: CallFigure[];
  sweeps: SweepFigure[];
  sweepNote: string;
  aws: AwsFigure[];
  coldStarts: ColdStartFigure[];
  /** Spawn → first request of these bundles paired with the previous release's, when measured. */
  pairedColdStarts?: ColdStartComparison;
  orchestration: OrchestrationFigure[];
}

export function total(counts: Counts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The median of each field separately (so the parts need not add up to the median wall time exactly). */
export function medianBreakdown(samples: readonly Breakdown[]): StepFigure {
  const of = (key: keyof Breakdown) => median(samples.map((sample) => sample[key]));
  return {
    orchestrationMs: median(samples.map((s) => s.wallMs - s.dockerMs - s.awsMs)),
    wallMs: of('wallMs'),
    startupMs: of('startupMs'),
    githubMs: of('githubMs'),
    awsMs: of('awsMs'),
    dockerMs: of('dockerMs'),
    ownMs: of('ownMs'),
  };
}

/** A route without the repository prefix every route shares. */
export function shortRoute(key: string): string {
  return key.replace('/repos/{owner}/{repo}', '');
}

/** The `n` most frequent keys, most frequent first (ties by name), as `key ×count`. */
export function topEntries(counts: Counts, n: number, name: (key: string) => string = (k) => k): string {
  const entries = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const shown = entries.slice(0, n).map(([key, count]) => `${name(key)} ×${count}`);
  if (entries.length > n) shown.push(`… ${entries.length - n} more`);
  return shown.join(', ');
}

export function reads(counts: Counts): number {
  return total(Object.fromEntries(Object.entries(counts).filter(([key]) => key.startsWith('GET '))));
}

const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`);

function bytes(value: number): string {
  return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(2)} MB` : `${Math.round(value / 1000)} kB`;
}

function table(header: string[], rows: string[][]): string[] {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
}

/** The paired cold-start comparison (see bench/cold-start.ts). */
export function renderPairedColdStarts(result: ColdStartComparison): string {
  const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  return [
    `Spawn → first API request (its headers at a loopback listener standing in for GitHub), these bundles paired ` +
      `with the previous release’s (\`${result.ref}\`’s dist/), ${result.pairs} pairs per step after one warm-up ` +
      `each, alternating which of a pair goes first. Bare \`node -e 0\`, spawn → exit: ` +
      `${ms(median(result.bareNodeMs))}.`,
    '',
    ...table(
      [
        'step',
        'loaded at start (all chunks)',
        'previous bundle',
        'spawn → first request (median)',
        'previous (median)',
        '**ratio now / previous** (median of pairs, range)',
      ],
      result.steps.map((s) => [
        s.step,
        `${bytes(s.entryBytes.current)} (${bytes(s.bytes.current)})`,
        bytes(s.bytes.previous),
        ms(median(s.currentMs)),
        ms(median(s.previousMs)),
        `**${median(s.ratios).toFixed(2)}** (${range(s.ratios)})`,
      ]),
    ),
  ].join('\n');
}

export function renderMarkdown(results: BenchResults): string {
  const lines: string[] = [
    '# superset-showtime benchmarks',
    '',
    `Measured ${results.date} on ${results.machine} by \`npm run bench\`: the committed bundles (dist/plan, dist/run,`,
    'dist/cleanup) run as a runner starts them, against the GitHub emulator, moto_server with the ECS scheduler',
    'stand-in, and the recording docker. Timings on loopback are a lower bound of what a runner sees.',
    '',
    '## GitHub API calls per event (plan + run steps, counted by the emulator)',
    '',
    ...table(
      ['scenario', 'calls', 'reads', 'writes', 'most frequent routes'],
      results.github.map((figure) => [
        figure.note ? `${figure.name} (${figure.note})` : figure.name,
        String(total(figure.counts)),
        String(reads(figure.counts)),
        String(total(figure.counts) - reads(figure.counts)),
        topEntries(figure.counts, 3, shortRoute) || '—',
      ]),
    ),
    '',
    '## Scheduled cleanup sweep',
    '',
    results.sweepNote,
    '',
    ...table(
      [
        'PRs with environments',
        'GitHub calls',
        'per PR',
        'GitHub routes',
        'AWS calls',
        'wall time',
        'outcome',
      ],
      results.sweeps.map((sweep) => [
        sweep.label,
        String(total(sweep.counts)),
        (total(sweep.counts) / sweep.prs).toFixed(2),
        topEntries(sweep.counts, 3, shortRoute) || '—',
        `${total(sweep.aws)}${total(sweep.aws) > 0 ? ` (${topEntries(sweep.aws, 3)})` : ''}`,
        ms(sweep.wallMs),
        sweep.outcome,
      ]),
    ),
    '',
    '## AWS API calls per operation (requests seen on the wire to moto)',
    '',
    'Waits poll DescribeServices every `poll-interval-seconds`; moto reports a service stable at once, so on real ECS',
    'a create makes a few more DescribeServices calls (one per 10 s poll by default) than counted here.',
    '',
    ...table(
      ['operation', 'AWS calls', 'adapter’s own count', 'by command'],
      results.aws.map((figure) => [
        figure.name,
        String(total(figure.counts)),
        figure.adapterTotal === undefined ? '—' : String(figure.adapterTotal),
        topEntries(figure.counts, 12) || '—',
      ]),
    ),
    '',
    '## Cold start and bundle size',
    '',
    ...(results.pairedColdStarts ? [renderPairedColdStarts(results.pairedColdStarts), ''] : []),
    'In the action world: process spawn to the first API request as the tracing proxy in front of the emulator sees',
    'it; one warm-up run, then the median of the samples.',
    '',
    ...table(
      ['bundle', 'size', 'spawn → first API call (median)', 'min – max', 'first call'],
      results.coldStarts.map((figure) => [
        figure.bundle,
        figure.bytes === undefined ? 'missing' : bytes(figure.bytes),
        figure.samplesMs.length > 0 ? ms(median(figure.samplesMs)) : (figure.note ?? 'n/a'),
        figure.samplesMs.length > 0
          ? `${ms(Math.min(...figure.samplesMs))} – ${ms(Math.max(...figure.samplesMs))}`
          : '—',
        figure.firstCall ?? '—',
      ]),
    ),
    '',
    '## Orchestration time (build and AWS waits excluded)',
    '',
    'Method: every request of a step goes through a timestamping proxy (GitHub, AWS) and every docker call through a',
    'timing wrapper. From the step’s wall time (spawn to exit) we subtract the docker calls and the AWS phases (each',
    'uninterrupted run of AWS requests, first request start to last request end, so the polling waits are inside it).',
    'What remains is orchestration: node start and bundle load, GitHub round trips (loopback emulator), and the',
    'action’s own work (deciding, rendering, the HTTP health check). Medians per column over the runs.',
    '',
    ...table(
      [
        'scenario',
        'GitHub pacing',
        'step',
        'wall',
        'docker',
        'AWS calls + waits',
        '**orchestration**',
        'of which: node start',
        'GitHub requests',
        'own work',
      ],
      results.orchestration.flatMap((figure) =>
        (['plan', 'run'] as const).map((step) => {
          const b = figure[step];
          return [
            `${figure.name} (${figure.runs} runs)`,
            figure.pacing ?? 'off',
            step,
            ms(b.wallMs),
            ms(b.dockerMs),
            ms(b.awsMs),
            `**${ms(b.orchestrationMs)}**`,
            ms(b.startupMs),
            ms(b.githubMs),
            ms(b.ownMs),
          ];
        }),
      ),
    ),
    '',
  ];
  return lines.join('\n');
}
