import fc from 'fast-check';
import {
  BuilderInputError,
  DEFAULT_BUILDER_SETTINGS,
  buildArgv,
  buildProblems,
  builderSettings,
  existingImageProblems,
  imageTag,
  inspectArgv,
} from '../../src/docker/settings.js';
import type { BuildRequest, BuilderSettings } from '../../src/docker/settings.js';

const SHA = 'abc123f0123456789abcdef0123456789abcdef0';
const REQUEST: BuildRequest = { pr: 34809, sha: SHA };
const BASE = builderSettings({ imageRepository: 'apache/superset', context: '/work/pr' });
const TAG = 'apache/superset:pr-34809-abc123f-ci';

describe('builderSettings', () => {
  test('fills the defaults of the Superset CI image', () => {
    expect(BASE).toEqual({
      imageRepository: 'apache/superset',
      context: '/work/pr',
      target: 'ci',
      buildArgs: ['INCLUDE_CHROMIUM=false', 'LOAD_EXAMPLES_DUCKDB=true'],
      platform: 'linux/amd64',
      forceRebuild: false,
      dryRun: false,
    });
  });

  test('overrides win, and the defaults are not shared between settings', () => {
    const settings = builderSettings(
      { imageRepository: 'a/b', context: '/c' },
      { target: 'lean', buildArgs: ['X=1'], dryRun: true },
    );
    expect(settings).toMatchObject({
      target: 'lean',
      buildArgs: ['X=1'],
      dryRun: true,
      platform: 'linux/amd64',
    });
    (builderSettings({ imageRepository: 'a/b', context: '/c' }).buildArgs as string[]).push('MUTATED=1');
    expect(DEFAULT_BUILDER_SETTINGS.buildArgs).toEqual([
      'INCLUDE_CHROMIUM=false',
      'LOAD_EXAMPLES_DUCKDB=true',
    ]);
  });
});

describe('imageTag', () => {
  test.each([
    [{ pr: 34809, sha: SHA }, 'apache/superset:pr-34809-abc123f-ci'],
    [{ pr: 1, sha: 'abc123f' }, 'apache/superset:pr-1-abc123f-ci'],
  ])('%j → %s', (request, tag) => {
    expect(imageTag('apache/superset', request)).toBe(tag);
  });
});

describe('buildArgv', () => {
  test.each<[string, Partial<BuilderSettings>, string[]]>([
    [
      'defaults',
      {},
      [
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
      ],
    ],
    [
      'dockerfile, cache, own build args and platforms',
      {
        dockerfile: 'docker/Dockerfile.ci',
        cacheFrom: 'ghcr.io/apache/superset-cache:showtime',
        buildArgs: ['PY_VER=3.11', 'EMPTY=', 'SPACED=a b = c'],
        platform: 'linux/amd64,linux/arm64/v8',
        target: 'lean',
      },
      [
        'buildx',
        'build',
        '--push',
        '--platform',
        'linux/amd64,linux/arm64/v8',
        '--target',
        'lean',
        '--file',
        '/work/pr/docker/Dockerfile.ci',
        '--build-arg',
        'PY_VER=3.11',
        '--build-arg',
        'EMPTY=',
        '--build-arg',
        'SPACED=a b = c',
        '--cache-from',
        'type=registry,ref=ghcr.io/apache/superset-cache:showtime',
        '--tag',
        TAG,
        '/work/pr',
      ],
    ],
    [
      'build args as a record, a registry cache spec and a reference, one per line',
      {
        buildArgs: { PY_VER: '3.11', EMPTY: '' },
        cacheFrom: 'type=registry,ref=ghcr.io/a/cache:x\nghcr.io/a/cache:y',
      },
      [
        'buildx',
        'build',
        '--push',
        '--platform',
        'linux/amd64',
        '--target',
        'ci',
        '--build-arg',
        'PY_VER=3.11',
        '--build-arg',
        'EMPTY=',
        '--cache-from',
        'type=registry,ref=ghcr.io/a/cache:x',
        '--cache-from',
        'type=registry,ref=ghcr.io/a/cache:y',
        '--tag',
        TAG,
        '/work/pr',
      ],
    ],
    [
      'absolute dockerfile, cache-from only, no build args',
      { dockerfile: '/opt/Dockerfile', cacheFrom: 'apache/superset-cache', buildArgs: [] },
      [
        'buildx',
        'build',
        '--push',
        '--platform',
        'linux/amd64',
        '--target',
        'ci',
        '--file',
        '/opt/Dockerfile',
        '--cache-from',
        'type=registry,ref=apache/superset-cache',
        '--tag',
        TAG,
        '/work/pr',
      ],
    ],
  ])('%s', (_name, overrides, argv) => {
    expect(buildArgv({ ...BASE, ...overrides }, REQUEST)).toEqual(argv);
  });

  test('inspectArgv asks the registry about one image', () => {
    expect(inspectArgv(TAG)).toEqual(['buildx', 'imagetools', 'inspect', TAG]);
  });
});

describe('bad settings are refused with the input name and the accepted form', () => {
  test.each<[string, Partial<BuilderSettings>, RegExp]>([
    [
      'uppercase repository',
      { imageRepository: 'Apache/Superset' },
      /`image-repository` "Apache\/Superset" is not an image repository without tag/,
    ],
    [
      'repository with a tag',
      { imageRepository: 'apache/superset:latest' },
      /`image-repository` .* without tag/,
    ],
    ['repository that is a flag', { imageRepository: '--output=type=local' }, /`image-repository`/],
    ['relative context', { context: 'pr' }, /`build-context` "pr" is not an absolute path/],
    ['context with a newline', { context: '/work/pr\n--push' }, /`build-context` .* on one line/],
    ['remote context', { context: 'https://github.com/apache/superset.git' }, /not an absolute path/],
    ['empty dockerfile', { dockerfile: ' ' }, /`dockerfile` " " is not a path on one line/],
    ['dockerfile with a newline', { dockerfile: 'Dockerfile\nx' }, /`dockerfile`/],
    [
      'target that is a flag',
      { target: '--no-cache' },
      /`build-target` "--no-cache" is not a Dockerfile stage name/,
    ],
    ['empty target', { target: '' }, /`build-target`/],
    [
      'platform with spaces',
      { platform: 'linux/amd64 --push' },
      /`platform` .* is not os\/arch\[\/variant\]/,
    ],
    ['empty platform', { platform: '' }, /`platform`/],
    [
      'build arg without value',
      { buildArgs: ['GITHUB_TOKEN'] },
      /`build-args` entry "GITHUB_TOKEN" is not KEY=VALUE/,
    ],
    [
      'build arg with a bad key',
      { buildArgs: ['1X=1'] },
      /`build-args` entry "1X=1" .*\[A-Za-z_\]\[A-Za-z0-9_\]\*/,
    ],
    ['build arg with a dash key', { buildArgs: ['--push=1'] }, /`build-args` entry "--push=1"/],
    ['build arg with an empty key', { buildArgs: ['=1'] }, /`build-args` entry "=1"/],
    [
      'build arg with a newline',
      { buildArgs: ['A=1\nB=2'] },
      /`build-args` entry "A=1\\nB=2" is not KEY=VALUE on one line/,
    ],
    ['build arg with a carriage return', { buildArgs: ['A=1\r'] }, /`build-args` entry/],
    ['build arg with a NUL', { buildArgs: ['A=1\u0000'] }, /`build-args` entry/],
    ['build arg given twice', { buildArgs: ['A=1', 'A=2'] }, /`build-args` sets A twice/],
    ['very long bad build arg is shortened', { buildArgs: ['-'.repeat(500)] }, /"-{79}…"/],
    [
      'cache-from with injected options',
      { cacheFrom: 'a/b,type=local,dest=/' },
      /`cache-from` line .* is not one registry cache per line: an image reference for the registry cache/,
    ],
    [
      'cache spec of a local directory',
      { cacheFrom: 'type=local,src=/etc' },
      /`cache-from` line .*type=registry,ref=/,
    ],
    ['cache spec with a bad ref', { cacheFrom: 'type=registry,ref=A/B' }, /`cache-from` line/],
    ['cache spec without a ref', { cacheFrom: 'type=registry,mode=max' }, /`cache-from` line/],
    ['cache spec with another field', { cacheFrom: 'type=registry,ref=a/b,mode=max' }, /`cache-from` line/],
    ['cache spec with a key twice', { cacheFrom: 'type=registry,type=local' }, /`cache-from` line/],
    ['cache spec with spaces', { cacheFrom: 'type=registry,ref=a b' }, /`cache-from` line/],
    ['cache spec with an empty part', { cacheFrom: 'type=registry,,ref=a/b' }, /`cache-from` line/],
    ['a gha cache', { cacheFrom: 'type=gha,scope=a' }, /type=gha cache is refused/],
    ['a good line and a bad one', { cacheFrom: 'a/b:c\ntype=local,src=/' }, /`cache-from` line "type=local/],
    ['any cache-to', { cacheTo: 'ghcr.io/a/cache:x' }, /`cache-to` is set: every build this action runs/],
    ['build arg record with a bad key', { buildArgs: { 'A-B': '1' } }, /`build-args` entry "A-B=1"/],
    ['cache-from with a digest', { cacheFrom: `a/b@sha256:${'0'.repeat(64)}` }, /`cache-from`/],
  ])('%s', (_name, overrides, message) => {
    const settings = { ...BASE, ...overrides };
    const problems = buildProblems(settings, REQUEST);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(() => buildArgv(settings, REQUEST)).toThrow(BuilderInputError);
  });

  test.each<[string, BuildRequest, RegExp]>([
    ['PR zero', { pr: 0, sha: SHA }, /PR number 0 is not a positive integer/],
    ['PR fraction', { pr: 1.5, sha: SHA }, /PR number 1.5/],
    ['PR NaN', { pr: Number.NaN, sha: SHA }, /PR number NaN/],
    ['short SHA', { pr: 1, sha: 'abc12' }, /Commit "abc12" is not 7 or 40 lowercase hexadecimal/],
    ['uppercase SHA', { pr: 1, sha: 'ABC123F' }, /Commit "ABC123F"/],
    ['SHA that is a flag', { pr: 1, sha: '--push' }, /Commit "--push"/],
  ])('request: %s', (_name, request, message) => {
    expect(buildProblems(BASE, request)).toEqual([expect.stringMatching(message)]);
    expect(existingImageProblems('apache/superset:4.1.0', request)).toEqual([expect.stringMatching(message)]);
  });

  test('every problem is reported at once, in the error message too', () => {
    const settings = { ...BASE, imageRepository: 'X', target: '', buildArgs: ['bad'] };
    const problems = buildProblems(settings, { pr: 0, sha: 'x' });
    expect(problems).toHaveLength(5);
    let thrown: unknown;
    try {
      buildArgv(settings, { pr: 0, sha: 'x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BuilderInputError);
    expect((thrown as BuilderInputError).problems).toEqual(problems);
    for (const problem of problems) expect((thrown as Error).message).toContain(`- ${problem}`);
  });

  test.each([['apache/superset'], ['apache/superset:'], ['not an image'], ['']])(
    'existing-image %j must name a tag or a digest',
    (image) => {
      expect(existingImageProblems(image, REQUEST)).toEqual([
        expect.stringMatching(/^`existing-image` .* is not an image reference with a tag or a digest/),
      ]);
    },
  );

  test.each([['apache/superset:4.1.0'], [`ghcr.io/apache/superset@sha256:${'f'.repeat(64)}`]])(
    'existing-image %s is accepted',
    (image) => {
      expect(existingImageProblems(image, REQUEST)).toEqual([]);
    },
  );
});

describe('buildArgv properties', () => {
  const FLAGS_WITH_VALUES = new Set([
    '--platform',
    '--target',
    '--file',
    '--build-arg',
    '--cache-from',
    '--cache-to',
    '--tag',
  ]);
  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('--push', '-x', 'A', 'A=-x', 'a b', 'x\ny', '/abs\n--push'),
  );
  /** Mostly valid values, so that whole settings are often valid, and now and then anything at all. */
  const field = (...valid: string[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 6 }, { arbitrary: text, weight: 1 });
  const optional = (...valid: string[]) => fc.option(field(...valid), { nil: undefined });
  const settings = fc.record({
    imageRepository: field('apache/superset', 'ghcr.io/a/b', 'localhost:5000/x'),
    context: field('/abs', '/work/pr', '/-dash'),
    dockerfile: optional('Dockerfile', '-f', '../x', '/abs/Dockerfile'),
    target: field('ci', 'lean', 'dev.1'),
    buildArgs: fc.array(field('A=1', 'B=-x', 'C=', 'D=a b'), { maxLength: 3 }),
    platform: field('linux/amd64', 'linux/arm64/v8,linux/amd64'),
    cacheFrom: optional('a/cache:tag', 'ghcr.io/a/cache'),
    cacheTo: optional('a/cache:tag'),
  });

  test('whatever the inputs, either they are refused or every value is one argv entry that is not a flag', () => {
    let accepted = 0;
    const sha = field('abc123f', SHA);
    fc.assert(
      fc.property(settings, fc.integer({ min: -1, max: 99999 }), sha, (partial, pr, sha) => {
        const full: BuilderSettings = { ...partial, forceRebuild: false, dryRun: false };
        const request = { pr, sha };
        if (buildProblems(full, request).length > 0) {
          expect(() => buildArgv(full, request)).toThrow(BuilderInputError);
          return;
        }
        accepted++;
        const argv = buildArgv(full, request);
        expect(argv.slice(0, 3)).toEqual(['buildx', 'build', '--push']);
        // A PR build reads a cache and never writes one.
        expect(argv).not.toContain('--cache-to');
        const options = argv.slice(3, -1);
        for (let i = 0; i < options.length; i += 2) {
          expect(FLAGS_WITH_VALUES.has(options[i] ?? '')).toBe(true);
          expect(options[i + 1]?.startsWith('-')).toBe(false);
          expect(options[i + 1]).not.toMatch(/[\r\n]/);
        }
        expect(argv.at(-1)).toBe(full.context);
        expect(argv.at(-2)).toBe(imageTag(full.imageRepository, request));
      }),
      { numRuns: 3000 },
    );
    // The property says nothing unless some random settings were valid.
    expect(accepted).toBeGreaterThan(0);
  });

  test('valid build args reach docker exactly as given, in order', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
    const value = fc.string({ unit: 'binary', maxLength: 20 }).filter((v) => !/[\r\n\0\u2028\u2029]/.test(v));
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 5 }),
        fc.array(value, { minLength: 5, maxLength: 5 }),
        (keys, values) => {
          const buildArgs = keys.map((k, i) => `${k}=${values[i] ?? ''}`);
          const argv = buildArgv({ ...BASE, buildArgs }, REQUEST);
          const given = argv.flatMap((entry, i) => (argv[i - 1] === '--build-arg' ? [entry] : []));
          expect(given).toEqual(buildArgs);
        },
      ),
    );
  });
});
