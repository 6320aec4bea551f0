import { jest } from '@jest/globals';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import {
  DockerBuildError,
  DockerBuilder,
  FAILURE_TAIL_LINES,
  LineTail,
  createDockerBuilder,
} from '../../src/docker/builder.js';
import type { BuildLog, BuildResult } from '../../src/docker/builder.js';
import { BuilderInputError, buildArgv, builderSettings } from '../../src/docker/settings.js';
import type { BuildRequest, BuilderSettings } from '../../src/docker/settings.js';
import { FAKE_DOCKER, fakeDocker, putFakeDockerFirstOnPath } from '../../test-support/fake-docker/index.js';
import type { FakeDocker, FakeDockerScript } from '../../test-support/fake-docker/index.js';

const SHA = 'abc123f0123456789abcdef0123456789abcdef0';
const REQUEST: BuildRequest = { pr: 34809, sha: SHA };
const TAG = 'apache/superset:pr-34809-abc123f-ci';
const BASE = builderSettings({ imageRepository: 'apache/superset', context: '/work/pr' });
const INSPECT = ['buildx', 'imagetools', 'inspect', TAG];

/** Records the log and docker's output as one ordered stream of events, to see what ran inside the group. */
function recorder() {
  const events: string[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) events.push(`out ${line.trim()}`);
  });
  const log: BuildLog = {
    async group(name, fn) {
      events.push(`group ${name}`);
      try {
        return await fn();
      } finally {
        events.push('endgroup');
      }
    },
    info: (message) => events.push(`info ${message}`),
  };
  return { events, output, log };
}

let restorePath: () => void;
let fake: FakeDocker | undefined;

beforeAll(() => {
  restorePath = putFakeDockerFirstOnPath();
});
afterAll(() => restorePath());
afterEach(() => {
  fake?.dispose();
  fake = undefined;
});

function setUp(script: FakeDockerScript, overrides: Partial<BuilderSettings> = {}) {
  fake = fakeDocker(script);
  const rec = recorder();
  const builder = new DockerBuilder(
    { ...BASE, ...overrides },
    { env: fake.env, output: rec.output, log: rec.log },
  );
  return { builder, fake, ...rec };
}

test('the fake docker is executable', () => {
  expect(() => accessSync(FAKE_DOCKER, constants.X_OK)).not.toThrow();
});

describe('ensureImage runs docker with the exact argv', () => {
  test('an image that is not in the registry is built and pushed, inside a log group', async () => {
    const { builder, fake, events } = setUp({});
    const result = await builder.ensureImage(REQUEST);
    const argv = buildArgv(BASE, REQUEST);
    expect(result).toEqual<BuildResult>({ image: TAG, built: true, argv });
    expect(fake.calls()).toEqual([INSPECT, argv]);
    expect(argv).toEqual([
      'buildx',
      'build',
      '--push',
      '--platform',
      'linux/amd64',
      '--target',
      'ci',
      '--build-arg',
      'INCLUDE_CHROMIUM=false',
      '--build-arg',
      'LOAD_EXAMPLES_DUCKDB=true',
      '--tag',
      TAG,
      '/work/pr',
    ]);
    const start = events.indexOf(`group Building ${TAG}`);
    const end = events.indexOf('endgroup');
    expect(start).toBeGreaterThan(-1);
    const inGroup = events.slice(start + 1, end);
    expect(inGroup).toContain(`out fake build of ${TAG}`);
    expect(inGroup).toContain(`out #6 pushing ${TAG} done`);
    expect(events.slice(0, start)).toContain(
      `info ${TAG} is not in the registry (inspect exited 1); building it.`,
    );
    // The inspection is silent: its output stays out of the log.
    expect(events.join('\n')).not.toContain('not found');
  });

  test('cache-from reaches buildx as one read-only registry cache per line, and never a --cache-to', async () => {
    const cache = 'ghcr.io/apache/superset-showtime-cache:ci';
    const { builder, fake } = setUp(
      {},
      {
        cacheFrom: `${cache}\n\n  type=registry,ref=apache/superset-cache:3.11-slim  \n`,
        dockerfile: 'Dockerfile',
      },
    );
    await builder.ensureImage({ pr: 7, sha: 'fedcba9' });
    const tag = 'apache/superset:pr-7-fedcba9-ci';
    expect(fake.calls()).toEqual([
      ['buildx', 'imagetools', 'inspect', tag],
      [
        'buildx',
        'build',
        '--push',
        '--platform',
        'linux/amd64',
        '--target',
        'ci',
        '--file',
        '/work/pr/Dockerfile',
        '--build-arg',
        'INCLUDE_CHROMIUM=false',
        '--build-arg',
        'LOAD_EXAMPLES_DUCKDB=true',
        '--cache-from',
        `type=registry,ref=${cache}`,
        '--cache-from',
        'type=registry,ref=apache/superset-cache:3.11-slim',
        '--tag',
        tag,
        '/work/pr',
      ],
    ]);
  });

  test('a PR build with cache-to set is refused before any docker call: it would write what later builds read', async () => {
    const cache = 'ghcr.io/apache/superset-showtime-cache:ci';
    const { builder, fake } = setUp({}, { cacheFrom: cache, cacheTo: cache });
    await expect(builder.ensureImage({ pr: 7, sha: 'fedcba9' })).rejects.toThrow(/`cache-to` is set/);
    expect(fake.calls()).toEqual([]);
  });

  test('a relative context is taken from the working directory, and the dockerfile from the context', async () => {
    const { builder, fake } = setUp({}, { context: 'checkout/pr', dockerfile: 'docker/Dockerfile' });
    const result = await builder.ensureImage(REQUEST);
    const context = path.resolve('checkout/pr');
    const argv = fake.calls()[1] ?? [];
    expect(argv.at(-1)).toBe(context);
    expect(argv[argv.indexOf('--file') + 1]).toBe(path.join(context, 'docker/Dockerfile'));
    expect(result.argv).toEqual(argv);
  });

  test.each([[''], ['  '], ['a\nb']])('a context of %j is refused, not resolved', async (context) => {
    const { builder, fake } = setUp({}, { context });
    await expect(builder.ensureImage(REQUEST)).rejects.toThrow(/`build-context` .* is not an absolute path/);
    expect(fake.calls()).toEqual([]);
  });

  test('an image already in the registry is not built again', async () => {
    const { builder, fake, events } = setUp({ existing: ['apache/superset:other', TAG] });
    await expect(builder.ensureImage(REQUEST)).resolves.toEqual<BuildResult>({
      image: TAG,
      built: false,
      skippedBecause: 'exists',
    });
    expect(fake.calls()).toEqual([INSPECT]);
    expect(events).toEqual([`info ${TAG} is already in the registry; not building it again.`]);
  });

  test('a 7-character SHA names the same image as the full one', async () => {
    const { builder, fake } = setUp({ existing: [TAG] });
    await expect(builder.ensureImage({ pr: 34809, sha: 'abc123f' })).resolves.toMatchObject({
      skippedBecause: 'exists',
    });
    expect(fake.calls()).toEqual([INSPECT]);
  });

  test('force-rebuild builds without looking in the registry', async () => {
    const { builder, fake, events } = setUp({ existing: [TAG] }, { forceRebuild: true });
    const result = await builder.ensureImage(REQUEST);
    expect(result).toEqual<BuildResult>({ image: TAG, built: true, argv: buildArgv(BASE, REQUEST) });
    expect(fake.calls()).toEqual([buildArgv(BASE, REQUEST)]);
    expect(events[0]).toBe(`info Rebuilding ${TAG} without looking in the registry (force-rebuild).`);
  });

  test('existing-image mode runs no docker at all', async () => {
    const image = 'apache/superset:4.1.0';
    const { builder, fake, events } = setUp(
      { existing: [TAG] },
      { existingImage: image, forceRebuild: true },
    );
    await expect(builder.ensureImage(REQUEST)).resolves.toEqual<BuildResult>({
      image,
      built: false,
      skippedBecause: 'existing-image',
    });
    expect(fake.calls()).toEqual([]);
    expect(events).toEqual([`info Using the existing image ${image}; nothing to build.`]);
  });

  test('existing-image mode needs no build settings', async () => {
    const image = `ghcr.io/apache/superset@sha256:${'c'.repeat(64)}`;
    const { builder, fake } = setUp({}, { existingImage: image, imageRepository: '', context: '' });
    await expect(builder.ensureImage(REQUEST)).resolves.toMatchObject({
      image,
      skippedBecause: 'existing-image',
    });
    expect(fake.calls()).toEqual([]);
  });

  test('dry-run runs no docker and says what would have run', async () => {
    const { builder, fake, events } = setUp({}, { dryRun: true, cacheFrom: 'a/cache' });
    const argv = buildArgv({ ...BASE, cacheFrom: 'a/cache' }, REQUEST);
    await expect(builder.ensureImage(REQUEST)).resolves.toEqual<BuildResult>({
      image: TAG,
      built: false,
      skippedBecause: 'dry-run',
      argv,
    });
    expect(fake.calls()).toEqual([]);
    expect(events).toEqual([
      `info Dry run: would check the registry for ${TAG}, then run: docker ${argv.join(' ')}`,
    ]);
  });
});

describe('a failed build', () => {
  test('throws the exit code and the last lines of the combined output', async () => {
    const { builder, fake, events } = setUp({ failBuild: 3, buildLines: 50 });
    const error = await builder.ensureImage(REQUEST).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DockerBuildError);
    const failure = error as DockerBuildError;
    expect(failure.exitCode).toBe(3);
    expect(failure.image).toBe(TAG);
    expect(failure.lastLines).toHaveLength(FAILURE_TAIL_LINES);
    expect(failure.lastLines).not.toContain('#1 step 1 of 50');
    // stdout and stderr arrive through two pipes, so only the order within stderr is certain.
    const stderrTail = failure.lastLines.filter((line) => !line.startsWith('fake build'));
    expect(stderrTail.slice(-3)).toEqual([
      '#49 step 49 of 50',
      '#50 step 50 of 50',
      expect.stringMatching(/^ERROR: failed to solve/),
    ]);
    // The output is the PR's: it stays in the log and never travels with the error into a comment or Slack.
    expect(failure.message).toBe(
      `docker buildx build of ${TAG} failed with exit code 3; its output is in the run's log`,
    );
    for (const line of failure.lastLines) expect(failure.message).not.toContain(line);
    expect(fake.calls()).toEqual([INSPECT, buildArgv(BASE, REQUEST)]);
    // The group is closed even though the build failed.
    expect(events.at(-1)).toBe('endgroup');
  });

  test('with little output, all of it is in the error', async () => {
    const { builder } = setUp({ failBuild: 1, buildLines: 2 });
    await expect(builder.ensureImage(REQUEST)).rejects.toMatchObject({
      exitCode: 1,
      lastLines: expect.arrayContaining([`fake build of ${TAG}`, '#1 step 1 of 2', '#2 step 2 of 2']),
    });
  });
});

describe('workflow commands in the build output', () => {
  test('docker runs between ::stop-commands:: and the resume marker, with a fresh token each build', async () => {
    const { builder, events } = setUp({ buildLines: 2 }, { forceRebuild: true });
    await builder.ensureImage(REQUEST);
    await builder.ensureImage(REQUEST);
    const out = events.filter((event) => event.startsWith('out ')).map((event) => event.slice(4));
    const stops = out.filter((line) => line.startsWith('::stop-commands::'));
    expect(stops).toHaveLength(2);
    const tokens = stops.map((line) => line.slice('::stop-commands::'.length));
    expect(new Set(tokens).size).toBe(2);
    for (const token of tokens) {
      const start = out.indexOf(`::stop-commands::${token}`);
      const end = out.indexOf(`::${token}::`);
      expect(end).toBeGreaterThan(start);
      expect(out.slice(start + 1, end).some((line) => line.startsWith('fake build of'))).toBe(true);
      expect(token).toMatch(/^showtime-[0-9a-f-]{36}$/);
    }
  });
});

describe('bad inputs are refused before any docker call', () => {
  test.each<[string, Partial<BuilderSettings>, BuildRequest, RegExp]>([
    ['bad repository', { imageRepository: 'Apache/Superset' }, REQUEST, /`image-repository`/],
    ['build arg without value', { buildArgs: ['AWS_SECRET_ACCESS_KEY'] }, REQUEST, /`build-args` entry/],
    ['build arg with a newline', { buildArgs: ['A=1\n--push'] }, REQUEST, /on one line/],
    ['any cache-to', { cacheTo: 'type=registry,ref=a/b' }, REQUEST, /`cache-to` is set/],
    ['cache-from of another type', { cacheFrom: 'type=local,src=/tmp' }, REQUEST, /`cache-from` line/],
    [
      'cache-from with a second field',
      { cacheFrom: 'a/b,type=local,src=/tmp' },
      REQUEST,
      /`cache-from` line/,
    ],
    ['a gha cache-from', { cacheFrom: 'type=gha,scope=main' }, REQUEST, /type=gha cache is refused/],
    ['bad target', { target: '--output=type=local,dest=/' }, REQUEST, /`build-target`/],
    ['bad SHA', {}, { pr: 1, sha: 'HEAD' }, /Commit "HEAD"/],
    ['bad PR', {}, { pr: -1, sha: SHA }, /PR number -1/],
    ['bad input even in dry-run', { dryRun: true, platform: 'windows' }, REQUEST, /`platform`/],
    ['bad existing image', { existingImage: 'apache/superset' }, REQUEST, /`existing-image`/],
    [
      'bad request in existing-image mode',
      { existingImage: 'apache/superset:4.1.0' },
      { pr: 1, sha: 'x' },
      /Commit "x"/,
    ],
  ])('%s', async (_name, overrides, request, message) => {
    const { builder, fake } = setUp({}, overrides);
    const error = await builder.ensureImage(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BuilderInputError);
    expect((error as Error).message).toMatch(message);
    expect(fake.calls()).toEqual([]);
  });
});

describe('the default log', () => {
  test('is the workflow log: the build is folded into an Actions group', async () => {
    fake = fakeDocker({});
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      // No output stream either: docker's output goes to the runner's stdout, like the group markers.
      const result = await createDockerBuilder(BASE, { env: fake.env }).ensureImage(REQUEST);
      expect(result.built).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const text = written.join('');
    expect(fake.calls()).toEqual([INSPECT, buildArgv(BASE, REQUEST)]);
    const start = text.indexOf(`::group::Building ${TAG}`);
    const end = text.indexOf('::endgroup::');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(text.slice(start, end)).toContain(`fake build of ${TAG}`);
    expect(text.slice(0, start)).toContain(`${TAG} is not in the registry`);
  });
});

describe('LineTail', () => {
  test('keeps the last lines in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 100 }),
        fc.integer({ min: 1, max: 40 }),
        (lines, size) => {
          const tail = new LineTail(size);
          for (const line of lines) tail.push(line);
          expect(tail.lines()).toEqual(lines.slice(-size));
        },
      ),
    );
  });
});
