// The ECR and SSM adapters against moto: tag deletion leaves an image another tag holds, a tag whose image another
// PR's live environment may run by digest is kept, admin passwords are SecureStrings under the repository's path,
// and the cleanup role of aws/showtime-stack.yml allows exactly the calls a sweep's adapters send.
import { readFileSync } from 'node:fs';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { AllocateAddressCommand, AssociateAddressCommand } from '@aws-sdk/client-ec2';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseDocument } from 'yaml';
import { createEcsBackend, createEcsClients } from '../../src/aws/ecs.js';
import type { EcsClients } from '../../src/aws/ecs.js';
import { EcrImageStore, parseEcrRepository, resolveEcrRepositoryUri } from '../../src/aws/ecr.js';
import { createElbRouter } from '../../src/aws/elb.js';
import { createLoadBalancerWorld } from '../../test-support/alb-standin.js';
import { resolveEcsSettings } from '../../src/aws/settings.js';
import { environmentNames } from '../../src/aws/service-names.js';
import { SsmPasswordStore, passwordName } from '../../src/aws/ssm.js';
import { environmentTags } from '../../src/aws/tags.js';
import { loadTaskDefinitionTemplate } from '../../src/aws/task-definition.js';
import type { Deps } from '../../src/orchestrator/context.js';
import { deleteEnvironmentImage, environmentImageTag } from '../../src/orchestrator/images.js';
import {
  createTestClients,
  createTestNetwork,
  keepEcsTasksRunning,
  MOTO_CREDENTIALS,
  startMoto,
} from '../../test-support/moto.js';
import type { MotoServer } from '../../test-support/moto.js';

const REGION = 'us-west-2';
const CLUSTER = 'showtime-registry';
const REPO = { owner: 'apache', repo: 'superset' };

let moto: MotoServer;
let ecr: ECRClient;
let ssm: SSMClient;
let clients: EcsClients;
let network: { subnet: string; securityGroup: string };
let counter = 0;

beforeAll(async () => {
  moto = await startMoto();
  for (const [key, value] of Object.entries(MOTO_CREDENTIALS)) process.env[key] ??= value;
  const config = { region: REGION, endpoint: moto.endpoint };
  ecr = new ECRClient(config);
  ssm = new SSMClient(config);
  clients = createEcsClients(config);
  network = await createTestNetwork(createTestClients(config), CLUSTER);
}, 30_000);

afterAll(async () => {
  ecr?.destroy();
  ssm?.destroy();
  await moto?.stop();
});

async function newRepository(): Promise<EcrImageStore> {
  const name = `showtime-test-${(counter += 1)}`;
  const created = await ecr.send(new CreateRepositoryCommand({ repositoryName: name }));
  const target = parseEcrRepository(created.repository?.repositoryUri ?? '');
  expect(target).toMatchObject({ region: REGION, name });
  return new EcrImageStore(ecr, target!);
}

/** A real (tiny) image manifest; the same manifest under two tags is one image with two tags. */
function manifest(seed: string): string {
  const digest = (c: string) => `sha256:${c.repeat(64).slice(0, 64)}`;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: digest(seed) },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 32, digest: digest('e') }],
  });
}

async function push(store: EcrImageStore, tag: string, seed = 'a'): Promise<void> {
  const name = store.repository.split('/').slice(1).join('/');
  await ecr.send(
    new PutImageCommand({
      repositoryName: name,
      imageTag: tag,
      imageManifest: manifest(seed),
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    }),
  );
}

function ecsBackend(passwords?: SsmPasswordStore) {
  return createEcsBackend(
    resolveEcsSettings({
      region: REGION,
      cluster: CLUSTER,
      subnets: [network.subnet],
      securityGroups: [network.securityGroup],
      assignPublicIp: true,
      taskDefinitionTemplate: loadTaskDefinitionTemplate(undefined),
      containerName: 'superset',
      containerPort: 8080,
      endpoint: moto.endpoint,
    }),
    { clients, passwords },
  );
}

/** A running task of the environment's service with public IP `ip` (the scheduler stand-in's part, done by hand). */
async function runServiceTask(pr: number, sha7: string, ip: string): Promise<{ serviceName: string }> {
  const names = environmentNames(pr, sha7);
  await keepEcsTasksRunning(moto.endpoint);
  const service = (
    await clients.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [names.primary] }))
  ).services?.[0];
  const run = await clients.ecs.send(
    new RunTaskCommand({
      cluster: CLUSTER,
      taskDefinition: service?.taskDefinition,
      launchType: 'FARGATE',
      group: `service:${names.primary}`,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [network.subnet], securityGroups: [network.securityGroup] },
      },
    }),
  );
  const eni = run.tasks?.[0]?.attachments?.[0]?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
  const { ec2 } = createTestClients({ region: REGION, endpoint: moto.endpoint });
  const allocation = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', Address: ip }));
  await ec2.send(
    new AssociateAddressCommand({ AllocationId: allocation.AllocationId, NetworkInterfaceId: eni }),
  );
  return { serviceName: names.primary };
}

/** What a deploy leaves in ECS for PR `pr` at `sha7`: a tagged service (desiredCount 0: nothing runs it). */
async function createService(pr: number, sha7: string): Promise<void> {
  const names = environmentNames(pr, sha7);
  const registered = await clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: names.family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'superset', image: 'example/superset:seed', memory: 512 }],
    }),
  );
  const tags = environmentTags({ pr, sha7, requester: 'maintainer', createdAt: new Date() });
  await clients.ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: names.primary,
      taskDefinition: registered.taskDefinition?.taskDefinitionArn,
      desiredCount: 0,
      launchType: 'FARGATE',
      tags,
    }),
  );
}

function depsWith(images: EcrImageStore): Deps {
  return { images, ecs: ecsBackend() } as unknown as Deps;
}

describe('EcrImageStore', () => {
  test('parses ECR repository URIs and nothing else', () => {
    expect(parseEcrRepository('123456789012.dkr.ecr.eu-west-1.amazonaws.com/a/b')).toEqual({
      registryId: '123456789012',
      region: 'eu-west-1',
      name: 'a/b',
    });
    for (const other of ['apache/superset', 'ghcr.io/apache/superset', '12.dkr.ecr.x.amazonaws.com/a']) {
      expect(parseEcrRepository(other)).toBeUndefined();
    }
  });

  test('deleting one tag of an image that carries two leaves the image under the other', async () => {
    const store = await newRepository();
    await push(store, 'pr-1-abc1234-ci');
    await push(store, 'pr-2-abc1234-ci');
    const found = await store.findTag('pr-1-abc1234-ci');
    expect(found?.tags.sort()).toEqual(['pr-1-abc1234-ci', 'pr-2-abc1234-ci']);
    expect(await store.deleteTag('pr-1-abc1234-ci')).toBe('deleted');
    expect(await store.findTag('pr-1-abc1234-ci')).toBeUndefined();
    expect((await store.findTag('pr-2-abc1234-ci'))?.digest).toBe(found?.digest);
    expect(await store.deleteTag('pr-1-abc1234-ci')).toBe('already-gone');
  });

  test('lists every tag of every tagged image', async () => {
    const store = await newRepository();
    await push(store, 'pr-3-0000003-ci', 'b');
    await push(store, 'pr-4-0000004-ci', 'c');
    await push(store, 'pr-5-0000004-ci', 'c');
    const listed = await store.listTagged();
    expect(listed.map((image) => image.tag).sort()).toEqual([
      'pr-3-0000003-ci',
      'pr-4-0000004-ci',
      'pr-5-0000004-ci',
    ]);
    expect(listed.every((image) => image.pushedAt instanceof Date)).toBe(true);
  });

  test('an empty image-repository resolves to the repository of the account, by name', async () => {
    const store = await newRepository();
    const name = store.repository.split('/').slice(1).join('/');
    await expect(resolveEcrRepositoryUri(ecr, name)).resolves.toBe(store.repository);
    await expect(resolveEcrRepositoryUri(ecr, 'superset-showtime-missing')).rejects.toThrow(
      /input 'image-repository' is empty.*superset-showtime-missing.*ImageRepositoryUri/,
    );
  });
});

describe('deleteEnvironmentImage (teardown)', () => {
  test("deletes the environment's tag", async () => {
    const store = await newRepository();
    await push(store, environmentImageTag(11, 'd11d11d'));
    const result = await deleteEnvironmentImage(depsWith(store), 11, 'd11d11d');
    expect(result).toEqual({ deleted: [expect.stringContaining(':pr-11-d11d11d-ci')], kept: [], failed: [] });
    expect(await store.listTagged()).toEqual([]);
  });

  test("keeps the last tag of an image while another PR's live environment runs the same commit", async () => {
    const store = await newRepository();
    await push(store, environmentImageTag(12, 'e12e12e'));
    await createService(13, 'e12e12e');
    const result = await deleteEnvironmentImage(depsWith(store), 12, 'e12e12e');
    expect(result.deleted).toEqual([]);
    expect(result.kept).toEqual([expect.stringMatching(/pr-12-e12e12e-ci: #13 runs the same commit/)]);
    expect((await store.listTagged()).map((image) => image.tag)).toEqual(['pr-12-e12e12e-ci']);
  });

  test('a repository that does not exist holds nothing to delete', async () => {
    const missing = new EcrImageStore(ecr, { registryId: '123456789012', region: REGION, name: 'nope' });
    expect(await deleteEnvironmentImage(depsWith(missing), 14, 'f14f14f')).toEqual({
      deleted: [],
      kept: [],
      failed: [],
    });
    expect(await missing.listTagged()).toEqual([]);
  });

  test('a registry that cannot be reached is a reported failure, not a throw', async () => {
    const unreachable = new ECRClient({ region: REGION, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    const store = new EcrImageStore(unreachable, { registryId: '123456789012', region: REGION, name: 'x' });
    const result = await deleteEnvironmentImage(depsWith(store), 15, 'f15f15f');
    expect(result.deleted).toEqual([]);
    expect(result.failed).toEqual([
      { resource: expect.stringContaining('pr-15-f15f15f-ci'), error: expect.any(String) },
    ]);
    unreachable.destroy();
  });
});

describe('SsmPasswordStore', () => {
  test('writes a random SecureString per environment under the repository path, lists and deletes it', async () => {
    const store = new SsmPasswordStore(ssm, REPO);
    const name = await store.create(21, 'a21a21a');
    expect(name).toBe('/showtime/apache/superset/pr-21/a21a21a');
    await store.create(22, 'b22b22b');
    const parameter = (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true })))
      .Parameter;
    expect(parameter?.Type).toBe('SecureString');
    expect(parameter?.Value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(parameter?.Value).not.toBe('admin');
    const other = (
      await ssm.send(
        new GetParameterCommand({ Name: passwordName(REPO, 22, 'b22b22b'), WithDecryption: true }),
      )
    ).Parameter;
    expect(other?.Value).not.toBe(parameter?.Value);
    // Another repository's parameters and names the action does not give are not its to list.
    await ssm.send(
      new PutParameterCommand({ Name: '/showtime/apache/other/pr-21/a21a21a', Value: 'x', Type: 'String' }),
    );
    await ssm.send(
      new PutParameterCommand({ Name: '/showtime/apache/superset/notes', Value: 'x', Type: 'String' }),
    );
    const listed = await store.list();
    expect(listed.map((p) => [p.pr, p.sha7]).sort()).toEqual([
      [21, 'a21a21a'],
      [22, 'b22b22b'],
    ]);
    expect(await store.delete(21, 'a21a21a')).toBe('deleted');
    expect(await store.delete(21, 'a21a21a')).toBe('already-gone');
    expect((await store.list()).map((p) => p.pr)).toEqual([22]);
  });

  test('a deploy without an execution role is refused before anything is written: ECS reads secrets with it', async () => {
    const passwords = new SsmPasswordStore(ssm, REPO);
    await expect(
      ecsBackend(passwords).createEnvironment({
        pr: 24,
        sha: 'd24d24d',
        image: 'example/superset:pr-24',
        requester: 'maintainer',
        config: { flags: {}, debug: false },
        size: 'small',
        createdAt: new Date(),
      }),
    ).rejects.toMatchObject({ stage: 'validate', message: expect.stringMatching(/'execution-role-arn'/) });
    expect((await passwords.list()).some((p) => p.pr === 24)).toBe(false);
  });

  test("the ECS teardown deletes the environment's password with its service", async () => {
    const passwords = new SsmPasswordStore(ssm, REPO);
    await passwords.create(23, 'c23c23c');
    await createService(23, 'c23c23c');
    const report = await ecsBackend(passwords).deleteEnvironment(23, 'c23c23c');
    expect(report.failed).toEqual([]);
    expect(report.deleted).toContain('parameter/showtime/apache/superset/pr-23/c23c23c');
    expect((await passwords.list()).some((p) => p.pr === 23)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The cleanup role: exactly what a sweep sends.

type Node = Record<string, unknown>;

function cleanupRoleActions(): string[] {
  const template = parseDocument(readFileSync('aws/showtime-stack.yml', 'utf8')).toJS() as Node;
  const role = (template.Resources as Record<string, { Properties: Node }>).CleanupRole?.Properties ?? {};
  const policies = (role.Policies ?? []) as {
    PolicyDocument: { Statement: { Action: string | string[] }[] };
  }[];
  return policies
    .flatMap((p) => p.PolicyDocument.Statement)
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .sort();
}

/** Records the IAM action of every command a client sends. */
function record(
  client: { middlewareStack: ECRClient['middlewareStack'] },
  prefix: string,
  sent: Set<string>,
) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.add(`${prefix}:${String(context.commandName).replace(/Command$/, '')}`);
      return next(args);
    },
    { step: 'initialize', name: `record-${prefix}` },
  );
}

test('the cleanup role allows exactly the calls of the adapter methods a sweep uses, and none that creates', async () => {
  const sent = new Set<string>();
  const config = { region: REGION, endpoint: moto.endpoint };
  const sweepClients = createEcsClients(config);
  const sweepEcr = new ECRClient(config);
  const sweepSsm = new SSMClient(config);
  record(sweepClients.ecs as never, 'ecs', sent);
  record(sweepEcr as never, 'ecr', sent);
  record(sweepSsm as never, 'ssm', sent);

  const setupImages = await newRepository();
  await push(setupImages, environmentImageTag(31, 'a31a31a'), 'd');
  await new SsmPasswordStore(ssm, REPO).create(31, 'a31a31a');
  await createService(31, 'a31a31a');

  const images = new EcrImageStore(sweepEcr, parseEcrRepository(setupImages.repository)!);
  const passwords = new SsmPasswordStore(sweepSsm, REPO);
  const ecs = createEcsBackend(ecsBackend().settings, { clients: sweepClients, passwords });
  // A task of the service with a public IP, as Fargate would run it: the address refresh reads it.
  const task = await runServiceTask(31, 'a31a31a', '127.0.0.31');
  // Step 2 of a sweep (with the task addresses), the sleep schedule, a stop or an orphan's deletion, then the
  // leftovers step.
  const listed = await ecs.listManagedServices();
  expect((await ecs.currentAddresses(listed)).get(task.serviceName)?.host).toBe('127.0.0.31');
  await ecs.sleepEnvironment(31, 'a31a31a');
  expect((await ecs.deleteEnvironment(31, 'a31a31a')).failed).toEqual([]);
  // The signed Query API calls (EC2, ELB) do not pass the SDK's middleware: the adapters count them.
  for (const key of Object.keys(ecs.apiCalls())) if (key.startsWith('EC2:')) sent.add(`ec2:${key.slice(4)}`);
  // Load-balancer mode: the sweep's listing of rules and target groups, and the deletion of leftovers.
  const world = await createLoadBalancerWorld(createTestClients(config), {
    domain: 'sweep.example.org',
    region: REGION,
  });
  const elbSettings = {
    listenerArn: world.listenerArn,
    domain: 'sweep.example.org',
    vpcId: world.vpcId,
    containerPort: 8080,
    healthCheckPath: '/health',
  };
  const setup = createElbRouter(clients.ecs, elbSettings);
  const group = await setup.ensureTargetGroup({
    pr: 31,
    sha7: 'a31a31a',
    requester: 'x',
    createdAt: new Date(),
  });
  await setup.route({ pr: 31 }, group);
  const router = createElbRouter(sweepClients.ecs, elbSettings, {
    record: (_client, action) => sent.add(`elasticloadbalancing:${action}`),
  });
  const routing = await router.listManaged();
  for (const rule of routing.rules) expect(await router.deleteRule(rule)).toBe('deleted');
  for (const target of routing.targetGroups)
    expect(await router.deleteTargetGroup(target.targetGroupArn)).toBe('deleted');
  const deps = { images, ecs } as unknown as Deps;
  expect((await deleteEnvironmentImage(deps, 31, 'a31a31a')).deleted).toHaveLength(1);
  await images.listTagged();
  await passwords.list();
  await passwords.delete(31, 'a31a31a');

  expect([...sent].sort()).toEqual(cleanupRoleActions());
  // Nothing that makes, changes or tags (reading tags, DescribeTags, is a read).
  for (const action of sent) expect(action).not.toMatch(/:(Register|Create|Put|Run|Tag|AddTags|Modify)/);
  sweepEcr.destroy();
  sweepSsm.destroy();
});
