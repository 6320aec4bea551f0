// The split form's build job: builds the PR's image into an OCI archive file and reports the file's digest. It runs
// where nothing is worth stealing, so it first makes sure that is true: no token, no cloud credential, no registry
// login in its environment.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildLog, DockerBuilderOptions } from './builder.js';
import { ACTIONS_LOG, runDockerBuild } from './builder.js';
import { archiveArgv } from './settings.js';
import type { BuildRequest, BuilderSettings } from './settings.js';

/** The archive's file name, the same in the build job (upload) and the deploy job (download). */
export const ARCHIVE_FILE = 'image.oci.tar';

export interface Archive {
  path: string;
  /** `sha256:<hex>` of the file's bytes. */
  digest: string;
  bytes: number;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

// Names whose value is a credential wherever they appear; AWS_* is refused as a whole (keys, session, web identity).
const CREDENTIAL_NAMES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'INPUT_GITHUB_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'DOCKER_AUTH_CONFIG',
  'REGISTRY_AUTH_FILE',
  'DOCKERHUB_TOKEN',
  'DOCKERHUB_PASSWORD',
];

/** Docker config files a registry login writes (docker/login-action, amazon-ecr-login, `docker login`). */
function dockerConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? os.homedir();
  return [
    path.join(env.DOCKER_CONFIG ?? path.join(home, '.docker'), 'config.json'),
    path.join(env.XDG_RUNTIME_DIR ?? '/nonexistent', 'containers', 'auth.json'),
  ];
}

/**
 * Every credential the build job can see: variables by name (values never read into a message) and registry logins
 * in docker's config. Empty means the job holds nothing a Dockerfile or an escape from BuildKit could take.
 */
export function credentialsIn(env: NodeJS.ProcessEnv): string[] {
  const found = Object.keys(env).filter(
    (name) =>
      (env[name] ?? '') !== '' && (CREDENTIAL_NAMES.includes(name.toUpperCase()) || /^AWS_/i.test(name)),
  );
  for (const file of dockerConfigFiles(env)) {
    if (!existsSync(file)) continue;
    try {
      const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const auths = Object.keys((config.auths ?? {}) as object);
      const helpers = Object.keys((config.credHelpers ?? {}) as object);
      if (auths.length > 0 || helpers.length > 0 || config.credsStore !== undefined) {
        found.push(`registry login in ${file}`);
      }
    } catch {
      found.push(`unreadable docker config ${file}`);
    }
  }
  return found.sort();
}

/** docker's environment: the job's own, minus the runner's internal tokens, which a build has no use for. */
export function buildEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || /^ACTIONS_(RUNTIME|RESULTS|CACHE)_/.test(key)) continue;
    result[key] = value;
  }
  return result;
}

export interface ArchiveBuilderOptions extends DockerBuilderOptions {
  log?: BuildLog;
}

export interface ArchiveBuilder {
  buildArchive(request: BuildRequest, tag: string, dest: string): Promise<Archive | undefined>;
}

export class DockerArchiveBuilder implements ArchiveBuilder {
  constructor(
    private readonly settings: BuilderSettings,
    private readonly options: ArchiveBuilderOptions = {},
  ) {}

  async buildArchive(request: BuildRequest, tag: string, dest: string): Promise<Archive | undefined> {
    const settings = { ...this.settings, context: path.resolve(this.settings.context) };
    const argv = archiveArgv(settings, request, tag, dest);
    const log = this.options.log ?? ACTIONS_LOG;
    if (settings.dryRun) {
      log.info(`Dry run: would run: docker ${argv.join(' ')}`);
      return undefined;
    }
    rmSync(dest, { force: true });
    mkdirSync(path.dirname(dest), { recursive: true });
    await runDockerBuild(tag, argv, this.options, log);
    if (!existsSync(dest)) throw new Error(`docker buildx build exited 0 but wrote no archive at ${dest}`);
    return { path: dest, digest: await sha256File(dest), bytes: statSync(dest).size };
  }
}
