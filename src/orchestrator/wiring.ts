// Builds the adapters from the settings and the runner's environment. The only place that knows which class
// implements which port.
import path from 'node:path';
import type { EcrImageStore, ImageStore } from '../aws/ecr.js';
import type { PasswordStore, SsmPasswordStore } from '../aws/ssm.js';
import {
  DEFAULT_ECR_REPOSITORY,
  ecrRepositoryLabel,
  parseEcrRepository,
  passwordName,
} from '../aws/store-names.js';
import type { Builder } from '../docker/builder.js';
import {
  lazyEcsBackend,
  lazyImageStore,
  lazyPasswordStore,
  lazyRouter,
  preloadEcsDuringFirstRequest,
} from '../aws/lazy.js';
import type { TrafficRouter } from '../aws/elb.js';
import { buildEnvironment, DockerArchiveBuilder } from '../docker/archive.js';
import type { ArchiveBuilder } from '../docker/archive.js';
import { createDockerBuilder } from '../docker/builder.js';
import { dryRunRegistry, SkopeoRegistry } from '../docker/registry.js';
import type { Registry } from '../docker/registry.js';
import type { BuilderSettings } from '../docker/settings.js';
import { OctokitGitHub } from '../github/adapter.js';
import { LOCK_CODEC } from '../core/locks.js';
import type { Settings } from '../settings.js';
import type { Deps, Log } from './context.js';
import { runInfoFromEnv } from './context.js';
import { dryRunEcs, dryRunGitHub, dryRunImages, dryRunPasswords, dryRunRouter } from './dry-run.js';

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
  'sleep',
  'wake',
]);

export interface WiringOptions {
  /** The step will talk to AWS: load the SDK while the first GitHub request is in flight (see aws/lazy.ts). */
  preloadAws?: boolean;
  /** The split form's deploy job deploys the handed-over archive instead of building. */
  builder?: Builder;
}

/**
 * The image store for image-repository: the stack's ECR repository when the input is empty (the default), the named
 * ECR repository, or none for any other registry (Docker Hub, GHCR: their tags are not deleted by the action).
 */
function imageStoreFor(settings: Settings): ImageStore | undefined {
  const { aws } = settings;
  const repository = settings.docker.imageRepository;
  const target =
    repository === '' ? { region: aws.region, name: DEFAULT_ECR_REPOSITORY } : parseEcrRepository(repository);
  if (target === undefined) return undefined;
  // The ECR SDK loads with the first call: most steps (a label, a comment) never make one.
  return lazyImageStore(ecrRepositoryLabel(target), async (): Promise<EcrImageStore> => {
    const ecr = await import('../aws/ecr.js');
    return new ecr.EcrImageStore(
      ecr.createEcrClient({ region: target.region, endpoint: aws.endpoint }),
      target,
    );
  });
}

/** The builder is made on first use: an empty image-repository is resolved (one ECR call) only for a build. */
function lazyBuilder(create: () => Promise<Builder>): Builder {
  let builder: Promise<Builder> | undefined;
  return { ensureImage: async (request) => (await (builder ??= create())).ensureImage(request) };
}

/**
 * The registry port of the split form. SHOWTIME_INSECURE_REGISTRY names a test registry on the loopback interface
 * that speaks plain HTTP; the adapter ignores it for every other host.
 */
export function createRegistry(settings: Settings, env: NodeJS.ProcessEnv, log: Log): Registry {
  if (settings.dryRun.docker) return dryRunRegistry(log);
  return new SkopeoRegistry({ insecureLoopback: env.SHOWTIME_INSECURE_REGISTRY, log });
}

function dockerBuilderSettings(
  settings: Settings,
  workspace: string,
  imageRepository = settings.docker.imageRepository,
): BuilderSettings {
  // What the inputs alone do not say: where the workspace is, and the repository an ECR lookup may have filled in.
  return { ...settings.docker, imageRepository, context: path.resolve(workspace, settings.docker.context) };
}

/** The split form's build job: docker runs with the job's environment minus the runner's internal tokens. */
export function createArchiveBuilder(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  imageRepository: string,
): ArchiveBuilder {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return new DockerArchiveBuilder(dockerBuilderSettings(settings, workspace, imageRepository), {
    env: buildEnvironment(env),
  });
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
    lockCodec: LOCK_CODEC,
    // Writes and searches are paced inside GitHub's documented limits (github/pacing.ts); off for the tests.
    pacing: env.SHOWTIME_GITHUB_PACING !== 'off',
    delayUnitMs: env.SHOWTIME_GITHUB_DELAY_UNIT_MS ? Number(env.SHOWTIME_GITHUB_DELAY_UNIT_MS) : undefined,
    log: (message) => log.warning(message),
  });
  const aws = settings.aws;
  const images = settings.dryRun.aws ? dryRunImages(log) : imageStoreFor(settings);
  const repo = repositoryOf(env);
  let ssm: Promise<SsmPasswordStore> | undefined;
  const loadPasswords = (): Promise<SsmPasswordStore> =>
    (ssm ??= import('../aws/ssm.js').then((m) => new m.SsmPasswordStore(m.createSsmClient(aws), repo)));
  const passwords: PasswordStore = settings.dryRun.aws
    ? dryRunPasswords(log)
    : lazyPasswordStore((pr, sha7) => passwordName(repo, pr, sha7), loadPasswords);
  if (options.preloadAws && !settings.dryRun.aws) preloadEcsDuringFirstRequest();
  // ECS settings (template, network) are built and checked only when a run first talks to ECS (AwsSettings.ecs): a
  // label event that needs no deploy must not fail on a deploy input.
  const ecs = settings.dryRun.aws
    ? dryRunEcs(log)
    : lazyEcsBackend(
        () => aws.ecs(workspace),
        // The adapter gets the loaded store, so that it counts the SSM calls with its own.
        async () => ({ log: (message: string) => log.info(message), passwords: await loadPasswords() }),
      );
  const router: TrafficRouter | undefined =
    aws.router === undefined
      ? undefined
      : settings.dryRun.aws
        ? dryRunRouter(log)
        : lazyRouter(aws.router, aws);
  const docker = settings.docker;
  const imageRepository = async (): Promise<string> =>
    docker.imageRepository === '' && docker.existingImage === undefined && !settings.dryRun.docker
      ? import('../aws/ecr.js').then((ecr) =>
          ecr.resolveEcrRepositoryUri(ecr.createEcrClient(aws), DEFAULT_ECR_REPOSITORY),
        )
      : docker.imageRepository;
  const builder =
    options.builder ??
    lazyBuilder(async () =>
      createDockerBuilder(dockerBuilderSettings(settings, workspace, await imageRepository())),
    );
  return {
    settings,
    github: settings.dryRun.github ? dryRunGitHub(github, log) : github,
    ecs,
    builder,
    images,
    passwords,
    ...(router ? { router } : {}),
    clock: () => new Date(),
    log,
    run: runInfoFromEnv(env),
  };
}
