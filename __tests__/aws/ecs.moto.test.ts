// The ECS adapter against a real moto_server. moto has no service scheduler, so EcsSchedulerStandIn (test-support)
// starts service tasks and gives them loopback public IPs; local HTTP servers on 127.0.0.2 (healthy) and 127.0.0.3
// (answers 503) play Superset, and the adapter reaches them through its ordinary fetch.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { AllocateAddressCommand, AssociateAddressCommand } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  InvalidParameterException,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import type {
  CreateServiceCommandInput,
  DescribeServicesCommandOutput,
  KeyValuePair,
  Tag,
} from '@aws-sdk/client-ecs';
import { callsBetween } from '../../src/aws/call-counter.js';
import { createEcsBackend, createEcsClients, EnvironmentError } from '../../src/aws/ecs.js';
import { createElbRouter } from '../../src/aws/elb.js';
import { createLoadBalancerWorld } from '../../test-support/alb-standin.js';
import type { CreateSpec, EcsBackend, EcsBackendDeps } from '../../src/aws/ecs.js';
import { realFetch } from '../../src/aws/health.js';
import { resolveEcsSettings } from '../../src/aws/settings.js';
import type { EcsSettingsInput } from '../../src/aws/settings.js';
import { loadTaskDefinitionTemplate } from '../../src/aws/task-definition.js';
import { EcsSchedulerStandIn } from '../../test-support/ecs-scheduler.js';
import {
  createTestClients,
  createTestNetwork,
  keepEcsTasksRunning,
  MOTO_CREDENTIALS,
  startMoto,
} from '../../test-support/moto.js';
import type { MotoServer, TestClients } from '../../test-support/moto.js';

const REGION = 'us-east-1';
const CLUSTER = 'showtime-test';
const HEALTHY_IP = '127.0.0.2';
const UNHEALTHY_IP = '127.0.0.3';
const SHA = (n: number) => `${String(n).padStart(3, '0')}beef`.slice(0, 7) + 'c'.repeat(33);

let moto: MotoServer;
let clients: TestClients;
let scheduler: EcsSchedulerStandIn;
let network: { subnet: string; securityGroup: string };
let port: number;
const servers: Server[] = [];
const healthRequests: string[] = [];
/** Services the scheduler must never start (a service that cannot become stable). */
const neverStarted = new Set<string>();
/** Task-definition revisions (family:revision) or services whose task answers 503. */
const unhealthy = new Set<string>();
/** Services whose task the scheduler leaves without a public IP. */
const withoutPublicIp = new Set<string>();
const savedCredentials: Record<string, string | undefined> = {};

function listen(host: string, wantedPort: number, status: number): Promise<number> {
  const server = createServer((request, response) => {
    healthRequests.push(`${host} ${request.url}`);
    response.writeHead(request.url === '/health' ? status : 404).end(status === 200 ? 'OK' : 'starting');
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

beforeAll(async () => {
  moto = await startMoto();
  // The adapter builds its own clients with the SDK's default credential chain: give the chain dummy keys.
  for (const [key, value] of Object.entries(MOTO_CREDENTIALS)) {
    savedCredentials[key] = process.env[key];
    process.env[key] = value;
  }
  await keepEcsTasksRunning(moto.endpoint);
  clients = createTestClients({ region: REGION, endpoint: moto.endpoint });
  network = await createTestNetwork(clients, CLUSTER);
  port = await listen(HEALTHY_IP, 0, 200);
  await listen(UNHEALTHY_IP, port, 503);
  scheduler = new EcsSchedulerStandIn({
    ...clients,
    cluster: CLUSTER,
    intervalMs: 25,
    ignore: (name) => neverStarted.has(name),
    publicIpFor: ({ serviceName, taskDefinitionArn }) => {
      if (withoutPublicIp.has(serviceName)) return undefined;
      const revision = taskDefinitionArn.split('/').pop() ?? '';
      return unhealthy.has(serviceName) || unhealthy.has(revision) ? UNHEALTHY_IP : HEALTHY_IP;
    },
  });
  scheduler.start();
}, 30_000);

afterAll(async () => {
  await scheduler?.stop();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await moto?.stop();
  for (const [key, value] of Object.entries(savedCredentials)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const TEST_TIMEOUTS = {
  stableMs: 5000,
  addressMs: 5000,
  healthMs: 3000,
  healthIntervalMs: 100,
  healthRequestMs: 1000,
  pollIntervalMs: 50,
  drainWaitMs: 600,
};

function settings(overrides: Partial<EcsSettingsInput> = {}) {
  return resolveEcsSettings({
    region: REGION,
    cluster: CLUSTER,
    subnets: [network.subnet],
    securityGroups: [network.securityGroup],
    assignPublicIp: true,
    taskDefinitionTemplate: loadTaskDefinitionTemplate(undefined),
    containerName: 'superset',
    containerPort: port,
    environment: { SUPERSET_LOAD_EXAMPLES: 'no', EXTRA_SETTING: 'from-inputs' },
    endpoint: moto.endpoint,
    ...overrides,
    timeouts: { ...TEST_TIMEOUTS, ...overrides.timeouts },
  });
}

function backend(overrides: Partial<EcsSettingsInput> = {}, deps: EcsBackendDeps = {}): EcsBackend {
  return createEcsBackend(settings(overrides), { secret: () => 'generated-secret', ...deps });
}

function spec(pr: number, overrides: Partial<CreateSpec> = {}): CreateSpec {
  return {
    pr,
    sha: SHA(pr),
    image: `apache/superset:pr-${pr}-ci`,
    requester: 'dependabot[bot]',
    config: { flags: {}, debug: false },
    size: 'small',
    createdAt: new Date('2024-01-15T14:30:00.000Z'),
    expiresAt: new Date('2024-01-17T14:30:00.000Z'),
    ...overrides,
  };
}

const sha7 = (pr: number) => SHA(pr).slice(0, 7);

async function describeService(name: string, cluster = CLUSTER) {
  const described = await clients.ecs.send(
    new DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] }),
  );
  return described.services?.[0];
}

async function activeRevisions(family: string): Promise<string[]> {
  const listed = await clients.ecs.send(
    new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE' }),
  );
  return (listed.taskDefinitionArns ?? []).map((arn) => arn.split('/').pop() ?? '');
}

async function containerOf(taskDefinitionArn: string) {
  const described = await clients.ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }),
  );
  const definition = described.taskDefinition;
  const container = definition?.containerDefinitions?.find((c) => c.name === 'superset');
  const env = Object.fromEntries((container?.environment ?? []).map((e: KeyValuePair) => [e.name, e.value]));
  return { definition, container, env };
}

const tagMap = (tags: Tag[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));

async function caught(promise: Promise<unknown>): Promise<EnvironmentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnvironmentError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

describe('createEnvironment', () => {
  test('registers the revision, creates the tagged service and returns the healthy address', async () => {
    const ecs = backend();
    const before = ecs.apiCalls();
    const created = await ecs.createEnvironment(
      spec(101, {
        config: {
          flags: { ALERT_REPORTS: true, SUPERSET_FEATURE_EMBEDDED: false },
          debug: true,
          size: 'medium',
        },
      }),
    );
    const calls = callsBetween(before, ecs.apiCalls());
    console.log(`AWS API calls per create: ${calls.total} ${JSON.stringify(calls.byCommand)}`);

    expect(created).toEqual({
      serviceName: `pr-101-${sha7(101)}-service`,
      taskDefinitionArn: expect.stringMatching(new RegExp(`task-definition/pr-101-${sha7(101)}:1$`)),
      address: { host: HEALTHY_IP, port },
      url: `http://${HEALTHY_IP}:${port}`,
    });
    expect(healthRequests).toContain(`${HEALTHY_IP} /health`);
    for (const command of [
      'ECS:RegisterTaskDefinition',
      'ECS:CreateService',
      'EC2:DescribeNetworkInterfaces',
    ]) {
      expect(calls.byCommand[command]).toBe(1);
    }
    expect(calls.total).toBeLessThan(40);

    const service = await describeService(created.serviceName);
    expect(service).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 1,
      launchType: 'FARGATE',
      propagateTags: 'SERVICE',
      taskDefinition: created.taskDefinitionArn,
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: [network.subnet],
          securityGroups: [network.securityGroup],
          assignPublicIp: 'ENABLED',
        },
      },
    });
    expect(tagMap(service?.tags)).toEqual({
      'managed-by': 'showtime',
      'showtime-pr': '101',
      'showtime-sha': sha7(101),
      'showtime-requester': 'dependabot_bot_',
      'showtime-created-at': '2024-01-15T14:30:00.000Z',
      'showtime-expires-at': '2024-01-17T14:30:00.000Z',
    });

    const { definition, container, env } = await containerOf(created.taskDefinitionArn);
    expect(definition).toMatchObject({
      family: `pr-101-${sha7(101)}`,
      cpu: '1024',
      memory: '2048',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
    });
    expect(container).toMatchObject({ image: 'apache/superset:pr-101-ci', memory: 2048 });
    expect(container?.portMappings).toContainEqual(expect.objectContaining({ containerPort: port }));
    expect(env).toEqual({
      SUPERSET_PORT: '8080',
      SUPERSET_LOAD_EXAMPLES: 'no',
      TALISMAN_ENABLED: 'False',
      SUPERSET_SECRET_KEY: 'generated-secret',
      EXTRA_SETTING: 'from-inputs',
      SUPERSET_FEATURE_ALERT_REPORTS: 'True',
      SUPERSET_FEATURE_EMBEDDED: 'False',
      SUPERSET_LOG_LEVEL: 'DEBUG',
      FLASK_DEBUG: '1',
    });

    // The stand-in started the task the way ECS would: in the service's group, with the service's tags.
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: CLUSTER }));
    const tasks = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: listed.taskArns ?? [], include: ['TAGS'] }),
    );
    const task = tasks.tasks?.find((t) => t.group === `service:${created.serviceName}`);
    expect(task?.taskDefinitionArn).toBe(created.taskDefinitionArn);
    expect(tagMap(task?.tags)['showtime-pr']).toBe('101');
  });

  test('a second create of the same environment deploys into its service instead of creating another', async () => {
    const ecs = backend();
    const first = await ecs.createEnvironment(spec(108));
    const second = await ecs.createEnvironment(
      spec(108, { requester: 'octocat', image: 'apache/superset:again' }),
    );
    expect(second.serviceName).toBe(first.serviceName);
    expect(second.taskDefinitionArn).toMatch(/:2$/);
    const service = await describeService(second.serviceName);
    expect(service?.taskDefinition).toBe(second.taskDefinitionArn);
    expect(tagMap(service?.tags)['showtime-requester']).toBe('octocat');
  });

  test.each([
    ['lower-case', { 'alert-reports': true }],
    ['too long', { ['X'.repeat(33)]: true }],
    ['empty', { '': false }],
  ])('a feature flag that is %s is refused before any AWS call', async (_case, flags) => {
    const ecs = backend();
    const before = ecs.apiCalls();
    const error = await caught(ecs.createEnvironment(spec(109, { config: { flags, debug: false } })));
    expect(error).toMatchObject({ stage: 'validate', cleanup: 'not-needed' });
    expect(error.message).toContain('expected an uppercase feature flag name');
    expect(callsBetween(before, ecs.apiCalls()).total).toBe(0);
  });

  test('a failing health check deletes the service and says so', async () => {
    const name = `pr-102-${sha7(102)}-service`;
    unhealthy.add(name);
    const error = await caught(
      backend({ timeouts: { healthMs: 600, healthIntervalMs: 100 } }).createEnvironment(spec(102)),
    );
    expect(error).toMatchObject({ stage: 'health', cleanup: 'deleted', serviceName: name });
    expect(error.message).toMatch(
      new RegExp(`health check of http://${UNHEALTHY_IP}:${port}/health failed after \\d+ attempts`),
    );
    expect(error.message).toContain('(last: HTTP 503)');
    expect(error.message).toContain('the service was deleted and its task definitions deregistered');
    expect((await describeService(name))?.status).toBe('INACTIVE');
    expect(await activeRevisions(`pr-102-${sha7(102)}`)).toEqual([]);
  });

  test('a service that never becomes stable times out, is deleted, and the error says so', async () => {
    const name = `pr-103-${sha7(103)}-service`;
    neverStarted.add(name);
    const started = Date.now();
    const error = await caught(backend({ timeouts: { stableMs: 700 } }).createEnvironment(spec(103)));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ stage: 'stable', cleanup: 'deleted', serviceName: name });
    expect(error.message).toContain('did not become stable within 0.7s (running 0 of 1');
    expect(error.message).toContain('the service was deleted');
    expect((await describeService(name))?.status).toBe('INACTIVE');
  });

  test('ECS is polled with pauses from 2 s, each half as long again, up to the poll interval', async () => {
    const name = `pr-132-${sha7(132)}-service`;
    neverStarted.add(name);
    let now = 0;
    const pauses: number[] = [];
    const clock = {
      now: () => now,
      sleep: (ms: number) => {
        pauses.push(ms);
        now += ms;
        return Promise.resolve();
      },
    };
    const error = await caught(
      backend({ timeouts: { stableMs: 30_000, pollIntervalMs: 10_000 } }, clock).createEnvironment(spec(132)),
    );
    expect(error).toMatchObject({ stage: 'stable' });
    expect(pauses).toEqual([2000, 3000, 4500, 6750, 10_000, 3750]);
  });

  test('the health polling starts as soon as the task has an address, before ECS calls the service stable', async () => {
    const fetched: number[] = [];
    let describes = 0;
    const ecs = backend(
      { timeouts: { pollIntervalMs: 50 } },
      {
        fetch: (url, init) => {
          fetched.push(describes);
          return realFetch(url, init);
        },
      },
    );
    // Every DescribeServices answer says "one more deployment still running" until the health check was reached.
    ecs.clients.ecs.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'DescribeServicesCommand') return result;
        describes += 1;
        const output = result.output as { services?: { deployments?: unknown[] }[] };
        const service = output.services?.[0];
        if (fetched.length === 0 && service?.deployments) service.deployments.push({ status: 'ACTIVE' });
        return result;
      },
      { step: 'initialize', name: 'notStableUntilHealthChecked' },
    );
    const deployed = await ecs.createEnvironment(spec(133));
    expect(deployed.url).toMatch(/^http:/);
    expect(fetched.length).toBeGreaterThan(0);
  });

  test('a task that never gets a public IP fails the address step and is cleaned up', async () => {
    const name = `pr-110-${sha7(110)}-service`;
    withoutPublicIp.add(name);
    const error = await caught(backend({ timeouts: { addressMs: 400 } }).createEnvironment(spec(110)));
    expect(error).toMatchObject({ stage: 'address', cleanup: 'deleted', serviceName: name });
    expect(error.message).toMatch(/task arn:aws:ecs:\S+ has no public IP after 0.4s/);
    expect((await describeService(name))?.status).toBe('INACTIVE');
  });

  test('without a public IP the address is the private one (reached here through an injected fetch)', async () => {
    const fetched: string[] = [];
    const ecs = backend(
      { assignPublicIp: false },
      {
        fetch: (url, init) => {
          fetched.push(url);
          return realFetch(url.replace(/\/\/[^/:]+:/, `//${HEALTHY_IP}:`), init);
        },
      },
    );
    const created = await ecs.createEnvironment(spec(116));
    const listed = await clients.ecs.send(new ListTasksCommand({ cluster: CLUSTER }));
    const tasks = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: listed.taskArns ?? [] }),
    );
    const task = tasks.tasks?.find((t) => t.group === `service:${created.serviceName}`);
    const privateIp = task?.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    expect(privateIp).toMatch(/^10\./);
    expect(created.address).toEqual({ host: privateIp, port });
    expect(fetched).toEqual([`http://${privateIp}:${port}/health`]);
  });

  test('Fargate Spot and a target group reach CreateService; behind a load balancer no direct health check', async () => {
    // moto keeps neither the capacity provider strategy nor the grace period: the requests are read off the client.
    const sent: CreateServiceCommandInput[] = [];
    const recording = createEcsClients({ region: REGION, endpoint: moto.endpoint });
    recording.ecs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'CreateServiceCommand')
          sent.push(args.input as CreateServiceCommandInput);
        return next(args);
      },
      { step: 'initialize' },
    );
    const world = await createLoadBalancerWorld(clients, { domain: 'spot.example.org', region: REGION });
    const elb = createElbRouter(clients.ecs, {
      listenerArn: world.listenerArn,
      domain: 'spot.example.org',
      vpcId: world.vpcId,
      containerPort: port,
      healthCheckPath: '/health',
    });
    const group = await elb.ensureTargetGroup({
      pr: 118,
      sha7: sha7(118),
      requester: 'octocat',
      createdAt: new Date(),
    });
    // ECS takes a service's target group only once a load balancer uses it (the stand-in checks in its place).
    await elb.route({ pr: 118, sha7: sha7(118) }, group);
    const fetched: string[] = [];
    const ecs = backend(
      { spot: true },
      {
        clients: recording,
        fetch: async (url) => {
          fetched.push(url);
          return { status: 200 };
        },
      },
    );
    const created = await ecs.createEnvironment(spec(118, { targetGroupArn: group }));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      loadBalancers: [{ targetGroupArn: group, containerName: 'superset', containerPort: port }],
      healthCheckGracePeriodSeconds: 600,
    });
    expect(sent[0]?.launchType).toBeUndefined();
    expect(fetched).toEqual([]);
    expect(created.address.host).toBe(HEALTHY_IP);
    // What ECS does for such a service: its task is registered in the group.
    expect(scheduler.events).toContain(
      `registered ${created.serviceName}'s task ${HEALTHY_IP}:${port} in its target group`,
    );

    // Without Spot: the launch type, no strategy.
    sent.length = 0;
    await backend({}, { clients: recording }).createEnvironment(spec(119));
    expect(sent[0]).toMatchObject({ launchType: 'FARGATE' });
    expect(sent[0]?.capacityProviderStrategy).toBeUndefined();
    expect(sent[0]?.loadBalancers).toBeUndefined();
  });

  test("a one-off task of the same revision is not taken for the service's task", async () => {
    const ecs = backend();
    const stray: string[] = [];
    // Just before the service exists, someone runs its revision as a standalone task (a migration, say) that
    // answers 503: the adapter must pick the task ECS started for the service (group service:<name>).
    ecs.clients.ecs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'CreateServiceCommand' && stray.length === 0) {
          const input = args.input as CreateServiceCommandInput;
          const run = await clients.ecs.send(
            new RunTaskCommand({
              cluster: CLUSTER,
              taskDefinition: input.taskDefinition,
              launchType: 'FARGATE',
              networkConfiguration: input.networkConfiguration,
            }),
          );
          const task = run.tasks?.[0];
          const eni = task?.attachments?.[0]?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
          const ip = await clients.ec2.send(
            new AllocateAddressCommand({ Domain: 'vpc', Address: UNHEALTHY_IP }),
          );
          await clients.ec2.send(
            new AssociateAddressCommand({ AllocationId: ip.AllocationId, NetworkInterfaceId: eni }),
          );
          stray.push(task?.group ?? '');
        }
        return next(args);
      },
      { step: 'initialize', name: 'oneOffTask' },
    );
    const created = await ecs.createEnvironment(spec(117));
    expect(stray).toEqual([`family:pr-117-${sha7(117)}`]);
    expect(created.address.host).toBe(HEALTHY_IP);
  });
});

describe('deleteEnvironment', () => {
  test('scales down, deletes the service and deregisters the family; a second delete finds it gone', async () => {
    const ecs = backend();
    const created = await ecs.createEnvironment(spec(104));
    await ecs.updateConfiguration({
      pr: 104,
      sha: SHA(104),
      config: { flags: { X: true }, debug: false },
      size: 'small',
    });
    const before = ecs.apiCalls();
    const report = await ecs.deleteEnvironment(104, SHA(104));
    const calls = callsBetween(before, ecs.apiCalls());
    console.log(`AWS API calls per delete (2 revisions): ${calls.total} ${JSON.stringify(calls.byCommand)}`);
    expect(report).toEqual({
      deleted: [
        `service/${created.serviceName}`,
        `task-definition/pr-104-${sha7(104)}:1`,
        `task-definition/pr-104-${sha7(104)}:2`,
      ],
      alreadyGone: [],
      failed: [],
    });
    expect(calls.byCommand).toEqual({
      'ECS:DescribeServices': 1,
      'ECS:UpdateService': 1,
      'ECS:DeleteService': 1,
      'ECS:ListTaskDefinitions': 1,
      'ECS:DeregisterTaskDefinition': 2,
    });
    expect((await describeService(created.serviceName))?.status).toBe('INACTIVE');
    expect(await activeRevisions(`pr-104-${sha7(104)}`)).toEqual([]);

    expect(await ecs.deleteEnvironment(104, sha7(104))).toEqual({
      deleted: [],
      alreadyGone: [`service/${created.serviceName}`],
      failed: [],
    });
  });

  test('deleting an environment that never existed succeeds with nothing to do', async () => {
    expect(await backend().deleteEnvironment(105, SHA(105))).toEqual({
      deleted: [],
      alreadyGone: [`service/pr-105-${sha7(105)}-service`],
      failed: [],
    });
  });

  test('a failure is reported, not thrown', async () => {
    const report = await backend({ cluster: 'no-such-cluster' }).deleteEnvironment(105, SHA(105));
    expect(report.deleted).toEqual([]);
    expect(report.failed).toEqual([
      {
        resource: `service/pr-105-${sha7(105)}-service`,
        error: expect.stringContaining('ClusterNotFoundException'),
      },
    ]);
  });

  test.each([
    [0, 'abc1234', 'PR number 0'],
    [1, 'xyz', 'SHA "xyz"'],
  ])('bad arguments (%s, %s) are refused with the accepted form', async (pr, sha, message) => {
    await expect(backend().deleteEnvironment(pr, sha)).rejects.toThrow(message);
  });
});

describe('updateConfiguration', () => {
  test('registers a revision from the current one and points the service at it; a failed update rolls back', async () => {
    const ecs = backend();
    const family = `pr-106-${sha7(106)}`;
    const created = await ecs.createEnvironment(
      spec(106, { config: { flags: { ALERT_REPORTS: true }, debug: false } }),
    );

    const updated = await ecs.updateConfiguration({
      pr: 106,
      sha: SHA(106),
      config: { flags: { ALERT_REPORTS: false, DASHBOARD_RBAC: true }, debug: true },
      size: 'large',
    });
    expect(updated.serviceName).toBe(created.serviceName);
    expect(updated.taskDefinitionArn).toMatch(new RegExp(`${family}:2$`));
    expect((await describeService(created.serviceName))?.taskDefinition).toBe(updated.taskDefinitionArn);
    const { definition, container, env } = await containerOf(updated.taskDefinitionArn);
    expect(definition).toMatchObject({ cpu: '2048', memory: '4096' });
    expect(container).toMatchObject({ image: 'apache/superset:pr-106-ci', memory: 4096 });
    expect(env).toMatchObject({
      SUPERSET_SECRET_KEY: 'generated-secret',
      EXTRA_SETTING: 'from-inputs',
      SUPERSET_FEATURE_ALERT_REPORTS: 'False',
      SUPERSET_FEATURE_DASHBOARD_RBAC: 'True',
      SUPERSET_LOG_LEVEL: 'DEBUG',
    });

    unhealthy.add(`${family}:3`);
    const error = await caught(
      backend({ timeouts: { healthMs: 500, healthIntervalMs: 100 } }).updateConfiguration({
        pr: 106,
        sha: SHA(106),
        config: { flags: {}, debug: false },
        size: 'small',
      }),
    );
    expect(error).toMatchObject({
      stage: 'health',
      cleanup: 'rolled-back',
      serviceName: created.serviceName,
    });
    expect(error.message).toContain(`the service was rolled back to ${updated.taskDefinitionArn}`);
    expect((await describeService(created.serviceName))?.taskDefinition).toBe(updated.taskDefinitionArn);
    expect(await activeRevisions(family)).toEqual([`${family}:1`, `${family}:2`]);
  });

  test('an environment without a service cannot be reconfigured', async () => {
    const error = await caught(
      backend().updateConfiguration({
        pr: 107,
        sha: SHA(107),
        config: { flags: {}, debug: true },
        size: 'small',
      }),
    );
    expect(error).toMatchObject({ stage: 'find', cleanup: 'not-needed' });
    expect(error.message).toContain(`no active service (looked for pr-107-${sha7(107)}-service`);
  });
});

/** moto returns every service at once; real ECS pages ListServices (at most maxResults, then a nextToken). */
describe('listManagedServices', () => {
  test('pages through every service and returns the managed, live ones with their tags parsed', async () => {
    const cluster = 'showtime-listing';
    await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    const registered = await clients.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'listing',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', image: 'app', memory: 512 }],
      }),
    );
    const create = (serviceName: string, tags: Tag[]) =>
      clients.ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName,
          taskDefinition: registered.taskDefinition?.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: [network.subnet], securityGroups: [network.securityGroup] },
          },
          tags,
        }),
      );
    const managed = (pr: number, extra: Tag[] = []) => [
      { key: 'managed-by', value: 'showtime' },
      { key: 'showtime-pr', value: String(pr) },
      { key: 'showtime-sha', value: sha7(pr) },
      { key: 'showtime-requester', value: `user${pr}` },
      { key: 'showtime-created-at', value: '2024-01-15T14:30:00.000Z' },
      { key: 'showtime-expires-at', value: pr % 2 ? 'none' : '2024-01-16T14:30:00.000Z' },
      ...extra,
    ];
    for (let pr = 201; pr <= 222; pr += 1) await create(`pr-${pr}-${sha7(pr)}-service`, managed(pr));
    // Damaged tags: pr and sha fall back to the service name.
    await create(`pr-223-${sha7(223)}-service-b`, [
      { key: 'managed-by', value: 'showtime' },
      { key: 'showtime-pr', value: 'x' },
    ]);
    await create('someone-elses-service', [{ key: 'team', value: 'data' }]);
    await create('untagged-service', []);
    await create(`pr-224-${sha7(224)}-service`, managed(224));
    await clients.ecs.send(
      new DeleteServiceCommand({ cluster, service: `pr-224-${sha7(224)}-service`, force: true }),
    );

    const ecs = backend({ cluster });
    const before = ecs.apiCalls();
    const listed = await ecs.listManagedServices();
    const calls = callsBetween(before, ecs.apiCalls());

    // moto answers in one page; 3 pages of 10 are the paging proxy in front of it (test-support/aws-paging.ts), which
    // pages as ECS does.
    expect(calls.byCommand).toEqual({ 'ECS:ListServices': 3, 'ECS:DescribeServices': 3 });
    expect(listed.map((s) => s.pr).sort()).toEqual(Array.from({ length: 23 }, (_, i) => 201 + i));
    expect(listed.find((s) => s.pr === 202)).toEqual({
      serviceName: `pr-202-${sha7(202)}-service`,
      pr: 202,
      sha: sha7(202),
      requester: 'user202',
      createdAt: new Date('2024-01-15T14:30:00.000Z'),
      expiresAt: new Date('2024-01-16T14:30:00.000Z'),
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 0,
      taskDefinitionArn: registered.taskDefinition?.taskDefinitionArn,
    });
    expect(listed.find((s) => s.pr === 201)?.expiresAt).toBeUndefined();
    expect(listed.find((s) => s.pr === 223)).toMatchObject({
      sha: sha7(223),
      requester: undefined,
      createdAt: undefined,
    });
  });
});

describe('service names that are still draining', () => {
  const draining = 'Unable to Start a service that is still Draining.';

  function refuseCreateOnce(ecs: EcsBackend, name: string, message = draining): string[] {
    const attempts: string[] = [];
    let refused = false;
    ecs.clients.ecs.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { serviceName?: string };
        if (context.commandName === 'CreateServiceCommand') {
          attempts.push(input.serviceName ?? '');
          if (input.serviceName === name && !refused) {
            refused = true;
            throw new InvalidParameterException({ message, $metadata: { httpStatusCode: 400 } });
          }
        }
        return next(args);
      },
      { step: 'initialize', name: 'refuseCreateOnce' },
    );
    return attempts;
  }

  function reportDraining(ecs: EcsBackend, names: string[]): void {
    ecs.clients.ecs.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'DescribeServicesCommand') return result;
        const output = result.output as DescribeServicesCommandOutput;
        const services = (output.services ?? []).map((s) =>
          names.includes(s.serviceName ?? '') ? { ...s, status: 'DRAINING' } : s,
        );
        // A name ECS never had is reported draining too, as if an earlier environment had just been deleted.
        const missing = names
          .filter((n) => !services.some((s) => s.serviceName === n))
          .map((serviceName) => ({ serviceName, status: 'DRAINING' }));
        return { ...result, output: { ...output, services: [...services, ...missing] } };
      },
      { step: 'initialize', name: 'reportDraining' },
    );
  }

  test.each([
    [111, draining],
    [114, 'Creation of service was not idempotent.'],
  ])(
    'ECS refusing the name (%s: "%s") sends the deployment to the alternate name, tagged alike',
    async (pr, message) => {
      const ecs = backend();
      const primary = `pr-${pr}-${sha7(pr)}-service`;
      const attempts = refuseCreateOnce(ecs, primary, message);
      const created = await ecs.createEnvironment(spec(pr));
      expect(attempts).toEqual([primary, `${primary}-b`]);
      expect(created.serviceName).toBe(`${primary}-b`);
      expect(tagMap((await describeService(created.serviceName))?.tags)['showtime-pr']).toBe(String(pr));
      expect((await ecs.listManagedServices()).find((s) => s.pr === pr)?.serviceName).toBe(`${primary}-b`);

      const report = await ecs.deleteEnvironment(pr, SHA(pr));
      expect(report.deleted).toContain(`service/${primary}-b`);
      expect(report.alreadyGone).toEqual([`service/${primary}`]);
      expect(report.failed).toEqual([]);
    },
  );

  test('another InvalidParameterException is not mistaken for draining', async () => {
    const ecs = backend();
    const primary = `pr-115-${sha7(115)}-service`;
    const attempts = refuseCreateOnce(ecs, primary, 'Task definition does not support launch_type FARGATE.');
    const error = await caught(ecs.createEnvironment(spec(115)));
    expect(attempts).toEqual([primary]);
    expect(error).toMatchObject({ stage: 'place', cleanup: 'not-needed' });
    expect(error.message).toContain('InvalidParameterException: Task definition does not support');
    expect(await activeRevisions(`pr-115-${sha7(115)}`)).toEqual([]);
  });

  test('a name DescribeServices reports as DRAINING is skipped without trying it', async () => {
    const ecs = backend();
    const primary = `pr-112-${sha7(112)}-service`;
    reportDraining(ecs, [primary]);
    const attempts = refuseCreateOnce(ecs, 'none');
    const created = await ecs.createEnvironment(spec(112));
    expect(attempts).toEqual([`${primary}-b`]);
    expect(created.serviceName).toBe(`${primary}-b`);
  });

  test('when both names are draining the deploy waits a bounded time, then fails without leftovers', async () => {
    const ecs = backend();
    const primary = `pr-113-${sha7(113)}-service`;
    reportDraining(ecs, [primary, `${primary}-b`]);
    const attempts = refuseCreateOnce(ecs, 'none');
    const error = await caught(ecs.createEnvironment(spec(113)));
    expect(error).toMatchObject({ stage: 'place', cleanup: 'not-needed' });
    expect(error.message).toContain('are still draining from earlier deletions after 0.6s');
    expect(attempts).toEqual([]);
    expect(await activeRevisions(`pr-113-${sha7(113)}`)).toEqual([]);
  });
});
