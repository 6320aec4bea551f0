// What every orchestration step is handed: settings, the three adapters, a clock and a logger. Entrypoints build
// it; tests build it with the real adapters pointed at the emulator, moto and the recording docker.
import type { Builder, Ecs, GitHub, Images, Passwords, Router } from '../ports.js';
import type { Settings } from '../settings.js';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** A collapsible group of the run's log (`::group::`); logs without one print the lines flat. */
  group?<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

let openGroups = 0;

/**
 * One phase of a run as a log group, so that a maintainer finds the phase that failed at a glance. GitHub's log groups
 * do not nest: a phase inside another (a sweep's teardown retiring an environment) stays in the outer group.
 */
export async function phase<T>(log: Log, name: string, fn: () => Promise<T>): Promise<T> {
  if (log.group === undefined || openGroups > 0) return fn();
  openGroups += 1;
  try {
    return await log.group(name, fn);
  } finally {
    openGroups -= 1;
  }
}

export interface RunInfo {
  /** Identifies this run in lock labels: `run <id>/<attempt>`. */
  holder: string;
  /** Link to the run's logs, for the PR. */
  url?: string;
  /** The GitHub web address (GITHUB_SERVER_URL), for links to commits and diffs. */
  server?: string;
}

export interface Deps {
  settings: Settings;
  github: GitHub;
  ecs: Ecs;
  builder: Builder;
  /** The ECR repository of PR images, when image-repository is one: teardown deletes tags there. */
  images?: Images;
  /** Where the environments' admin passwords are kept (the sweep reconciles leftovers). */
  passwords?: Passwords;
  /** Load-balancer mode only: the listener rules and target groups that carry each PR's stable address. */
  router?: Router;
  clock: () => Date;
  log: Log;
  run: RunInfo;
}

export function runInfoFromEnv(env: NodeJS.ProcessEnv): RunInfo {
  const id = env.GITHUB_RUN_ID ?? `local-${process.pid}`;
  const attempt = env.GITHUB_RUN_ATTEMPT ?? '1';
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const url =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${attempt}`
      : undefined;
  return { holder: `run ${id}/${attempt}`, url, server };
}

/** An error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
