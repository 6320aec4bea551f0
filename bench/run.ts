// `npm run bench`: API calls, cold start, bundle size and orchestration time of the committed bundles, measured
// against the GitHub emulator and moto on this machine. Prints the figures and writes them to bench/results.md.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { compareColdStarts } from './cold-start.js';
import { coldStarts, lifecycle, sweeps, TracedWorld } from './measure.js';
import type { BenchResults } from './report.js';
import { renderMarkdown } from './report.js';

export interface BenchOptions {
  out?: (line: string) => void;
  /** Lifecycles timed for the orchestration medians. */
  runs?: number;
  /** Measured runs per bundle for the cold start median. */
  samples?: number;
  sweepSizes?: number[];
  /** Environments past their TTL added after the last sweep size, for one more sweep. */
  due?: number;
  /** Where the markdown goes; undefined: not written. */
  resultsFile?: string;
  /** Pairs per step of the cold-start comparison with the previous bundles; 0 skips it. */
  pairs?: number;
  /** The git ref whose dist/ holds the previous bundles. */
  previousRef?: string;
}

export const SWEEP_NOTE =
  'Each PR carries the labels of one running environment, 2 hours old with a 48h TTL (rendered with the label ' +
  'grammar of src/core/labels.ts), and ECS holds its service (created directly in moto with showtime’s tags, ' +
  'desiredCount 0): nothing is due, the steady-state cost of a sweep. The PRs accumulate from row to row (a ' +
  'first, unmeasured sweep wrote the repository’s label catalogue). The last row adds PRs whose environment is ' +
  '72 hours old: each is torn down by the sweep. Wall times of the large sweeps are pessimistic: moto also ' +
  'serves the scheduler stand-in, which describes every service every 50 ms.';

export async function runBench(options: BenchOptions = {}): Promise<BenchResults> {
  const out = options.out ?? ((line: string) => console.log(line));
  const started = performance.now();
  const progress = (line: string) => out(`· ${((performance.now() - started) / 1000).toFixed(1)} s  ${line}`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'showtime-bench-'));
  try {
    progress('starting the GitHub emulator and moto_server');
    const traced = await TracedWorld.start(path.join(scratch, 'docker-main.log'));
    let main: Awaited<ReturnType<typeof lifecycle>>;
    let starts: Awaited<ReturnType<typeof coldStarts>>;
    try {
      main = await lifecycle(traced, options.runs ?? 3, progress);
      starts = await coldStarts(traced, options.samples ?? 5, progress);
    } finally {
      await traced.stop();
    }
    const sweepFigures = await sweeps(
      path.join(scratch, 'docker-sweep.log'),
      options.sweepSizes ?? [10, 100, 500, 1000],
      options.due ?? 10,
      progress,
    );
    // Last, on a machine with nothing else of the bench running: spawn timings are what moves most with load.
    const pairs = options.pairs ?? 12;
    const pairedColdStarts =
      pairs > 0 ? await compareColdStarts({ ref: options.previousRef, pairs, progress }) : undefined;
    const cpus = os.cpus();
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}, ${os.platform()}`,
      github: main.github,
      sweeps: sweepFigures,
      sweepNote: SWEEP_NOTE,
      aws: main.aws,
      coldStarts: starts,
      pairedColdStarts,
      orchestration: main.orchestration,
    };
    const markdown = renderMarkdown(results);
    out('');
    for (const line of markdown.split('\n')) out(line);
    if (options.resultsFile) {
      // Formatted as `npm run lint` expects, so a fresh bench/results.md never fails the prettier check.
      const config = (await prettier.resolveConfig(options.resultsFile)) ?? {};
      writeFileSync(options.resultsFile, await prettier.format(markdown, { ...config, parser: 'markdown' }));
      out(`written to ${path.relative(process.cwd(), options.resultsFile)}`);
    }
    progress('done');
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function isEntrypoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntrypoint()) {
  try {
    await runBench({ resultsFile: path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.md') });
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
