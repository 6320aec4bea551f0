// The docker adapter: makes sure the image of a PR commit is in the registry. docker is only ever run with an argv
// (never through a shell), and nothing from the PR's checkout runs here: the checkout is only BuildKit's context.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Writable } from 'node:stream';
import * as core from '../runner/core.js';
import { exec } from '@actions/exec';
import {
  BuilderInputError,
  buildArgv,
  buildProblems,
  existingImageProblems,
  imageTag,
  inspectArgv,
} from './settings.js';
import type { BuildRequest, BuilderSettings } from './settings.js';

export interface BuildResult {
  /** The image to deploy. */
  image: string;
  /** True when this call built and pushed it. */
  built: boolean;
  skippedBecause?: 'exists' | 'existing-image' | 'dry-run';
  /** The docker arguments of the build that ran (built) or would have run (dry-run). */
  argv?: string[];
}

export interface Builder {
  ensureImage(request: BuildRequest): Promise<BuildResult>;
}

/** Where progress goes: the workflow log, with the build folded into a group. */
export interface BuildLog {
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  info(message: string): void;
}

export interface DockerBuilderOptions {
  /** The environment of docker; the runner's own by default. */
  env?: Record<string, string>;
  /** Where docker's output is streamed; the workflow log (stdout/stderr) by default. */
  output?: Writable;
  log?: BuildLog;
}

/** How many lines of docker's output a failure keeps (for callers that log them): BuildKit's error and context. */
export const FAILURE_TAIL_LINES = 30;

/**
 * The message names the image and the exit code only: the output is the PR's (its Dockerfile, its build scripts),
 * so it stays in the workflow log, where the build streamed it, and never reaches a comment, summary or Slack.
 */
export class DockerBuildError extends Error {
  constructor(
    readonly image: string,
    readonly exitCode: number,
    readonly lastLines: string[],
  ) {
    super(
      `docker buildx build of ${image} failed with exit code ${exitCode}; its output is in the run's log`,
    );
    this.name = 'DockerBuildError';
  }
}

export const ACTIONS_LOG: BuildLog = {
  group: (name, fn) => core.group(name, fn),
  info: (message) => core.info(message),
};

export class DockerBuilder implements Builder {
  private readonly settings: BuilderSettings;
  private readonly log: BuildLog;

  /** A relative context (the `build-context` input's default is) is taken from the working directory. */
  constructor(
    settings: BuilderSettings,
    private readonly options: DockerBuilderOptions = {},
  ) {
    // Only a plausible path is resolved: an empty or multi-line one must reach validation as it is.
    const resolvable = settings.context.trim() !== '' && !/[\r\n\0]/.test(settings.context);
    this.settings = resolvable ? { ...settings, context: path.resolve(settings.context) } : settings;
    this.log = options.log ?? ACTIONS_LOG;
  }

  async ensureImage(request: BuildRequest): Promise<BuildResult> {
    const { settings } = this;
    if (settings.existingImage !== undefined) {
      const problems = existingImageProblems(settings.existingImage, request);
      if (problems.length > 0) throw new BuilderInputError(problems);
      this.log.info(`Using the existing image ${settings.existingImage}; nothing to build.`);
      return { image: settings.existingImage, built: false, skippedBecause: 'existing-image' };
    }
    const problems = buildProblems(settings, request);
    if (problems.length > 0) throw new BuilderInputError(problems);
    const image = imageTag(settings.imageRepository, request);
    const argv = buildArgv(settings, request);
    if (settings.dryRun) {
      this.log.info(`Dry run: would check the registry for ${image}, then run: docker ${argv.join(' ')}`);
      return { image, built: false, skippedBecause: 'dry-run', argv };
    }
    if (settings.forceRebuild) {
      this.log.info(`Rebuilding ${image} without looking in the registry (force-rebuild).`);
    } else if (await this.exists(image)) {
      this.log.info(`${image} is already in the registry; not building it again.`);
      return { image, built: false, skippedBecause: 'exists' };
    }
    await this.build(image, argv);
    return { image, built: true, argv };
  }

  /** Any failure to inspect (absent, no access, no network) counts as absent: the build then says what is wrong. */
  private async exists(image: string): Promise<boolean> {
    const code = await exec('docker', inspectArgv(image), {
      ...this.execBase(),
      silent: true,
      ignoreReturnCode: true,
    });
    if (code !== 0) this.log.info(`${image} is not in the registry (inspect exited ${code}); building it.`);
    return code === 0;
  }

  private async build(image: string, argv: string[]): Promise<void> {
    await runDockerBuild(image, argv, this.options, this.log);
  }

  private execBase(): ExecBase {
    return execBase(this.options);
  }
}

type ExecBase = { env?: Record<string, string>; outStream?: Writable; errStream?: Writable };

function execBase(options: DockerBuilderOptions): ExecBase {
  const { env, output } = options;
  return { ...(env ? { env } : {}), ...(output ? { outStream: output, errStream: output } : {}) };
}

/**
 * Runs `docker <argv>` for a build of `image` and throws DockerBuildError when it fails. Shared by the one-job build
 * (which pushes) and the split form's build job (which writes an archive).
 */
export async function runDockerBuild(
  image: string,
  argv: string[],
  options: DockerBuilderOptions = {},
  log: BuildLog = ACTIONS_LOG,
): Promise<void> {
  const tail = new LineTail(FAILURE_TAIL_LINES);
  // The build prints what the PR's Dockerfile makes it print: between these markers the runner reads no
  // workflow command (`::add-mask::`, `::error::`, …); the token is unguessable, so the output cannot end them.
  const token = `showtime-${randomUUID()}`;
  const marker = (line: string): void => {
    (options.output ?? process.stdout).write(`${line}\n`);
  };
  const code = await log.group(`Building ${image}`, async () => {
    marker(`::stop-commands::${token}`);
    try {
      return await exec('docker', argv, {
        ...execBase(options),
        ignoreReturnCode: true,
        listeners: { stdline: (line) => tail.push(line), errline: (line) => tail.push(line) },
      });
    } finally {
      marker(`::${token}::`);
    }
  });
  if (code !== 0) throw new DockerBuildError(image, code, tail.lines());
}

/** The last `size` lines pushed, in order, in constant memory. */
export class LineTail {
  private readonly buffer: string[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  push(line: string): void {
    if (this.buffer.length < this.size) this.buffer.push(line);
    else this.buffer[this.next] = line;
    this.next = (this.next + 1) % this.size;
  }

  lines(): string[] {
    return this.buffer.length < this.size
      ? [...this.buffer]
      : [...this.buffer.slice(this.next), ...this.buffer.slice(0, this.next)];
  }
}

export function createDockerBuilder(settings: BuilderSettings, options?: DockerBuilderOptions): Builder {
  return new DockerBuilder(settings, options);
}
