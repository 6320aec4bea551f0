// End to end: what an environment owns in AWS besides its service. With image-repository an ECR repository, a stop
// deletes the environment's image tag and its admin password; the password never reaches a label, a comment, a log
// line or the job summary, and the task definition names it only as a secret; the sweep deletes the tags and
// passwords a failed teardown left and reports them.
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ECRClient,
  PutImageCommand,
} from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createdLabel, parseLabel, TRIGGER_START, TRIGGER_STOP } from '../../src/core/labels.js';
import { pullRequestEvent } from '../../test-support/payloads.js';
import type { ActionWorld, StepResult } from '../../test-support/action-world.js';
import { ok } from '../../test-support/e2e-checks.js';
import { FULL, REPO, startActionWorld } from '../../test-support/action-world.js';

const SHA = 'e1e2e3e4e5e60718293a4b5c6d7e8f9012345678';
const SHA7 = SHA.slice(0, 7);
const REPOSITORY_NAME = 'superset-showtime-pr';

let world: ActionWorld;
let ecr: ECRClient;
let ssm: SSMClient;
let repositoryUri = '';
let nextPr = 900;

beforeAll(async () => {
  world = await startActionWorld();
  const config = { region: world.baseInputs['aws-region'], endpoint: world.moto.endpoint };
  ecr = new ECRClient(config);
  ssm = new SSMClient(config);
  const created = await ecr.send(new CreateRepositoryCommand({ repositoryName: REPOSITORY_NAME }));
  repositoryUri = created.repository?.repositoryUri ?? '';
}, 60_000);

afterAll(async () => {
  ecr?.destroy();
  ssm?.destroy();
  await world?.stop();
});

function newPr(): number {
  const number = (nextPr += 1);
  world.github.store.addPull(FULL, { number, headSha: SHA, author: 'writer', labels: [] });
  return number;
}

function labeled(pr: number, label: string) {
  world.github.store.addLabels(FULL, pr, [label]);
  return pullRequestEvent({ action: 'labeled', repo: REPO, pr, headSha: SHA, sender: 'maintainer', label });
}

/** What skopeo's push would have left in ECR (the recording docker pushes nothing). */
async function pushTag(tag: string): Promise<void> {
  await ecr.send(
    new PutImageCommand({
      repositoryName: REPOSITORY_NAME,
      imageTag: tag,
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
      imageManifest: JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          size: 2,
          digest: `sha256:${'c'.repeat(64)}`,
        },
        layers: [],
      }),
    }),
  );
}

async function tags(): Promise<string[]> {
  const found = await ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY_NAME }));
  return (found.imageDetails ?? []).flatMap((image) => image.imageTags ?? []).sort();
}

async function password(name: string): Promise<string | undefined> {
  try {
    return (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter?.Value;
  } catch {
    return undefined;
  }
}

function everythingPublic(pr: number, steps: (StepResult | undefined)[]): string {
  return [
    ...world.labels(pr),
    ...world.github.store.repoLabels(FULL).flatMap((label) => [label.name, label.description ?? '']),
    ...world.github.store.comments(FULL, pr).map((comment) => comment.body),
    ...steps.flatMap((step) => (step ? [step.stdout, step.stderr, step.summary] : [])),
  ].join('\n');
}

describe('AWS resources of an environment, end to end', () => {
  test('a deploy keeps a random admin password out of everything public; a stop deletes it and the image tag', async () => {
    const pr = newPr();
    const inputs = { 'image-repository': repositoryUri };
    const tag = `pr-${pr}-${SHA7}-ci`;
    const start = await world.runMain('pull_request_target', labeled(pr, TRIGGER_START), { inputs });
    expect(ok(start.run).outputs.status).toBe('running');
    const built = world.docker.calls().filter((argv) => argv[1] === 'build');
    expect(built.at(-1)).toEqual(expect.arrayContaining(['--tag', `${repositoryUri}:${tag}`]));
    await pushTag(tag);

    const name = `/showtime/${FULL}/pr-${pr}/${SHA7}`;
    const secret = await password(name);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(everythingPublic(pr, [start.plan, start.run])).not.toContain(secret);

    const services = await world.clients.ecs.send(
      new DescribeServicesCommand({
        cluster: world.baseInputs['ecs-cluster'],
        services: [`pr-${pr}-${SHA7}-service`],
      }),
    );
    const definition = await world.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: services.services?.[0]?.taskDefinition }),
    );
    const container = definition.taskDefinition?.containerDefinitions?.[0];
    expect(container?.secrets).toEqual([{ name: 'ADMIN_PASSWORD', valueFrom: name }]);
    expect(JSON.stringify(definition.taskDefinition)).not.toContain(secret);
    expect(container?.environment?.some((variable) => variable.name === 'ADMIN_PASSWORD')).toBe(false);

    expect(await tags()).toContain(tag);
    const stop = await world.runMain('pull_request_target', labeled(pr, TRIGGER_STOP), { inputs });
    expect(ok(stop.plan).outputs.action).toBe('stop');
    ok(stop.run);
    expect(world.labels(pr)).toEqual([]);
    expect(await tags()).not.toContain(tag);
    expect(await password(name)).toBeUndefined();
    expect(everythingPublic(pr, [stop.plan, stop.run])).not.toContain(secret);
  }, 120_000);

  test("TTL expiry: the sweep's teardown deletes the image tag and the admin password with the service", async () => {
    const pr = newPr();
    const inputs = { 'image-repository': repositoryUri };
    ok((await world.runMain('pull_request_target', labeled(pr, TRIGGER_START), { inputs })).run);
    const tag = `pr-${pr}-${SHA7}-ci`;
    await pushTag(tag);
    const name = `/showtime/${FULL}/pr-${pr}/${SHA7}`;
    expect(await password(name)).toBeDefined();
    for (const label of world.labels(pr)) {
      if (parseLabel(label).kind === 'created') world.github.store.removeLabel(FULL, pr, label);
    }
    world.github.store.addLabels(FULL, pr, [createdLabel(SHA7, new Date(Date.now() - 72 * 3_600_000))]);
    const sweep = ok(await world.runStep('cleanup', 'schedule', { schedule: '*/30 * * * *' }, { inputs }));
    expect(sweep.summary).toContain(SHA7);
    expect(world.labels(pr)).toEqual([]);
    expect(await world.activeServices()).not.toContain(`pr-${pr}-${SHA7}-service`);
    expect(await tags()).not.toContain(tag);
    expect(await password(name)).toBeUndefined();
  }, 120_000);

  test('the sweep keeps an unclaimed tag and password younger than orphan-grace-minutes: a deploy may be writing them', async () => {
    const young = newPr();
    await pushTag(`pr-${young}-${SHA7}-ci`);
    const name = `/showtime/${FULL}/pr-${young}/${SHA7}`;
    await ssm.send(new PutParameterCommand({ Name: name, Value: 'being-deployed', Type: 'SecureString' }));
    const sweep = ok(
      await world.runStep(
        'cleanup',
        'schedule',
        { schedule: '*/30 * * * *' },
        {
          inputs: { 'image-repository': repositoryUri },
        },
      ),
    );
    expect(await tags()).toContain(`pr-${young}-${SHA7}-ci`);
    expect(await password(name)).toBe('being-deployed');
    expect(sweep.summary).not.toContain(`pr-${young}-${SHA7}-ci`);
    // Claimed by nothing and old enough now: the next sweep takes them.
    ok(
      await world.runStep(
        'cleanup',
        'schedule',
        { schedule: '*/30 * * * *' },
        {
          inputs: { 'image-repository': repositoryUri, 'orphan-grace-minutes': '0' },
        },
      ),
    );
    expect(await tags()).not.toContain(`pr-${young}-${SHA7}-ci`);
    expect(await password(name)).toBeUndefined();
  }, 120_000);

  test('the sweep deletes the tags and passwords no environment claims, reports them, and keeps the claimed', async () => {
    const running = newPr();
    const inputs = { 'image-repository': repositoryUri };
    ok((await world.runMain('pull_request_target', labeled(running, TRIGGER_START), { inputs })).run);
    await pushTag(`pr-${running}-${SHA7}-ci`);
    // A teardown whose ECR and SSM calls failed for good: the PR's labels are gone, the tag and password are not.
    const gone = newPr();
    await pushTag(`pr-${gone}-${SHA7}-ci`);
    const leftover = `/showtime/${FULL}/pr-${gone}/${SHA7}`;
    await ssm.send(new PutParameterCommand({ Name: leftover, Value: 'left-behind', Type: 'SecureString' }));

    // A dry run reads what is there and says what it would delete, and deletes nothing.
    const dry = ok(
      await world.runStep(
        'cleanup',
        'schedule',
        { schedule: '*/30 * * * *' },
        {
          inputs: { ...inputs, 'orphan-grace-minutes': '0', 'dry-run-aws': 'true', 'dry-run-github': 'true' },
        },
      ),
    );
    expect(dry.summary).toContain(`pr-${gone}-${SHA7}-ci`);
    expect(dry.summary).toContain(leftover);
    expect(await tags()).toContain(`pr-${gone}-${SHA7}-ci`);
    expect(await password(leftover)).toBe('left-behind');

    const sweep = ok(
      await world.runStep(
        'cleanup',
        'schedule',
        { schedule: '*/30 * * * *' },
        {
          inputs: { ...inputs, 'orphan-grace-minutes': '0' },
        },
      ),
    );
    expect(await tags()).toEqual([`pr-${running}-${SHA7}-ci`]);
    expect(await password(leftover)).toBeUndefined();
    expect(await password(`/showtime/${FULL}/pr-${running}/${SHA7}`)).toBeDefined();
    expect(sweep.summary).toContain(`pr-${gone}-${SHA7}-ci`);
    expect(sweep.summary).toContain(leftover);
    expect(sweep.summary).not.toContain('left-behind');
  }, 120_000);
});
