// `npm run demo`: a pull request's whole life with showtime, on this machine. The real bundles (dist/plan,
// dist/run, dist/cleanup) run as a runner starts them, against the GitHub emulator and a moto_server started here;
// the recording docker stands in for the docker engine. Each step prints what GitHub and ECS look like and checks it.
import { realpathSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ActionWorld } from '../test-support/action-world.js';
import { FULL, startActionWorld } from '../test-support/action-world.js';
import { ensureTools } from '../test-support/ensure-tools.js';
import { problemsOf } from './checks.js';
import type { Exhibit } from './exhibits.js';
import { extraScenes, writeExhibits } from './exhibits.js';
import { heading, renderSnapshot, seconds } from './render.js';
import type { DemoStep } from './scenario.js';
import { PR, snapshot, STEPS } from './scenario.js';

export interface DemoOptions {
  /** Where the timeline goes; stdout by default. */
  out?: (line: string) => void;
  steps?: DemoStep[];
}

export interface DemoResult {
  ok: boolean;
  /** Titles of the steps that reached their expected state, in order. */
  passed: string[];
  /** The step that did not (or `setup`), with what it missed. */
  failed?: { step: string; problems: string[] };
  ms: number;
}

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

function describeWorld(world: ActionWorld): string[] {
  return [
    `GitHub   the emulator at ${world.github.url} (repository ${FULL}, PR #${PR})`,
    `AWS      moto_server at ${world.moto.endpoint}, with a stand-in for the ECS service scheduler`,
    `docker   the recording stand-in (test-support/fake-docker): no docker engine is needed, nothing is built`,
    `action   the committed bundles dist/plan, dist/run and dist/cleanup, started as a runner starts them`,
  ];
}

export async function main(options: DemoOptions = {}): Promise<DemoResult> {
  const out = options.out ?? ((line: string) => console.log(line));
  const steps = options.steps ?? STEPS;
  const started = performance.now();
  const passed: string[] = [];
  const exhibits: Exhibit[] = [];
  const finish = (failed?: DemoResult['failed']): DemoResult => {
    const ms = performance.now() - started;
    out('');
    if (failed) {
      out(`✘ ${failed.step} did not reach its expected state:`);
      for (const problem of failed.problems) out(`  - ${problem}`);
    } else {
      out(`✔ all ${passed.length} steps reached their expected state in ${seconds(ms)}`);
    }
    return { ok: failed === undefined, passed, failed, ms };
  };

  // The AWS SDK warns once per process, on Node < 22, that its 2027 releases need Node 22: true, but
  // noise in a demo that runs its own SDK clients (the child bundles inherit the setting). The switch
  // is the SDK's own (@aws-sdk/core emitWarningIfUnsupportedVersion); a value someone set is kept.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  out('🎪 superset-showtime demo: one pull request, start to finish');
  let world: ActionWorld;
  try {
    world = await startActionWorld();
  } catch (error) {
    return finish({
      step: 'setup',
      problems: [
        `could not start the local GitHub emulator and moto_server: ${error instanceof Error ? error.message : String(error)}`,
        'moto_server comes from scripts/setup.sh (pipx install "moto[server]==5.2.1"); MOTO_SERVER_COMMAND names another command',
      ],
    });
  }
  try {
    for (const line of describeWorld(world)) out(`   ${line}`);
    for (const step of steps) {
      out('');
      out(heading(step.title));
      const stepStarted = performance.now();
      world.github.resetCounts();
      let problems: string[];
      try {
        const acted = await step.act(world);
        const calls = total(world.github.counts());
        for (const note of acted.notes) out(`   ${note}`);
        out(`   ${calls} GitHub API calls · ${seconds(performance.now() - stepStarted)}`);
        const view = await snapshot(world, calls);
        for (const line of renderSnapshot(view)) out(`   ${line}`);
        problems = [...acted.problems, ...problemsOf(view, step.checks)];
        const number = String(passed.length + 1).padStart(2, '0');
        if (view.comment)
          exhibits.push({ name: `${number}-status-comment`, title: step.title, markdown: view.comment });
        exhibits.push(...(acted.exhibits ?? []));
      } catch (error) {
        problems = [`the step threw: ${error instanceof Error ? error.message : String(error)}`];
      }
      if (problems.length > 0) return finish({ step: `step "${step.title}"`, problems });
      passed.push(step.title);
    }
    const builds = world.docker.calls().filter((argv) => argv[1] === 'build').length;
    out('');
    out(`   the recording docker saw ${world.docker.calls().length} calls, ${builds} of them builds`);
    try {
      exhibits.push(...(await extraScenes(world, PR + 1)));
      const dir = await writeExhibits(exhibits);
      out('');
      out(heading('What the PR showed'));
      out(`   ${exhibits.length} comments and summaries, as markdown and as one page: ${dir}/index.html`);
      for (const exhibit of exhibits) out(`   ${`${exhibit.name}.md`.padEnd(28)}${exhibit.title}`);
    } catch (error) {
      return finish({
        step: 'what the PR showed',
        problems: [`the extra scenes threw: ${error instanceof Error ? error.message : String(error)}`],
      });
    }
    return finish();
  } finally {
    await world.stop();
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
  ensureTools((line) => console.log(line));
  const result = await main();
  process.exitCode = result.ok ? 0 : 1;
  // A world that failed half-way through starting has no handle to stop it by; its in-process emulator would keep
  // the demo alive, and exiting ends it (moto_server is killed by its own exit hook).
  if (result.failed?.step === 'setup') process.exit();
}
