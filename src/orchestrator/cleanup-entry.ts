// The cleanup entrypoint's body: read settings, build the adapters, sweep, report. Any event may start it (a
// schedule and workflow_dispatch are what the README shows); the sweep looks at the whole repository regardless.
import * as core from '../runner/core.js';
import type { EnvironmentBackend } from '../aws/ecs.js';
import type { ImageStore } from '../aws/ecr.js';
import type { PasswordStore } from '../aws/ssm.js';
import { lazyEcsBackend } from '../aws/lazy.js';
import { sweepTotals } from '../core/dashboard.js';
import type { InputName } from '../inputs.js';
import type { Settings } from '../settings.js';
import { readSettings } from '../settings.js';
import { actionsLog } from './actions-log.js';
import type { Deps, Log } from './context.js';
import { messageOf } from './context.js';
import type { SweepResult } from './sweep.js';
import { sweep } from './sweep.js';
import { createDeps } from './wiring.js';

/**
 * ECS for the sweep, which lists, reads task addresses and deletes. The deploy settings (network, template, ports)
 * are not inputs of the cleanup action: they read as their defaults, and no such call reads them. assign-public-ip
 * is one: it says which IP of a replaced task to read.
 */
function sweepEcs(
  settings: Settings,
  workspace: string,
  log: Log,
  passwords?: PasswordStore,
): EnvironmentBackend {
  return lazyEcsBackend(
    () => settings.aws.ecs(workspace),
    // A teardown by the sweep deletes the environment's admin password too.
    { log: (message) => log.info(message), passwords },
  );
}

/**
 * ECS that reads for real and deletes nothing. The main action's AWS dry run reads nothing either, but a sweep
 * that cannot see the services would report every running environment as lost: its dry run must read them.
 */
function readOnlyEcs(real: EnvironmentBackend, log: Log): EnvironmentBackend {
  const refuse = (what: string) => () => Promise.reject(new Error(`a cleanup dry run does not ${what}`));
  return {
    createEnvironment: refuse('create environments'),
    updateConfiguration: refuse('reconfigure environments'),
    async deleteEnvironment(pr, sha) {
      log.info(`dry run (aws): would delete the service of PR #${pr} at ${sha.slice(0, 7)}`);
      return { deleted: [], alreadyGone: [], failed: [] };
    },
    listManagedServices: () => real.listManagedServices(),
    currentAddresses: (services) => real.currentAddresses(services),
    async sleepEnvironment(pr, sha) {
      log.info(`dry run (aws): would scale the service of PR #${pr} at ${sha.slice(0, 7)} to zero`);
    },
    wakeEnvironment: refuse('wake environments'),
  };
}

/** The image registry, read for real; a deletion is only logged, and reported as it would happen. */
function readOnlyImages(real: ImageStore, log: Log): ImageStore {
  return {
    repository: real.repository,
    findTag: (tag) => real.findTag(tag),
    listTagged: () => real.listTagged(),
    async deleteTag(tag) {
      log.info(`dry run (aws): would delete the image tag ${real.repository}:${tag}`);
      return 'deleted';
    },
  };
}

/** The admin passwords, listed for real (names only); nothing is written or deleted. */
function readOnlyPasswords(real: PasswordStore, log: Log): PasswordStore {
  return {
    name: (pr, sha7) => real.name(pr, sha7),
    create: () => Promise.reject(new Error('a cleanup dry run does not write passwords')),
    list: () => real.list(),
    async delete(pr, sha7) {
      log.info(`dry run (aws): would delete the admin password ${real.name(pr, sha7)}`);
      return 'deleted';
    },
  };
}

export function createSweepDeps(settings: Settings, env: NodeJS.ProcessEnv, log: Log): Deps {
  // The GitHub side (and its dry-run twin) is built as for the main action; ECS is the sweep's own. The registry and
  // the passwords are built for real too, so that a dry run reads what is there: they are wrapped read-only here.
  // Every sweep lists the ECS services: the SDK loads while the first GitHub request is in flight.
  const deps = createDeps({ ...settings, dryRun: { ...settings.dryRun, aws: false } }, env, log, {
    preloadAws: true,
  });
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  if (!settings.dryRun.aws) {
    return { ...deps, settings, ecs: sweepEcs(settings, workspace, log, deps.passwords) };
  }
  return {
    ...deps,
    settings,
    ecs: readOnlyEcs(sweepEcs(settings, workspace, log), log),
    images: deps.images && readOnlyImages(deps.images, log),
    passwords: deps.passwords && readOnlyPasswords(deps.passwords, log),
  };
}

export function failureText(result: SweepResult): string {
  return [
    `showtime cleanup: ${result.failures.length} thing(s) could not be cleaned:`,
    ...result.failures.map(
      (failure) =>
        `- ${failure.pr === undefined ? '' : `#${failure.pr} `}${failure.subject}: ${failure.error}`,
    ),
  ].join('\n');
}

export async function cleanupEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings('cleanup', (name: InputName) => core.getInput(name));
    const deps = createSweepDeps(settings, env, actionsLog);
    core.info(`showtime cleanup: sweeping on ${env.GITHUB_EVENT_NAME ?? 'a manual run'}`);
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const repo = deps.github.repo;
    const result = await sweep(deps, {
      repoUrl: `${server}/${repo.owner}/${repo.repo}`,
      // A sweep started by hand also collects leftover labels when nothing is due (see SweepOptions.full).
      full: env.GITHUB_EVENT_NAME === 'workflow_dispatch',
    });
    core.setOutput('environments', JSON.stringify(result.rows));
    core.setOutput('cleaned', String(result.cleaned));
    // The count alone says nothing of what went: the log says it by kind, as the dashboard's totals do.
    core.info(`showtime cleanup: ${sweepTotals(result.actions, result.failures)}`);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.dashboard).write();
    if (result.failures.length > 0) core.setFailed(failureText(result));
  } catch (error) {
    core.setFailed(`showtime cleanup: ${messageOf(error)}`);
  }
}
