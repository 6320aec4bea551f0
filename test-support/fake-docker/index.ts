// Test helper around the recording `docker` script beside this file.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE_DOCKER_DIR = path.dirname(fileURLToPath(import.meta.url));
export const FAKE_DOCKER = path.join(FAKE_DOCKER_DIR, 'docker');

export interface FakeDockerScript {
  /** Images that `docker buildx imagetools inspect` finds. */
  existing?: string[];
  /** Exit code of `docker buildx build`. */
  failBuild?: number;
  /** Progress lines the build prints on stderr. */
  buildLines?: number;
}

export interface FakeDocker {
  /** The environment to run docker with: the fake first on PATH, its script and its log. */
  env: Record<string, string>;
  /** Every call so far, as argv arrays (without `docker`), in order. */
  calls(): string[][];
  /** The names of the environment variables each call saw, in the order of the calls. */
  environments(): string[][];
  dispose(): void;
}

function pathWithFakeFirst(current: string | undefined): string {
  return current ? `${FAKE_DOCKER_DIR}${path.delimiter}${current}` : FAKE_DOCKER_DIR;
}

export function fakeDocker(script: FakeDockerScript = {}): FakeDocker {
  // A checkout or an archive may drop the executable bit; the fake must run all the same.
  chmodSync(FAKE_DOCKER, 0o755);
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-docker-'));
  const log = path.join(dir, 'calls.jsonl');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.PATH = pathWithFakeFirst(process.env.PATH);
  env.FAKE_DOCKER_LOG = log;
  if (script.existing) env.FAKE_DOCKER_EXISTING = script.existing.join('\n');
  if (script.failBuild !== undefined) env.FAKE_DOCKER_FAIL_BUILD = String(script.failBuild);
  if (script.buildLines !== undefined) env.FAKE_DOCKER_BUILD_LINES = String(script.buildLines);
  const lines = (file: string): string[][] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.length > 0)
          .map((line) => JSON.parse(line) as string[])
      : [];
  return {
    env,
    calls: () => lines(log),
    environments: () => lines(`${log}.env`),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Puts the fake first on this process's PATH and returns the function that restores it. Needed besides `env`:
 * @actions/exec looks the tool up on the PATH of the calling process, not on the PATH of the env it is given.
 */
export function putFakeDockerFirstOnPath(): () => void {
  const saved = process.env.PATH;
  process.env.PATH = pathWithFakeFirst(saved);
  return () => {
    process.env.PATH = saved;
  };
}
