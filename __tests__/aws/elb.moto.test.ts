// The ELB adapter against a real moto_server: an ALB with an HTTPS listener (ACM certificate) built by the test world
// (test-support/alb-standin.ts), then every operation of the TrafficRouter, its idempotency, paging and its errors.
import { ECSClient } from '@aws-sdk/client-ecs';
import { createElbRouter, ElbError } from '../../src/aws/elb.js';
import { dryRunRouter } from '../../src/orchestrator/dry-run.js';
import type { ElbSettings, TrafficRouter } from '../../src/aws/elb.js';
import { listenerScope, targetGroupName } from '../../src/aws/elb-names.js';
import { queryApi } from '../../src/aws/query-api.js';
import { createLoadBalancerWorld, registerTaskInTargetGroup } from '../../test-support/alb-standin.js';
import type { LoadBalancerWorld } from '../../test-support/alb-standin.js';
import { createTestClients, MOTO_CREDENTIALS, startMoto } from '../../test-support/moto.js';
import type { MotoServer, TestClients } from '../../test-support/moto.js';

const REGION = 'us-east-1';
const DOMAIN = 'showtime.example.org';
const SHA7 = (n: number) => n.toString(16).padStart(7, '0');
const CREATED = new Date('2026-12-03T10:00:00Z');

let moto: MotoServer;
let clients: TestClients;
let world: LoadBalancerWorld;
let settings: ElbSettings;
const calls: string[] = [];
const savedCredentials: Record<string, string | undefined> = {};

function router(extra: Partial<ElbSettings> = {}, ecs: ECSClient = clients.ecs): TrafficRouter {
  return createElbRouter(
    ecs,
    { ...settings, ...extra },
    { sleep: async () => {}, record: (_c, a) => calls.push(a) },
  );
}

const environment = (pr: number, sha7: string) => ({ pr, sha7, requester: 'octocat', createdAt: CREATED });

/** Reads a resource's tags straight from moto (not through the adapter under test). */
async function tagsOf(arn: string): Promise<Record<string, string>> {
  const api = queryApi(
    clients.ecs,
    { service: 'elasticloadbalancing', version: '2015-12-01', label: 'ELB', actions: ['DescribeTags'] },
    async () => {},
  );
  const xml = await api.call({ Action: 'DescribeTags', 'ResourceArns.member.1': arn });
  return Object.fromEntries(
    [...xml.matchAll(/<Key>([^<]*)<\/Key>\s*<Value>([^<]*)<\/Value>/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** A target group's attributes straight from moto. */
async function attributesOf(arn: string): Promise<Record<string, string>> {
  const api = queryApi(
    clients.ecs,
    {
      service: 'elasticloadbalancing',
      version: '2015-12-01',
      label: 'ELB',
      actions: ['DescribeTargetGroupAttributes'],
    },
    async () => {},
  );
  const xml = await api.call({ Action: 'DescribeTargetGroupAttributes', TargetGroupArn: arn });
  return Object.fromEntries(
    [...xml.matchAll(/<Key>([^<]*)<\/Key>\s*<Value>([^<]*)<\/Value>/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

beforeAll(async () => {
  for (const [key, value] of Object.entries(MOTO_CREDENTIALS)) {
    savedCredentials[key] = process.env[key];
    process.env[key] = value;
  }
  moto = await startMoto();
  clients = createTestClients({ region: REGION, endpoint: moto.motoEndpoint });
  world = await createLoadBalancerWorld(clients, { domain: DOMAIN, region: REGION });
  settings = {
    listenerArn: world.listenerArn,
    domain: `*.${DOMAIN}`,
    vpcId: world.vpcId,
    containerPort: 8088,
    healthCheckPath: '/health',
  };
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  for (const [key, value] of Object.entries(savedCredentials)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(() => {
  calls.length = 0;
});

describe('target groups', () => {
  test('ensureTargetGroup makes an ip group on the container port, tagged like the services, once', async () => {
    const elb = router();
    const arn = await elb.ensureTargetGroup(environment(101, 'abc1234'));
    expect(arn).toContain(
      `:targetgroup/${targetGroupName(101, 'abc1234', listenerScope(world.listenerArn))}/`,
    );
    expect(await tagsOf(arn)).toMatchObject({
      'managed-by': 'showtime',
      'showtime-pr': '101',
      'showtime-sha': 'abc1234',
      'showtime-requester': 'octocat',
      'showtime-created-at': CREATED.toISOString(),
      'showtime-expires-at': 'none',
    });
    expect(calls).toEqual(['DescribeTargetGroups', 'CreateTargetGroup', 'ModifyTargetGroupAttributes']);
    expect(await attributesOf(arn)).toMatchObject({ 'deregistration_delay.timeout_seconds': '30' });

    calls.length = 0;
    expect(await elb.ensureTargetGroup(environment(101, 'abc1234'))).toBe(arn);
    expect(calls).toEqual(['DescribeTargetGroups', 'DescribeTags']);
    expect(await elb.ensureTargetGroup(environment(101, 'abc1235'))).not.toBe(arn);
  });

  test('an existing group of that name on another port is not reused', async () => {
    await router().ensureTargetGroup(environment(102, 'abc1234'));
    await expect(
      router({ containerPort: 9000 }).ensureTargetGroup(environment(102, 'abc1234')),
    ).rejects.toThrow(
      /target group pr-102-abc1234-[0-9a-f]{6} exists but sends to port 8088, not to the container port 9000/,
    );
  });

  test('targetHealth lists the registered targets and their state', async () => {
    const elb = router();
    const arn = await elb.ensureTargetGroup(environment(103, 'abc1234'));
    expect(await elb.targetHealth(arn)).toEqual([]);
    await registerTaskInTargetGroup(clients.ecs, arn, '10.1.1.7', 8088);
    expect(await elb.targetHealth(arn)).toEqual([{ id: '10.1.1.7', port: 8088, state: 'healthy' }]);
  });

  test('deleteTargetGroup deletes; a second delete finds it gone', async () => {
    const elb = router();
    const arn = await elb.ensureTargetGroup(environment(104, 'abc1234'));
    expect(await elb.deleteTargetGroup(arn)).toBe('deleted');
    expect(await elb.deleteTargetGroup(arn)).toBe('gone');
  });

  test('a target group a rule still forwards to is not deleted, and the error says why', async () => {
    const elb = router();
    const arn = await elb.ensureTargetGroup(environment(105, 'abc1234'));
    await elb.route({ pr: 105 }, arn);
    const failure = elb.deleteTargetGroup(arn);
    await expect(failure).rejects.toBeInstanceOf(ElbError);
    await expect(failure).rejects.toMatchObject({ action: 'DeleteTargetGroup', code: 'ResourceInUse' });
    await expect(elb.deleteTargetGroup(arn)).rejects.toThrow(
      `ELB target group ${arn} is still in use by a listener rule: move or remove the PR's route first`,
    );
    await elb.removeRoute({ pr: 105 });
    expect(await elb.deleteTargetGroup(arn)).toBe('deleted');
  });
});

describe("a PR's route", () => {
  test('routePr creates the host rule, then switches it with one ModifyRule, and is idempotent', async () => {
    const elb = router();
    const blue = await elb.ensureTargetGroup(environment(201, 'aaaaaaa'));
    const green = await elb.ensureTargetGroup(environment(201, 'bbbbbbb'));
    expect(await elb.ruleOf({ pr: 201 })).toBeUndefined();

    calls.length = 0;
    expect(await elb.route({ pr: 201 }, blue)).toBe('created');
    expect(calls).toEqual(['DescribeRules', 'CreateRule']);
    const created = await elb.ruleOf({ pr: 201 });
    expect(created).toMatchObject({
      pr: 201,
      host: `pr-201.${DOMAIN}`,
      priority: 201,
      targetGroupArns: [blue],
      managed: true,
    });
    expect(await tagsOf(created?.ruleArn ?? '')).toEqual({ 'managed-by': 'showtime', 'showtime-pr': '201' });

    expect(await elb.route({ pr: 201 }, blue)).toBe('unchanged');
    calls.length = 0;
    expect(await elb.route({ pr: 201 }, green)).toBe('switched');
    expect(calls).toEqual(['DescribeRules', 'DescribeTags', 'ModifyRule']);
    expect(await elb.ruleOf({ pr: 201 })).toMatchObject({
      ruleArn: created?.ruleArn,
      targetGroupArns: [green],
    });
  });

  test('a new rule takes the next free priority when the PR number is taken', async () => {
    const elb = router();
    const first = await elb.ensureTargetGroup(environment(202, 'abc1234'));
    await elb.route({ pr: 202 }, first);
    // PR 50202 would prefer priority 202 (priorities wrap at 50000): taken, so 203.
    const second = await elb.ensureTargetGroup(environment(50202, 'abc1234'));
    await elb.route({ pr: 50202 }, second);
    expect((await elb.ruleOf({ pr: 50202 }))?.priority).toBe(203);
  });

  test('removeRoute deletes the rule; a PR without a rule is already done', async () => {
    const elb = router();
    const arn = await elb.ensureTargetGroup(environment(203, 'abc1234'));
    await elb.route({ pr: 203 }, arn);
    expect(await elb.removeRoute({ pr: 203 })).toBe(1);
    expect(await elb.ruleOf({ pr: 203 })).toBeUndefined();
    expect(await elb.removeRoute({ pr: 203 })).toBe(0);
  });

  test("an environment's own host gets its own rule, tagged with its SHA; removing the PR's route takes both", async () => {
    const elb = router();
    const blue = await elb.ensureTargetGroup(environment(204, 'abc1234'));
    const green = await elb.ensureTargetGroup(environment(204, 'def5678'));
    await elb.route({ pr: 204 }, blue);
    expect(await elb.route({ pr: 204, sha7: 'def5678' }, green)).toBe('created');
    const own = await elb.ruleOf({ pr: 204, sha7: 'def5678' });
    expect(own).toMatchObject({
      pr: 204,
      sha7: 'def5678',
      host: `pr-204-def5678.${DOMAIN}`,
      targetGroupArns: [green],
      managed: true,
    });
    expect(await tagsOf(own?.ruleArn ?? '')).toMatchObject({
      'managed-by': 'showtime',
      'showtime-pr': '204',
      'showtime-sha': 'def5678',
    });
    // The PR's host still goes to blue: the two rules are independent.
    expect((await elb.ruleOf({ pr: 204 }))?.targetGroupArns).toEqual([blue]);
    expect((await elb.listManaged()).rules.filter((r) => r.pr === 204).map((r) => r.sha7)).toEqual([
      undefined,
      'def5678',
    ]);
    expect(await elb.removeRoute({ pr: 204, sha7: 'def5678' })).toBe(1);
    expect(await elb.ruleOf({ pr: 204 })).toBeDefined();
    await elb.route({ pr: 204, sha7: 'def5678' }, green);
    expect(await elb.removeRoute({ pr: 204 })).toBe(2);
    expect((await elb.listManaged()).rules.filter((r) => r.pr === 204)).toEqual([]);
  });
});

describe('rules the action did not make', () => {
  test('a rule for a PR host that is not tagged managed-by=showtime is neither changed nor deleted', async () => {
    const elb = router();
    const group = await elb.ensureTargetGroup(environment(205, 'abc1234'));
    // Someone's own rule for the host, made without the action's tags.
    const api = queryApi(
      clients.ecs,
      { service: 'elasticloadbalancing', version: '2015-12-01', label: 'ELB', actions: ['CreateRule'] },
      async () => {},
    );
    await api.call({
      Action: 'CreateRule',
      ListenerArn: world.listenerArn,
      Priority: '4205',
      'Conditions.member.1.Field': 'host-header',
      'Conditions.member.1.HostHeaderConfig.Values.member.1': `pr-205.${DOMAIN}`,
      'Actions.member.1.Type': 'forward',
      'Actions.member.1.TargetGroupArn': group,
    });
    const other = await elb.ensureTargetGroup(environment(205, 'def5678'));
    await expect(elb.route({ pr: 205 }, other)).rejects.toThrow(
      /routes pr-205\.showtime\.example\.org but is not tagged managed-by=showtime; not changing it/,
    );
    await expect(elb.removeRoute({ pr: 205 })).rejects.toThrow(/not deleting it/);
    expect((await elb.ruleOf({ pr: 205 }))?.targetGroupArns).toEqual([group]);
    expect((await elb.listManaged()).rules.filter((r) => r.pr === 205)).toEqual([]);
  });
});

describe('errors name the call and the resource', () => {
  test('an unknown listener', async () => {
    const missing = world.listenerArn.replace(/[0-9a-f]{16}$/, '0000000000000000');
    await expect(router({ listenerArn: missing }).ruleOf({ pr: 1 })).rejects.toThrow(
      `ELB DescribeRules (listener ${missing}) failed: ListenerNotFound:`,
    );
  });

  test('a target group in a VPC that does not exist', async () => {
    await expect(
      router({ vpcId: 'vpc-00000000' }).ensureTargetGroup(environment(301, 'abc1234')),
    ).rejects.toThrow(
      /^ELB CreateTargetGroup \(target group pr-301-abc1234-[0-9a-f]{6}\) failed: ValidationError: The VPC ID 'vpc-00000000' is not found$/,
    );
  });

  test('routing to a target group that does not exist', async () => {
    const missing = `arn:aws:elasticloadbalancing:${REGION}:123456789012:targetgroup/nope/0000000000000000`;
    await expect(router().route({ pr: 302 }, missing)).rejects.toThrow(
      `ELB CreateRule (rule for pr-302.${DOMAIN}) failed:`,
    );
  });

  test('an endpoint that does not answer', async () => {
    const offline = new ECSClient({ region: REGION, endpoint: 'http://127.0.0.1:9' });
    await expect(router({}, offline).ruleOf({ pr: 1 })).rejects.toThrow(
      `ELB DescribeRules (listener ${world.listenerArn}) failed: no answer:`,
    );
  });
});

describe('listManaged', () => {
  test('pages through every rule and target group and returns the managed ones with their PR and SHA', async () => {
    await moto.reset();
    world = await createLoadBalancerWorld(clients, { domain: DOMAIN, region: REGION });
    settings = { ...settings, listenerArn: world.listenerArn, vpcId: world.vpcId };
    const elb = router({ pageSize: 2 });
    const expected: { pr: number; sha7: string; arn: string }[] = [];
    for (let pr = 1; pr <= 5; pr += 1) {
      const arn = await elb.ensureTargetGroup(environment(pr, SHA7(pr)));
      await elb.route({ pr: pr }, arn);
      expected.push({ pr, sha7: SHA7(pr), arn });
    }
    // Not ours: a group made for another listener (another scope in its name).
    const foreign = router({ listenerArn: `${world.listenerArn}-other` });
    await foreign.ensureTargetGroup(environment(9, SHA7(9)));

    calls.length = 0;
    const managed = await elb.listManaged();
    // 5 rules + the default rule = 6, two a page: 3 DescribeRules pages. moto ignores PageSize and Marker for
    // DescribeTargetGroups (one page whatever is asked): elb.test.ts pages it through a recorded answer.
    expect(calls.filter((c) => c === 'DescribeRules')).toHaveLength(3);
    expect(managed.rules.map((r) => [r.pr, r.host, r.targetGroupArns])).toEqual(
      expected.map((e) => [e.pr, `pr-${e.pr}.${DOMAIN}`, [e.arn]]),
    );
    expect(
      managed.targetGroups
        .map((g) => ({ pr: g.pr, sha7: g.sha7, arn: g.targetGroupArn }))
        .sort((a, b) => a.pr - b.pr),
    ).toEqual(expected);
    expect(managed.targetGroups.every((g) => g.loadBalancerArns.includes(world.loadBalancerArn))).toBe(true);
  });
});

test('the dry run router writes and reads nothing and says what it would do', async () => {
  const lines: string[] = [];
  const dry = dryRunRouter({ info: (line) => lines.push(line) });
  const arn = await dry.ensureTargetGroup(environment(7, 'abc1234'));
  expect(await dry.targetHealth(arn)).toEqual([{ id: 'dry-run', state: 'healthy' }]);
  expect(await dry.route({ pr: 7 }, arn)).toBe('created');
  expect(await dry.ruleOf({ pr: 7 })).toBeUndefined();
  expect(await dry.removeRoute({ pr: 7 })).toBe(0);
  expect(await dry.deleteTargetGroup(arn)).toBe('gone');
  expect(await dry.listManaged()).toEqual({ rules: [], targetGroups: [] });
  expect(lines).toHaveLength(7);
  expect(lines.every((line) => line.startsWith('dry run (aws): would '))).toBe(true);
  expect(lines[0]).toBe('dry run (aws): would make the target group of PR #7 at abc1234');
});
