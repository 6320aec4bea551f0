// What to build and how, as plain data, and the exact docker argv that follows from it. Pure: no I/O, no shell.
// Every value ends up as its own argv entry; validation here is what keeps an input from ever becoming a flag.
import path from 'node:path';
import { toSha7 } from '../core/values.js';
import { REFERENCE_FORMS, isCacheRef, isPinnedImage, isRepository } from './reference.js';

export interface BuilderSettings {
  /** Where PR images are pushed, without tag, e.g. `apache/superset`. */
  imageRepository: string;
  /** Absolute path of the checkout of the pinned commit: the build context (DockerBuilder resolves a relative one). */
  context: string;
  /** Relative to the context (or absolute); BuildKit's default `Dockerfile` when absent. */
  dockerfile?: string;
  target: string;
  /**
   * `KEY=VALUE` entries in order, or a record of them. A bare `KEY` is refused: docker would read its value from the
   * environment of the action, secrets included.
   */
  buildArgs: readonly string[] | Readonly<Record<string, string>>;
  platform: string;
  /**
   * Registry caches to read layers from, one per line: an image reference, or `type=registry,ref=<image reference>`.
   * Only trusted builds write them (examples/workflows/showtime-cache.yml); a PR build reads them and writes nothing.
   */
  cacheFrom?: string;
  /** Never written by a PR build: any value is refused, with the message that says where a cache is written. */
  cacheTo?: string;
  /** Build even when the registry already has the image for this commit. */
  forceRebuild: boolean;
  /** Deploy this image as it is: no build and no docker call at all. */
  existingImage?: string;
  /** Decide and report, run nothing. */
  dryRun?: boolean;
}

/** Which commit of which PR to build. */
export interface BuildRequest {
  pr: number;
  /** Full or 7-character lowercase hex SHA. */
  sha: string;
}

/** The action inputs the settings come from, so messages name what the user can fix. */
export const BUILDER_INPUTS = {
  imageRepository: 'image-repository',
  context: 'build-context',
  dockerfile: 'dockerfile',
  target: 'build-target',
  buildArgs: 'build-args',
  platform: 'platform',
  cacheFrom: 'cache-from',
  cacheTo: 'cache-to',
  existingImage: 'existing-image',
} as const;

export const DEFAULT_BUILD_ARGS: readonly string[] = ['INCLUDE_CHROMIUM=false', 'LOAD_EXAMPLES_DUCKDB=true'];

/** The defaults of everything but what must be given. */
export const DEFAULT_BUILDER_SETTINGS = {
  target: 'ci',
  buildArgs: [...DEFAULT_BUILD_ARGS],
  platform: 'linux/amd64',
  forceRebuild: false,
  dryRun: false,
} as const satisfies Partial<BuilderSettings>;

/** Settings from the required values and any overrides; defaults fill the rest. */
export function builderSettings(
  required: Pick<BuilderSettings, 'imageRepository' | 'context'>,
  overrides: Partial<BuilderSettings> = {},
): BuilderSettings {
  return { ...DEFAULT_BUILDER_SETTINGS, buildArgs: [...DEFAULT_BUILD_ARGS], ...required, ...overrides };
}

/** Bad settings or request; thrown before any docker call, with every problem found. */
export class BuilderInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the image:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'BuilderInputError';
  }
}

/** The tag of a PR commit's image: `{repository}:pr-{pr}-{sha7}-ci`. */
export function imageTag(imageRepository: string, request: BuildRequest): string {
  return `${imageRepository}:pr-${request.pr}-${toSha7(request.sha) ?? request.sha}-ci`;
}

const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const LINE_BREAK_OR_NUL = /[\r\n\0\u2028\u2029]/;

/** Every problem with the request alone (existing-image mode needs nothing else). */
export function requestProblems(request: BuildRequest): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(request.pr) || request.pr < 1) {
    problems.push(`PR number ${String(request.pr)} is not a positive integer.`);
  }
  if (toSha7(request.sha) === undefined) {
    problems.push(`Commit ${JSON.stringify(request.sha)} is not 7 or 40 lowercase hexadecimal characters.`);
  }
  return problems;
}

/** Every problem that would make the build refuse to start or run something other than intended. */
export function buildProblems(settings: BuilderSettings, request: BuildRequest): string[] {
  const problems = requestProblems(request);
  const input = (name: keyof typeof BUILDER_INPUTS) => `\`${BUILDER_INPUTS[name]}\``;
  if (!isRepository(settings.imageRepository)) {
    problems.push(
      `${input('imageRepository')} ${JSON.stringify(settings.imageRepository)} is not ${REFERENCE_FORMS.repository}.`,
    );
  }
  if (!path.isAbsolute(settings.context) || LINE_BREAK_OR_NUL.test(settings.context)) {
    problems.push(
      `${input('context')} ${JSON.stringify(settings.context)} is not an absolute path on one line.`,
    );
  }
  if (
    settings.dockerfile !== undefined &&
    (settings.dockerfile.trim() === '' || LINE_BREAK_OR_NUL.test(settings.dockerfile))
  ) {
    problems.push(
      `${input('dockerfile')} ${JSON.stringify(settings.dockerfile)} is not a path on one line (relative to the context), e.g. Dockerfile.`,
    );
  }
  if (!TARGET.test(settings.target)) {
    problems.push(
      `${input('target')} ${JSON.stringify(settings.target)} is not a Dockerfile stage name: letters, digits, _ . -, e.g. ci.`,
    );
  }
  if (!settings.platform.split(',').every((p) => PLATFORM.test(p))) {
    problems.push(
      `${input('platform')} ${JSON.stringify(settings.platform)} is not os/arch[/variant] (comma-separated), e.g. linux/amd64.`,
    );
  }
  problems.push(...buildArgProblems(buildArgEntries(settings.buildArgs)));
  problems.push(...cacheFromProblems(settings.cacheFrom));
  if (settings.cacheTo !== undefined && settings.cacheTo.trim() !== '') {
    problems.push(
      `${input('cacheTo')} is set: every build this action runs is a pull request's code, so it writes no cache ` +
        'that a later build would read. Leave it empty and refresh the cache from a trusted workflow on pushes to ' +
        'the default branch (examples/workflows/showtime-cache.yml); `cache-from` reads it.',
    );
  }
  return problems;
}

/** The build args as docker receives them, whichever form the settings hold them in. */
export function buildArgEntries(buildArgs: BuilderSettings['buildArgs']): readonly string[] {
  return isEntryList(buildArgs)
    ? buildArgs
    : Object.entries(buildArgs).map(([key, value]) => `${key}=${value}`);
}

function isEntryList(buildArgs: BuilderSettings['buildArgs']): buildArgs is readonly string[] {
  return Array.isArray(buildArgs);
}

export const CACHE_FROM_FORM = `one registry cache per line: ${REFERENCE_FORMS.cacheRef}, or type=registry,ref=<image reference>`;
const CACHE_SPEC_PART = /^([a-z][a-z0-9_.-]*)=([^,\s]*)$/;

/** The registry caches of `cache-from`, one per non-empty line, trimmed. */
export function cacheFromLines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The value of one --cache-from, or undefined unless `line` names a registry cache and nothing else. A type=gha
 * cache is refused: under pull_request_target its scope is the default branch's, which any job running a PR's code
 * in that scope can write, so it is not a cache only trusted builds wrote. Other types read local paths or services.
 */
export function cacheFromSpec(line: string): string | undefined {
  if (!line.startsWith('type=')) return isCacheRef(line) ? `type=registry,ref=${line}` : undefined;
  const fields = new Map<string, string>();
  for (const part of line.split(',')) {
    const match = CACHE_SPEC_PART.exec(part);
    if (!match || fields.has(match[1] ?? '')) return undefined;
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  const ref = fields.get('ref') ?? '';
  return fields.get('type') === 'registry' && fields.size === 2 && isCacheRef(ref)
    ? `type=registry,ref=${ref}`
    : undefined;
}

function cacheFromProblems(value: string | undefined): string[] {
  return cacheFromLines(value)
    .filter((line) => cacheFromSpec(line) === undefined)
    .map((line) => {
      const why = line.startsWith('type=gha')
        ? ": a type=gha cache is refused, since jobs that run a pull request's code can write the default branch's Actions cache"
        : '';
      return `\`${BUILDER_INPUTS.cacheFrom}\` line ${JSON.stringify(line.slice(0, 120))} is not ${CACHE_FROM_FORM}${why}.`;
    });
}

function buildArgProblems(buildArgs: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const form = `KEY=VALUE on one line, KEY matching [A-Za-z_][A-Za-z0-9_]*, e.g. ${DEFAULT_BUILD_ARGS[0] ?? ''}`;
  for (const entry of buildArgs) {
    const eq = entry.indexOf('=');
    const key = eq < 0 ? entry : entry.slice(0, eq);
    const shown = JSON.stringify(entry.length > 80 ? `${entry.slice(0, 79)}…` : entry);
    if (eq < 0 || !BUILD_ARG_KEY.test(key) || LINE_BREAK_OR_NUL.test(entry)) {
      problems.push(`\`${BUILDER_INPUTS.buildArgs}\` entry ${shown} is not ${form}.`);
    } else if (seen.has(key)) {
      problems.push(`\`${BUILDER_INPUTS.buildArgs}\` sets ${key} twice; give each key once.`);
    }
    seen.add(key);
  }
  return problems;
}

/** Problems of existing-image mode, which needs only the image and the request. */
export function existingImageProblems(existingImage: string, request: BuildRequest): string[] {
  const problems = requestProblems(request);
  if (!isPinnedImage(existingImage)) {
    problems.push(
      `\`${BUILDER_INPUTS.existingImage}\` ${JSON.stringify(existingImage)} is not ${REFERENCE_FORMS.image}.`,
    );
  }
  return problems;
}

/**
 * The arguments of `docker` that build and push the image of `request` (`buildx build --push …`, without the
 * executable itself). Throws BuilderInputError when the settings or the request are not valid.
 */
export function buildArgv(settings: BuilderSettings, request: BuildRequest): string[] {
  const problems = buildProblems(settings, request);
  if (problems.length > 0) throw new BuilderInputError(problems);
  const argv = ['buildx', 'build', '--push', '--platform', settings.platform, '--target', settings.target];
  if (settings.dockerfile !== undefined)
    argv.push('--file', path.resolve(settings.context, settings.dockerfile));
  for (const arg of buildArgEntries(settings.buildArgs)) argv.push('--build-arg', arg);
  // Read only: a PR build never gets a --cache-to (buildProblems refuses one).
  for (const line of cacheFromLines(settings.cacheFrom))
    argv.push('--cache-from', cacheFromSpec(line) ?? line);
  argv.push('--tag', imageTag(settings.imageRepository, request), settings.context);
  return argv;
}

/** The arguments of `docker` that exit 0 exactly when the registry has `image`. */
export function inspectArgv(image: string): string[] {
  return ['buildx', 'imagetools', 'inspect', image];
}

/** Why the split form's build job will not run with these settings (every problem, for one message). */
export function archiveProblems(
  settings: BuilderSettings,
  request: BuildRequest,
  tag: string,
  dest: string,
): string[] {
  const problems = buildProblems(settings, request);
  if (!isPinnedImage(tag))
    problems.push(`The plan's image tag ${JSON.stringify(tag)} is not ${REFERENCE_FORMS.image}.`);
  // The path goes into a comma-separated --output spec: a comma or a quote in it would start another field.
  if (!path.isAbsolute(dest) || /[,"'\s]/.test(dest) || LINE_BREAK_OR_NUL.test(dest)) {
    problems.push(
      `The archive path ${JSON.stringify(dest)} is not an absolute path without commas, quotes or spaces.`,
    );
  }
  return problems;
}

/**
 * The arguments of `docker` that build `request` into an OCI archive at `dest` (`buildx build --output
 * type=oci,dest=…`): nothing is pushed and no cache is written. `tag` names the image inside the archive only.
 */
export function archiveArgv(
  settings: BuilderSettings,
  request: BuildRequest,
  tag: string,
  dest: string,
): string[] {
  const problems = archiveProblems(settings, request, tag, dest);
  if (problems.length > 0) throw new BuilderInputError(problems);
  const argv = buildArgv(settings, request).filter((arg) => arg !== '--push');
  const context = argv.pop() as string;
  const tagAt = argv.indexOf('--tag');
  argv.splice(tagAt, 2);
  argv.push('--output', `type=oci,dest=${dest}`, '--tag', tag, context);
  return argv;
}

export type BuildJobResult = 'success' | 'failure' | 'cancelled' | 'skipped';
export const BUILD_JOB_RESULTS: readonly BuildJobResult[] = ['success', 'failure', 'cancelled', 'skipped'];

/** What the deploy job is told about the build job, from its inputs `archive-digest` and `build-result`. */
export interface HandoverInputs {
  archiveDigest?: string;
  buildResult: BuildJobResult;
}

export function readHandoverInputs(
  read: (name: 'archive-digest' | 'build-result') => string,
): HandoverInputs {
  const problems: string[] = [];
  const digest = read('archive-digest').trim();
  if (digest !== '' && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    problems.push(
      `input 'archive-digest' is ${JSON.stringify(digest.slice(0, 80))}; expected sha256:<64 lowercase hex> (the build job's archive-digest output) or empty`,
    );
  }
  const result = (read('build-result').trim() || 'skipped') as BuildJobResult;
  if (!BUILD_JOB_RESULTS.includes(result)) {
    problems.push(
      `input 'build-result' is ${JSON.stringify(result.slice(0, 40))}; expected one of ${BUILD_JOB_RESULTS.join(', ')} (needs.build.result)`,
    );
  }
  if (result === 'success' && digest === '') {
    problems.push(
      "input 'build-result' is success but 'archive-digest' is empty; pass needs.build.outputs.archive-digest",
    );
  }
  if (problems.length > 0) throw new BuilderInputError(problems);
  return { archiveDigest: digest === '' ? undefined : digest, buildResult: result };
}
