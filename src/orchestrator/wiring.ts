// Builds the adapters from the settings and the runner's environment. The only place that knows which class
// implements which port.
import path from 'node:path';
import { lazyEcsBackend, preloadEcsDuringFirstRequest } from '../aws/lazy.js';
import { DEFAULT_TIMEOUTS, resolveEcsSettings } from '../aws/settings.js';
import { loadTaskDefinitionTemplate } from '../aws/task-definition.js';
import { formatLockDescription, parseLockDescription } from '../core/labels.js';
import { createDockerBuilder } from '../docker/builder.js';
import { builderSettings } from '../docker/settings.js';
import { OctokitGitHub } from '../github/adapter.js';
import { fenceName } from '../github/lease.js';
import type { Settings } from '../settings.js';
import type { Deps, Log } from './context.js';
import { runInfoFromEnv } from './context.js';
import { dryRunEcs, dryRunGitHub } from './dry-run.js';

export function repositoryOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!match?.[1] || !match[2]) {
    throw new Error(
      `GITHUB_REPOSITORY is "${env.GITHUB_REPOSITORY ?? ''}"; expected owner/name (set by the runner)`,
    );
  }
  return { owner: match[1], repo: match[2] };
}

/** The plan actions whose run step talks to ECS: only for these is the SDK loaded ahead of its first use. */
export const ECS_ACTIONS: ReadonlySet<string> = new Set([
  'create',
  'rolling-update',
  'redeploy-config',
  'stop',
]);

export interface WiringOptions {
  /** The step will talk to AWS: load the SDK while the first GitHub request is in flight (see aws/lazy.ts). */
  preloadAws?: boolean;
}

export function createDeps(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  log: Log,
  options: WiringOptions = {},
): Deps {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const github = new OctokitGitHub({
    token: settings.githubToken,
    baseUrl: env.GITHUB_API_URL,
    repo: repositoryOf(env),
    lockCodec: { describe: formatLockDescription, parse: parseLockDescription, fenceName },
    // Writes and searches are paced inside GitHub's documented limits (github/pacing.ts); off for the tests.
    pacing: env.SHOWTIME_GITHUB_PACING !== 'off',
    delayUnitMs: env.SHOWTIME_GITHUB_DELAY_UNIT_MS ? Number(env.SHOWTIME_GITHUB_DELAY_UNIT_MS) : undefined,
    log: (message) => log.warning(message),
  });
  const aws = settings.aws;
  if (options.preloadAws && !settings.dryRun.aws) preloadEcsDuringFirstRequest();
  // ECS settings (template, network) are checked only when a run first talks to ECS: a label event that needs no
  // deploy must not fail on a deploy input.
  const ecs = settings.dryRun.aws
    ? dryRunEcs(log)
    : lazyEcsBackend(
        () =>
          resolveEcsSettings({
            region: aws.region,
            cluster: aws.cluster,
            subnets: aws.subnets,
            securityGroups: aws.securityGroups,
            assignPublicIp: aws.assignPublicIp,
            taskDefinitionTemplate: loadTaskDefinitionTemplate(
              aws.taskDefinitionPath === undefined
                ? undefined
                : path.resolve(workspace, aws.taskDefinitionPath),
            ),
            containerName: aws.containerName,
            containerPort: aws.containerPort,
            environment: aws.extraEnv,
            healthCheckPath: aws.healthCheckPath,
            timeouts: {
              stableMs: aws.stableTimeoutMs,
              healthMs: aws.healthTimeoutMs,
              pollIntervalMs: aws.pollIntervalMs,
              healthIntervalMs: Math.min(DEFAULT_TIMEOUTS.healthIntervalMs, aws.pollIntervalMs),
            },
            endpoint: aws.endpoint,
            executionRoleArn: aws.executionRoleArn,
            taskRoleArn: aws.taskRoleArn,
            logGroup: aws.logGroup,
          }),
        { log: (message) => log.info(message) },
      );
  const docker = settings.docker;
  const builder = createDockerBuilder(
    builderSettings(
      { imageRepository: docker.imageRepository, context: path.resolve(workspace, docker.context) },
      {
        dockerfile: docker.dockerfile,
        target: docker.target,
        buildArgs: Object.entries(docker.buildArgs).map(([key, value]) => `${key}=${value}`),
        platform: docker.platform,
        cacheFrom: docker.cacheFrom,
        cacheTo: docker.cacheTo,
        forceRebuild: docker.forceRebuild,
        existingImage: docker.existingImage,
        dryRun: settings.dryRun.docker,
      },
    ),
  );
  return {
    settings,
    github: settings.dryRun.github ? dryRunGitHub(github, log) : github,
    ecs,
    builder,
    clock: () => new Date(),
    log,
    run: runInfoFromEnv(env),
  };
}
