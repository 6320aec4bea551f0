// End to end: the split form's three bundles (plan, build, deploy) in the order the example workflow runs them,
// against the GitHub emulator, moto, the recording docker (which writes a real OCI archive) and a real OCI registry
// on loopback that skopeo pushes to.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { environmentNames } from '../../src/aws/service-names.js';
import { lockLabel, TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import { inputEnvName, inputsOf } from '../../src/inputs.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';
import { ok, statusComment } from '../../test-support/e2e-checks.js';
import { FAKE_DOCKER } from '../../test-support/fake-docker/index.js';
import { pullRequestEvent } from '../../test-support/payloads.js';

const SHA = 'c3d4e5f60718293a4b5c6d7e8f90123456789abc';
const SHA7 = SHA.slice(0, 7);

let world: ActionWorld;
let nextPr = 300;

beforeAll(async () => {
  world = await startActionWorld({ registry: true });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function host(): string {
  if (world.registry === undefined) throw new Error('the world has no registry');
  return world.registry.host;
}

function newPr(): number {
  const number = (nextPr += 1);
  world.github.store.addPull(FULL, { number, headSha: SHA, author: 'writer', labels: [] });
  return number;
}

function start(pr: number) {
  world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
  return pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha: SHA,
    sender: 'maintainer',
    label: TRIGGER_START,
  });
}

async function deployedImage(pr: number): Promise<string | undefined> {
  const { taskDefinition } = await world.clients.ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: environmentNames(pr, SHA7).family }),
  );
  return taskDefinition?.containerDefinitions?.find((c) => c.name === 'superset')?.image;
}

const builds = () => world.docker.calls().filter((argv) => argv[0] === 'buildx' && argv[1] === 'build');

/** Names a credential could hide under; none may reach the build job. */
const CREDENTIAL =
  /^(GITHUB_TOKEN|GH_TOKEN|INPUT_GITHUB-TOKEN|AWS_.*|ACTIONS_ID_TOKEN_REQUEST_.*|DOCKER_AUTH_CONFIG|REGISTRY_AUTH_FILE|DOCKERHUB_.*)$/;

describe('split form, end to end', () => {
  test('plan → build → deploy: the archive is pushed, read back by digest, and ECS runs exactly that digest', async () => {
    const pr = newPr();
    const before = builds().length;
    const run = await world.runSplit('pull_request_target', start(pr));

    const plan = ok(run.plan);
    expect(plan.outputs['build-needed']).toBe('true');
    expect(plan.outputs['target-sha']).toBe(SHA);
    expect(plan.outputs['image-tag']).toBe(`${host()}/apache/superset:pr-${pr}-${SHA7}-ci`);
    expect(JSON.parse(plan.outputs.plan ?? '{}')).toMatchObject({ version: 2, claim: { sha: SHA } });

    const build = ok(run.build);
    expect(build.outputs['archive-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Number(build.outputs['archive-bytes'])).toBeGreaterThan(1024);
    expect(builds()).toHaveLength(before + 1);
    const argv = builds().at(-1) ?? [];
    expect(argv).toEqual(expect.arrayContaining(['--output', expect.stringMatching(/^type=oci,dest=\//)]));
    expect(argv).not.toContain('--push');
    expect(argv).not.toContain('--cache-to');

    const deploy = ok(run.deploy);
    expect(deploy.outputs.status).toBe('running');
    const image = deploy.outputs.image ?? '';
    const match = /^(.+)@(sha256:[0-9a-f]{64})$/.exec(image);
    expect(match?.[1]).toBe(`${host()}/apache/superset`);
    const digest = match?.[2] ?? '';
    // Read back from the registry by digest: the manifest is there and is what the digest names.
    const stored = await world.registry?.manifest('apache/superset', digest);
    expect(stored?.digest).toBe(digest);
    expect(JSON.parse(stored?.body ?? '{}')).toMatchObject({ schemaVersion: 2, layers: [expect.anything()] });
    expect(await world.registry?.tags('apache/superset')).toContain(`pr-${pr}-${SHA7}-ci`);
    expect(await deployedImage(pr)).toBe(image);
    expect(await world.activeServices()).toContain(`pr-${pr}-${SHA7}-service`);
    expect(world.labels(pr)).toEqual(expect.arrayContaining([`🎪 ${SHA7} 🚦 running`, `🎪 🎯 ${SHA7}`]));
    expect(statusComment(world, pr)).toContain('🟢 running');
  }, 120_000);

  test('a tampered archive (digest mismatch) is refused: nothing pushed, nothing deployed, the PR says failed', async () => {
    const pr = newPr();
    const run = await world.runSplit('pull_request_target', start(pr), {
      onArtifact: (archive) => appendFileSync(archive, Buffer.alloc(512, 0)),
    });
    ok(run.build);
    expect(run.deploy?.code).not.toBe(0);
    expect(`${run.deploy?.stdout}${run.deploy?.stderr}`).toContain('changed after the build');
    expect(await world.activeServices()).not.toContain(`pr-${pr}-${SHA7}-service`);
    expect(await world.registry?.tags('apache/superset')).not.toContain(`pr-${pr}-${SHA7}-ci`);
    expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 failed`);
    // The deploy job released the claim the plan job took: a retry can take the commit again.
    expect(world.github.store.findLabel(FULL, lockLabel(pr, SHA))).toBeUndefined();
    expect(statusComment(world, pr)).toMatch(/failed/i);
  }, 120_000);

  test('a failed build: the deploy job still runs, the PR says failed and the claim is released', async () => {
    const pr = newPr();
    const run = await world.runSplit('pull_request_target', start(pr), {
      buildEnv: { FAKE_DOCKER_FAIL_BUILD: '1' },
    });
    expect(run.build?.code).not.toBe(0);
    expect(run.deploy?.code).not.toBe(0);
    expect(`${run.deploy?.stdout}`).toContain('ended failure');
    expect(await world.activeServices()).not.toContain(`pr-${pr}-${SHA7}-service`);
    expect(world.labels(pr)).toContain(`🎪 ${SHA7} 🚦 failed`);
    expect(world.github.store.findLabel(FULL, lockLabel(pr, SHA))).toBeUndefined();
    expect(statusComment(world, pr)).toMatch(/failed/i);
  }, 120_000);

  test('a stop while the build job runs: the deploy job re-reads the labels and deploys nothing', async () => {
    const pr = newPr();
    const run = await world.runSplit('pull_request_target', start(pr), {
      onArtifact: async () => {
        world.github.store.addLabels(FULL, pr, [TRIGGER_STOP]);
        const stop = pullRequestEvent({
          action: 'labeled',
          repo: REPO,
          pr,
          headSha: SHA,
          sender: 'maintainer',
          label: TRIGGER_STOP,
        });
        ok((await world.runSplit('pull_request_target', stop)).deploy);
      },
    });
    expect(ok(run.deploy).outputs.status).toBe('none');
    expect(await world.activeServices()).not.toContain(`pr-${pr}-${SHA7}-service`);
    expect(world.labels(pr).filter((label) => label.includes(SHA7))).toEqual([]);
  }, 120_000);

  test('the build bundle sees no token, no AWS variable and no registry credential, and neither does docker', async () => {
    const pr = newPr();
    const before = world.docker.environments().length;
    const run = await world.runSplit('pull_request_target', start(pr));
    ok(run.build);
    const seen = world.docker.environments().slice(before);
    expect(seen).toHaveLength(1);
    const names = seen[0] ?? [];
    expect(names.filter((name) => CREDENTIAL.test(name))).toEqual([]);
    // The only inputs docker's environment carries are the build action's own, none of them a token.
    const declared = new Set(inputsOf('build').map((input) => inputEnvName(input.name)));
    expect(names.filter((name) => name.startsWith('INPUT_') && !declared.has(name))).toEqual([]);
    expect([...declared]).not.toContain(inputEnvName('github-token'));
    ok(run.deploy);
  }, 120_000);

  test.each([
    ['GITHUB_TOKEN', { GITHUB_TOKEN: 'ghs_secret' }, undefined],
    ['AWS_ACCESS_KEY_ID', { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, undefined],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc' }, undefined],
    ['registry login', {}, { auths: { 'registry-1.docker.io': { auth: 'dXNlcjpwYXNz' } } }],
  ])(
    'a build job that holds a credential (%s) refuses to build',
    async (what, env, dockerConfig) => {
      const pr = newPr();
      const plan = ok(await world.runStep('plan', 'pull_request_target', start(pr), { action: 'plan' }));
      const extra: Record<string, string> = { ...env };
      if (dockerConfig) {
        const dir = mkdtempSync(path.join(tmpdir(), 'docker-config-'));
        writeFileSync(path.join(dir, 'config.json'), JSON.stringify(dockerConfig));
        extra.DOCKER_CONFIG = dir;
      }
      const before = builds().length;
      const build = await world.runStep(
        'build',
        'pull_request_target',
        {},
        {
          inputs: { plan: plan.outputs.plan ?? '' },
          env: extra,
        },
      );
      expect(build.code).not.toBe(0);
      expect(build.stdout).toContain('credentials it must not hold');
      expect(build.stdout).toContain(what === 'registry login' ? 'registry login in' : what);
      expect(Object.values(env).some((value) => build.stdout.includes(value))).toBe(false);
      expect(builds()).toHaveLength(before);
    },
    60_000,
  );

  test('the build job reads the registry cache of cache-from and is handed no --cache-to', async () => {
    const pr = newPr();
    const cache = 'ghcr.io/apache/superset-showtime-cache:ci';
    const before = builds().length;
    const run = await world.runSplit('pull_request_target', start(pr), { inputs: { 'cache-from': cache } });
    ok(run.build);
    expect(builds()).toHaveLength(before + 1);
    const argv = builds().at(-1) ?? [];
    expect(argv).toEqual(expect.arrayContaining(['--cache-from', `type=registry,ref=${cache}`]));
    expect(argv).not.toContain('--cache-to');
    expect(ok(run.deploy).outputs.status).toBe('running');
  }, 60_000);

  test('the build job refuses cache-to: nothing it writes may be read by a trusted build', async () => {
    const pr = newPr();
    const plan = ok(await world.runStep('plan', 'pull_request_target', start(pr), { action: 'plan' }));
    const before = builds().length;
    const build = await world.runStep(
      'build',
      'pull_request_target',
      {},
      {
        inputs: { plan: plan.outputs.plan ?? '', 'cache-to': 'type=gha' },
      },
    );
    expect(build.code).not.toBe(0);
    expect(build.stdout).toContain('`cache-to` is set');
    expect(builds()).toHaveLength(before);
  }, 60_000);

  test('an image already in the registry skips the build job; the deploy job deploys it by digest', async () => {
    const pr = newPr();
    const tag = `${host()}/apache/superset:pr-${pr}-${SHA7}-ci`;
    const digest = seedImage(tag);
    const before = builds().length;
    const run = await world.runSplit('pull_request_target', start(pr));
    expect(ok(run.plan).outputs['build-needed']).toBe('false');
    expect(run.plan.outputs['image-tag']).toBe('');
    expect(run.build).toBeUndefined();
    expect(builds()).toHaveLength(before);
    const deploy = ok(run.deploy);
    expect(deploy.outputs.image).toBe(`${host()}/apache/superset@${digest}`);
    expect(await deployedImage(pr)).toBe(`${host()}/apache/superset@${digest}`);
    expect(deploy.outputs.status).toBe('running');
  }, 120_000);

  test('a plan record of another version is refused with a message that says what to do', async () => {
    const deploy = await world.runStep(
      'deploy',
      'pull_request_target',
      {},
      {
        inputs: {
          plan: JSON.stringify({ version: 1, decisions: [], commandErrors: [], buildNeeded: false }),
        },
      },
    );
    expect(deploy.code).not.toBe(0);
    expect(deploy.stdout).toContain('version 1; this release reads version 2');
  }, 60_000);
});

/** Pushes an archive the recording docker writes to `tag`, as an earlier run would have; returns its digest. */
function seedImage(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-image-'));
  mkdirSync(dir, { recursive: true });
  const archive = path.join(dir, 'image.oci.tar');
  const env = { ...process.env, FAKE_DOCKER_LOG: path.join(dir, 'calls.jsonl') };
  const built = spawnSync(
    process.execPath,
    [FAKE_DOCKER, 'buildx', 'build', '--output', `type=oci,dest=${archive}`, '--tag', tag, dir],
    { env },
  );
  if (built.status !== 0) throw new Error(`seeding: fake docker exited ${built.status}: ${built.stderr}`);
  const digestFile = path.join(dir, 'digest');
  const pushed = spawnSync('skopeo', [
    'copy',
    '--dest-tls-verify=false',
    '--digestfile',
    digestFile,
    `oci-archive:${archive}`,
    `docker://${tag}`,
  ]);
  if (pushed.status !== 0) throw new Error(`seeding: skopeo exited ${pushed.status}: ${pushed.stderr}`);
  return readFileSync(digestFile, 'utf8').trim();
}
