// The split form's hand-over, piece by piece: the archive build's argv, the deploy job's inputs about the build job,
// the credential check of the build job, the plan record's version, and the registry port against a real registry.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { credentialsIn, sha256File } from '../../src/docker/archive.js';
import { ArchiveDigestMismatch, HandedOverImage } from '../../src/docker/handover.js';
import { isLoopbackRegistry, SKOPEO_MISSING, SkopeoRegistry } from '../../src/docker/registry.js';
import type { Registry } from '../../src/docker/registry.js';
import {
  archiveArgv,
  archiveProblems,
  BuilderInputError,
  builderSettings,
  readHandoverInputs,
} from '../../src/docker/settings.js';
import { buildJobNeeded, planImage } from '../../src/orchestrator/handover.js';
import { readPlanRecord } from '../../src/orchestrator/plan-record.js';
import type { PlanRecord } from '../../src/orchestrator/plan-record.js';
import { PLAN_VERSION } from '../../src/orchestrator/plan-record.js';
import { FAKE_DOCKER } from '../../test-support/fake-docker/index.js';
import { startRegistry } from '../../test-support/registry.js';
import type { LocalRegistry } from '../../test-support/registry.js';

const SHA = 'abc123f0123456789abcdef0123456789abcdef0';
const REQUEST = { pr: 7, sha: SHA };
const BASE = builderSettings({ imageRepository: 'apache/superset', context: '/work/pr' });
const TAG = 'apache/superset:pr-7-abc123f-ci';
const DEST = '/runner/temp/showtime-image/image.oci.tar';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const quiet = { info: () => undefined, warning: () => undefined, error: () => undefined };

describe('archiveArgv', () => {
  test('writes an OCI archive, pushes nothing, names the image inside it', () => {
    expect(archiveArgv(BASE, REQUEST, TAG, DEST)).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64',
      '--target',
      'ci',
      '--build-arg',
      'INCLUDE_CHROMIUM=false',
      '--build-arg',
      'LOAD_EXAMPLES_DUCKDB=true',
      '--output',
      `type=oci,dest=${DEST}`,
      '--tag',
      TAG,
      '/work/pr',
    ]);
  });

  test.each([
    ['cache-to', { cacheTo: 'ghcr.io/apache/superset-cache:pr' }, '`cache-to` is set'],
    ['a gha cache-from', { cacheFrom: 'type=gha' }, 'type=gha cache is refused'],
  ])('refuses %s', (_what, overrides, message) => {
    const problems = archiveProblems({ ...BASE, ...overrides }, REQUEST, TAG, DEST);
    expect(problems.join('\n')).toContain(message);
    expect(() => archiveArgv({ ...BASE, ...overrides }, REQUEST, TAG, DEST)).toThrow(BuilderInputError);
  });

  test.each(['relative/image.tar', '/tmp/a,type=local', '/tmp/a b.tar', '/tmp/"x".tar'])(
    'refuses the archive path %s (it goes into a comma-separated spec)',
    (dest) => {
      expect(archiveProblems(BASE, REQUEST, TAG, dest).join('\n')).toContain('archive path');
    },
  );

  test('a registry cache to read from is fine', () => {
    const argv = archiveArgv(
      { ...BASE, cacheFrom: 'ghcr.io/apache/superset-cache:main' },
      REQUEST,
      TAG,
      DEST,
    );
    expect(argv).toEqual(
      expect.arrayContaining(['--cache-from', 'type=registry,ref=ghcr.io/apache/superset-cache:main']),
    );
  });
});

describe('HandedOverImage', () => {
  // The security invariant of the hand-over: whatever changes an archive's bytes, nothing of it is pushed.
  test('property: an archive changed in any byte is refused and nothing is pushed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flip-'));
    const file = path.join(dir, 'image.oci.tar');
    const original = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256));
    writeFileSync(file, original);
    const reported = await sha256File(file);
    await fc.assert(
      fc.asyncProperty(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const changed = Buffer.from(original);
        changed[at] = (changed[at] ?? 0) ^ flip;
        writeFileSync(file, changed);
        let pushes = 0;
        const registry: Registry = {
          digestOf: async () => ({ found: false, why: 'unused' }),
          pushArchive: async () => {
            pushes += 1;
            return DIGEST;
          },
        };
        const image = new HandedOverImage(
          { imageRepository: 'r/x', archive: file, archiveDigest: reported, buildResult: 'success' },
          registry,
          quiet,
        );
        await expect(image.ensureImage(REQUEST)).rejects.toThrow(ArchiveDigestMismatch);
        expect(pushes).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  test.each([
    ['the plan found it', { knownDigest: DIGEST }, `r/x@${DIGEST}`],
    ['existing-image', { existingImage: 'r/x:4.1.0' }, 'r/x:4.1.0'],
  ])('no archive, %s: deploys %s without pushing', async (_what, extra, expected) => {
    const registry: Registry = {
      digestOf: async () => ({ found: false, why: 'unused' }),
      pushArchive: async () => {
        throw new Error('nothing to push');
      },
    };
    const image = new HandedOverImage(
      { imageRepository: 'r/x', archive: '/nonexistent', buildResult: 'skipped', ...extra },
      registry,
      quiet,
    );
    expect((await image.ensureImage(REQUEST)).image).toBe(expected);
  });
});

describe('readHandoverInputs', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test.each([
    [
      { 'archive-digest': DIGEST, 'build-result': 'success' },
      { archiveDigest: DIGEST, buildResult: 'success' },
    ],
    [{ 'build-result': 'skipped' }, { archiveDigest: undefined, buildResult: 'skipped' }],
    [{}, { archiveDigest: undefined, buildResult: 'skipped' }],
    [{ 'build-result': 'failure' }, { archiveDigest: undefined, buildResult: 'failure' }],
  ])('%j → %j', (values, expected) => {
    expect(readHandoverInputs(read(values))).toEqual(expected);
  });

  test.each([
    [{ 'archive-digest': 'sha256:abc', 'build-result': 'success' }, "input 'archive-digest'"],
    [{ 'build-result': 'passed' }, "input 'build-result'"],
    [{ 'build-result': 'success' }, "'archive-digest' is empty"],
  ])('refuses %j naming the input', (values, message) => {
    expect(() => readHandoverInputs(read(values))).toThrow(message);
  });
});

describe('credentialsIn', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'home-'));
  const clean = { HOME: home, PATH: '/usr/bin', GITHUB_REPOSITORY: 'apache/superset', RUNNER_TEMP: '/tmp' };

  test('a runner-like environment of a contents: read job holds none', () => {
    expect(credentialsIn(clean)).toEqual([]);
  });

  test('property: any AWS_ variable with a value is found, by name only', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9_]{1,20}$/), fc.string({ minLength: 1 }), (suffix, value) => {
        const found = credentialsIn({ ...clean, [`AWS_${suffix}`]: value });
        expect(found).toEqual([`AWS_${suffix}`]);
      }),
    );
  });

  test('a docker config with a login is found; one without is not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docker-config-'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {} }));
    expect(credentialsIn({ ...clean, DOCKER_CONFIG: dir })).toEqual([]);
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ credHelpers: { 'x.ecr.aws': 'ecr-login' } }),
    );
    expect(credentialsIn({ ...clean, DOCKER_CONFIG: dir })).toEqual([`registry login in ${dir}/config.json`]);
  });
});

describe('readPlanRecord', () => {
  const record: PlanRecord = { version: PLAN_VERSION, decisions: [], commandErrors: [], buildNeeded: false };

  test('reads its own version', () => {
    expect(readPlanRecord(JSON.stringify(record), 'input')).toEqual(record);
  });

  test('property: a record of any other version is refused, naming both versions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), (version) => {
        fc.pre(version !== PLAN_VERSION);
        expect(() => readPlanRecord(JSON.stringify({ ...record, version }), "input 'plan'")).toThrow(
          `this release reads version ${PLAN_VERSION}`,
        );
      }),
    );
  });

  test.each(['', 'not json', '[]', '{"version":2}'])('refuses %j', (text) => {
    expect(() => readPlanRecord(text, "input 'plan'")).toThrow("input 'plan'");
  });

  const pull = {
    number: 7,
    headSha: 'a'.repeat(40),
    open: true,
    author: 'writer',
    fromFork: false,
    labels: ['🎪 aaaaaaa 🚦 building'],
    createdAt: '2026-12-01T00:00:00.000Z',
  };

  test('reads the status comment id and the PR snapshot a plan step carries', () => {
    const carried = { ...record, pr: 7, statusCommentId: 12, pull };
    expect(readPlanRecord(JSON.stringify(carried), 'input')).toEqual(carried);
  });

  test.each([
    ['a comment id that is not a positive integer', { statusCommentId: -1 }, 'statusCommentId'],
    ['a comment id as text', { statusCommentId: '12' }, 'statusCommentId'],
    ['a snapshot of another PR', { pull: { ...pull, number: 8 } }, 'pull must be'],
    ['a snapshot with a short SHA', { pull: { ...pull, headSha: 'aaaaaaa' } }, 'pull must be'],
    ['a snapshot whose labels are not text', { pull: { ...pull, labels: [1] } }, 'pull must be'],
    ['a snapshot without a date', { pull: { ...pull, createdAt: 'soon' } }, 'pull must be'],
  ])('refuses %s, naming the field', (_what, extra, field) => {
    expect(() => readPlanRecord(JSON.stringify({ ...record, pr: 7, ...extra }), "input 'plan'")).toThrow(
      field,
    );
  });
});

describe('planImage', () => {
  const claimed: PlanRecord = {
    version: PLAN_VERSION,
    pr: 7,
    decisions: [],
    commandErrors: [],
    buildNeeded: true,
    claim: { sha: SHA, lock: 'lock' },
  };
  const registry = (digest?: string): Registry & { reads: number } => {
    const fake = {
      reads: 0,
      async digestOf() {
        fake.reads += 1;
        return digest ? { found: true as const, digest } : { found: false as const, why: 'absent' };
      },
      async pushArchive() {
        throw new Error('the plan pushes nothing');
      },
    };
    return fake;
  };
  const options = { imageRepository: 'apache/superset', forceRebuild: false };

  test.each([
    ['absent: build', undefined, options, true, 1],
    ['present: no build, digest kept', DIGEST, options, false, 1],
    ['force-rebuild: build without looking', DIGEST, { ...options, forceRebuild: true }, true, 0],
    [
      'existing-image: nothing to build or look up',
      undefined,
      { ...options, existingImage: 'a/b:1' },
      false,
      0,
    ],
  ])('%s', async (_name, digest, given, needed, reads) => {
    const port = registry(digest);
    const planned = await planImage(claimed, given, port, quiet);
    expect(buildJobNeeded(planned)).toBe(needed);
    expect(port.reads).toBe(reads);
    if (digest && reads === 1) expect(planned.image).toEqual({ tag: TAG, digest });
  });

  test('no claim: no image, no lookup', async () => {
    const port = registry();
    expect(await planImage({ ...claimed, claim: undefined }, options, port, quiet)).toEqual({
      ...claimed,
      claim: undefined,
    });
    expect(port.reads).toBe(0);
  });
});

describe('registry port', () => {
  test('without skopeo it says which tool is missing and how to get it', async () => {
    const registry = new SkopeoRegistry({ env: { PATH: '/nonexistent' }, log: quiet });
    await expect(registry.digestOf('apache/superset:1', { anonymous: true })).rejects.toThrow(SKOPEO_MISSING);
  });

  test.each([
    ['127.0.0.1:5000', true],
    ['localhost:5000', true],
    ['127.0.0.1', true],
    ['ghcr.io', false],
    ['127.0.0.1.example.com:5000', false],
    [undefined, false],
  ])('plain HTTP for %s: %s', (domain, allowed) => {
    expect(isLoopbackRegistry(domain)).toBe(allowed);
  });

  describe('against a real registry', () => {
    let local: LocalRegistry;
    beforeAll(async () => {
      local = await startRegistry();
    }, 30_000);
    afterAll(async () => {
      await local?.stop();
    });

    function archive(tag: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), 'archive-'));
      const file = path.join(dir, 'image.oci.tar');
      const result = spawnSync(
        process.execPath,
        [FAKE_DOCKER, 'buildx', 'build', '--output', `type=oci,dest=${file}`, '--tag', tag, dir],
        { env: { ...process.env, FAKE_DOCKER_LOG: path.join(dir, 'log') } },
      );
      if (result.status !== 0) throw new Error(String(result.stderr));
      return file;
    }

    test('push, then read back the same digest; an unknown tag is not found', async () => {
      const registry = new SkopeoRegistry({ insecureLoopback: local.host, log: quiet });
      const tag = `${local.host}/apache/superset:pr-7-abc123f-ci`;
      const digest = await registry.pushArchive(archive(tag), tag);
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((await local.manifest('apache/superset', digest))?.digest).toBe(digest);
      expect(await registry.digestOf(tag, { anonymous: true })).toEqual({ found: true, digest });
      expect(await registry.digestOf(`${local.host}/apache/superset:nope`, { anonymous: true })).toEqual({
        found: false,
        why: 'the registry has no such manifest',
      });
    }, 30_000);

    test('TLS is verified for a host other than the loopback one it was told about', async () => {
      const registry = new SkopeoRegistry({ insecureLoopback: '127.0.0.1:1', log: quiet });
      const lookup = await registry.digestOf(`${local.host}/apache/superset:any`, { anonymous: true });
      expect(lookup).toMatchObject({ found: false, why: expect.stringContaining('did not answer') });
    }, 30_000);

    test('the deploy side refuses an archive that is not the one reported, and pushes nothing', async () => {
      const registry = new SkopeoRegistry({ insecureLoopback: local.host, log: quiet });
      const file = archive('x/y:z');
      const image = new HandedOverImage(
        {
          imageRepository: `${local.host}/apache/tampered`,
          archive: file,
          archiveDigest: DIGEST,
          buildResult: 'success',
        },
        registry,
        quiet,
      );
      await expect(image.ensureImage(REQUEST)).rejects.toThrow(ArchiveDigestMismatch);
      expect(await local.tags('apache/tampered')).toEqual([]);
      const right = new HandedOverImage(
        {
          imageRepository: `${local.host}/apache/tampered`,
          archive: file,
          archiveDigest: await sha256File(file),
          buildResult: 'success',
        },
        registry,
        quiet,
      );
      expect((await right.ensureImage(REQUEST)).image).toMatch(/@sha256:[0-9a-f]{64}$/);
      expect(await local.tags('apache/tampered')).toEqual(['pr-7-abc123f-ci']);
    }, 30_000);
  });
});
