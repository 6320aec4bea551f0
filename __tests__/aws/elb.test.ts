// The ELB adapter against a local HTTP server that answers ELB's Query API the way ELB does (recorded-style XML).
// moto answers DescribeTargetGroups in one page whatever PageSize and Marker say, so paging, tag chunks, retries and
// error answers are proven here; elb.moto.test.ts runs the operations against moto.
import { ECSClient } from '@aws-sdk/client-ecs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElbRouter, ElbError } from '../../src/aws/elb.js';
import type { ElbRouterDeps, ElbSettings, ManagedTargetGroup, PrRule } from '../../src/aws/elb.js';
import { listenerScope, parseTargetGroupName, targetGroupName } from '../../src/aws/elb-names.js';

const ACCOUNT = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const LISTENER = `${ACCOUNT}:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const LOAD_BALANCER = `${ACCOUNT}:loadbalancer/app/showtime/50dc6c495c0c9188`;
const DOMAIN = 'showtime.example.org';
const SCOPE = listenerScope(LISTENER);
const NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

const SETTINGS: ElbSettings = {
  listenerArn: LISTENER,
  domain: '*.Showtime.Example.org',
  vpcId: 'vpc-0abc',
  containerPort: 8088,
  healthCheckPath: '/health',
  pageSize: 10,
};

// --- The stand-in ELB -------------------------------------------------------------------------------------------

type Params = Record<string, string>;
interface Reply {
  status: number;
  body: string;
}
interface Received {
  params: Params;
  authorization: string | undefined;
}

let port: number;
let server: Server;
let ecs: ECSClient;
const received: Received[] = [];
let answer: (params: Params) => Reply = () => failure(500, 'InternalFailure', 'no answer set');

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const field = (name: string, value: string) => `<${name}>${escape(value)}</${name}>`;
const list = (name: string, items: string[]) =>
  `<${name}>${items.map((item) => `\n      <member>${item}</member>`).join('')}\n    </${name}>`;

let requestIds = 0;
function ok(action: string, result: string): Reply {
  requestIds += 1;
  return {
    status: 200,
    body:
      `<${action}Response xmlns="${NS}">\n  <${action}Result>\n    ${result}\n  </${action}Result>\n` +
      `  <ResponseMetadata>\n    <RequestId>5f0c1a2b-0000-4000-8000-${String(requestIds).padStart(12, '0')}</RequestId>\n` +
      `  </ResponseMetadata>\n</${action}Response>\n`,
  };
}

function failure(status: number, code: string, message: string): Reply {
  return {
    status,
    body:
      `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>Sender</Type>\n    ${field('Code', code)}\n` +
      `    ${field('Message', message)}\n  </Error>\n  <RequestId>5f0c1a2b-ffff-4000-8000-000000000000</RequestId>\n` +
      `</ErrorResponse>\n`,
  };
}

/** Answers each Action with its handler; an Action without one is what ELB says of an unknown action. */
function byAction(handlers: Record<string, (params: Params) => Reply>): (params: Params) => Reply {
  return (params) => {
    const handler = handlers[params.Action ?? ''];
    return handler
      ? handler(params)
      : failure(400, 'InvalidAction', `The action ${params.Action} is not valid for this endpoint.`);
  };
}

/** Real markers are base64: `+`, `/` and `=` must survive the form encoding. */
const marker = (list: string, page: number) => `${list}/page+${page}==`;

/** A Marker-paged Describe call over fixed pages; a marker it never handed out is refused as ELB refuses it. */
function paged(action: string, listName: string, pages: string[][]): (params: Params) => Reply {
  return (params) => {
    const page =
      params.Marker === undefined ? 0 : pages.findIndex((_, i) => marker(action, i) === params.Marker);
    if (page < 0) return failure(400, 'ValidationError', `Invalid marker '${params.Marker}'`);
    const next = page + 1 < pages.length ? field('NextMarker', marker(action, page + 1)) : '';
    return ok(action, `${list(listName, pages[page] ?? [])}\n    ${next}`);
  };
}

/** DescribeTags over a store of tags, with ELB's limit of 20 resources a call. */
function describeTags(tags: Map<string, Record<string, string>>): (params: Params) => Reply {
  return (params) => {
    const arns = Object.keys(params)
      .filter((key) => key.startsWith('ResourceArns.member.'))
      .map((key) => params[key] as string);
    if (arns.length > 20) {
      return failure(400, 'ValidationError', `You can specify up to 20 resources, not ${arns.length}`);
    }
    const unknown = arns.find((arn) => !tags.has(arn));
    if (unknown !== undefined) return failure(400, 'TargetGroupNotFound', `${unknown} not found`);
    const descriptions = arns.map(
      (arn) =>
        `${field('ResourceArn', arn)}${list(
          'Tags',
          Object.entries(tags.get(arn) ?? {}).map(
            ([key, value]) => `${field('Key', key)}${field('Value', value)}`,
          ),
        )}`,
    );
    return ok('DescribeTags', list('TagDescriptions', descriptions));
  };
}

const sent = (action: string) => received.filter((r) => r.params.Action === action).map((r) => r.params);

function router(deps: ElbRouterDeps = {}, settings: Partial<ElbSettings> = {}) {
  return createElbRouter(ecs, { ...SETTINGS, ...settings }, { sleep: async () => {}, ...deps });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      received.push({ params, authorization: request.headers.authorization });
      const reply = answer(params);
      response.writeHead(reply.status, { 'content-type': 'text/xml' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  ecs = new ECSClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  ecs.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

// --- A listener's worth of rules and target groups ----------------------------------------------------------

const sha = (pr: number) => (0xabc0000 + pr).toString(16);
const groupArn = (name: string) =>
  `${ACCOUNT}:targetgroup/${name}/${(0x73e2d6bc + name.length).toString(16)}`;
const ruleArn = (n: number) =>
  `${LISTENER.replace(':listener/', ':listener-rule/')}/${n.toString(16).padStart(16, '0')}`;
const created = (pr: number) => new Date(Date.UTC(2026, 11, 1, pr));
const managed = (pr: number, sha7?: string): Record<string, string> => ({
  'managed-by': 'showtime',
  'showtime-pr': String(pr),
  ...(sha7 !== undefined ? { 'showtime-sha': sha7 } : {}),
});

interface Group {
  name: string;
  arn: string;
  tags?: Record<string, string>;
  loadBalancers: string[];
  /** This adapter's own (tags agree with the name): in listManaged's answer. */
  ours: boolean;
  /** Named under this listener's scope, so its tags are read. */
  asked: boolean;
}

function group(name: string, tags: Record<string, string> | undefined, ours: boolean, asked: boolean): Group {
  return { name, arn: groupArn(name), ...(tags ? { tags } : {}), loadBalancers: [], ours, asked };
}

const inScope = (pr: number, sha7 = sha(pr)) => targetGroupName(pr, sha7, SCOPE);
const GROUPS: Group[] = (() => {
  const good = Array.from({ length: 20 }, (_, i) => {
    const pr = i + 1;
    const g = group(
      inScope(pr),
      {
        ...managed(pr, sha(pr)),
        'showtime-created-at': created(pr).toISOString(),
        'showtime-requester': 'octocat',
      },
      true,
      true,
    );
    return { ...g, loadBalancers: pr % 2 === 0 ? [LOAD_BALANCER] : [] };
  });
  const others = [
    group(
      targetGroupName(21, sha(21), listenerScope(`${LISTENER}-other`)),
      managed(21, sha(21)),
      false,
      false,
    ),
    group('web-frontend', managed(22, sha(22)), false, false),
    group(inScope(23), { ...managed(23, sha(23)), 'managed-by': 'terraform' }, false, true),
    group(inScope(24), managed(99, sha(24)), false, true),
    group(inScope(25), managed(25, sha(26)), false, true),
    group(inScope(26), undefined, false, true),
  ];
  // Spread the others over the pages: 7 is prime to 26, so this visits every group once.
  const all = [...good, ...others];
  return all.map((_, i) => all[(i * 7) % all.length] as Group);
})();

const targetGroupMember = (g: Group) =>
  field('TargetGroupArn', g.arn) +
  field('TargetGroupName', g.name) +
  '<Protocol>HTTP</Protocol><Port>8088</Port><VpcId>vpc-0abc</VpcId><TargetType>ip</TargetType>' +
  '<HealthCheckPath>/health</HealthCheckPath>' +
  list(
    'LoadBalancerArns',
    g.loadBalancers.map((arn) => escape(arn)),
  );

interface Rule {
  arn: string;
  xml: string;
  tags: Record<string, string>;
  /** Its hosts name one PR or environment under the domain, so its tags are read. */
  asked: boolean;
  /** In listManaged's answer. */
  expected?: PrRule;
}

const hostCondition = (hosts: string[], form: 'both' | 'values' | 'config') =>
  `<Field>host-header</Field>` +
  (form !== 'config' ? list('Values', hosts.map(escape)) : '') +
  (form !== 'values' ? `<HostHeaderConfig>${list('Values', hosts.map(escape))}</HostHeaderConfig>` : '');
const forward = (arn: string) => `<Type>forward</Type>${field('TargetGroupArn', arn)}<Order>1</Order>`;
const weighted = (arn: string) =>
  `<Type>forward</Type><ForwardConfig>${list('TargetGroups', [`${field('TargetGroupArn', arn)}<Weight>1</Weight>`])}</ForwardConfig>`;

interface RuleSpec {
  priority: string;
  conditions: string[];
  actions: string[];
  tags: Record<string, string>;
  /** 'unasked': not a PR's or environment's host; 'foreign': its tags disagree; else what listManaged returns. */
  outcome: 'unasked' | 'foreign' | Omit<PrRule, 'ruleArn' | 'managed' | 'priority'>;
}

function rule(n: number, spec: RuleSpec): Rule {
  const arn = ruleArn(n);
  const { priority, conditions, actions, tags, outcome } = spec;
  return {
    arn,
    xml:
      field('RuleArn', arn) +
      field('Priority', priority) +
      list('Conditions', conditions) +
      list('Actions', actions) +
      `<IsDefault>${priority === 'default'}</IsDefault>`,
    tags,
    asked: outcome !== 'unasked',
    ...(typeof outcome === 'object'
      ? {
          expected: {
            ruleArn: arn,
            ...outcome,
            ...routesTo(outcome),
            priority: Number(priority),
            managed: true,
          },
        }
      : {}),
  };
}

const tg = (pr: number) => groupArn(inScope(pr));

/** The environment a rule forwards to, when its one target group has a name of this scope for the rule's PR. */
function routesTo(outcome: { pr: number; targetGroupArns: string[] }): { routesTo?: string } {
  const [only, ...more] = outcome.targetGroupArns;
  const name = /:targetgroup\/([^/]+)\//.exec(only ?? '')?.[1] ?? '';
  const parsed = more.length === 0 ? parseTargetGroupName(name, SCOPE) : undefined;
  return parsed && parsed.pr === outcome.pr ? { routesTo: parsed.sha7 } : {};
}
/** A rule of this adapter's on PR `pr`'s host: priority, host condition and forward as CreateRule makes them. */
const prRule = (pr: number, tags: Record<string, string>, outcome: RuleSpec['outcome']): RuleSpec => ({
  priority: String(pr),
  conditions: [hostCondition([`pr-${pr}.${DOMAIN}`], 'both')],
  actions: [forward(tg(pr))],
  tags,
  outcome,
});
const RULES: Rule[] = [
  {
    priority: 'default',
    conditions: [],
    actions: [forward(`${ACCOUNT}:targetgroup/fallback/1`)],
    tags: {},
    outcome: 'unasked' as const,
  },
  prRule(1, managed(1), { pr: 1, host: `pr-1.${DOMAIN}`, targetGroupArns: [tg(1)] }),
  {
    // Only the old Values form, written in capitals: hosts compare without case.
    priority: '2',
    conditions: [hostCondition([`PR-2-${sha(2)}.SHOWTIME.example.org`], 'values')],
    actions: [forward(tg(2))],
    tags: managed(2, sha(2)),
    outcome: { pr: 2, sha7: sha(2), host: `pr-2-${sha(2)}.${DOMAIN}`, targetGroupArns: [tg(2)] },
  },
  // Tags that disagree with the host: not this adapter's rule.
  prRule(3, managed(4), 'foreign'),
  prRule(5, {}, 'foreign'),
  {
    priority: '6',
    conditions: [hostCondition([`pr-6-${sha(6)}.${DOMAIN}`], 'both')],
    actions: [forward(tg(6))],
    tags: managed(6, sha(7)),
    outcome: 'foreign' as const,
  },
  { ...prRule(7, managed(7), 'unasked'), conditions: [hostCondition(['pr-7.other.example.org'], 'both')] },
  {
    ...prRule(8, managed(8), 'unasked'),
    conditions: [hostCondition([`pr-8.${DOMAIN}`, `pr-9.${DOMAIN}`], 'both')],
  },
  {
    priority: '10',
    conditions: [hostCondition([`pr-10.${DOMAIN}`], 'config')],
    actions: [weighted(tg(10))],
    tags: managed(10),
    outcome: { pr: 10, host: `pr-10.${DOMAIN}`, targetGroupArns: [tg(10)] },
  },
  {
    ...prRule(11, managed(11), 'unasked'),
    conditions: [`<Field>path-pattern</Field>${list('Values', ['/pr-11/*'])}`],
  },
  prRule(12, managed(12), { pr: 12, host: `pr-12.${DOMAIN}`, targetGroupArns: [tg(12)] }),
  {
    ...prRule(13, managed(13), { pr: 13, host: `pr-13.${DOMAIN}`, targetGroupArns: [tg(13)] }),
    conditions: [hostCondition([`pr-13.${DOMAIN}`, `PR-13.${DOMAIN}`], 'both')],
  },
  // Tag keys are case-sensitive in ELB: Managed-By is not managed-by.
  prRule(14, { 'Managed-By': 'showtime', 'showtime-pr': '14' }, 'foreign'),
].map((spec, i) => rule(i + 1, spec));

function pages<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function listener(): (params: Params) => Reply {
  const tags = new Map<string, Record<string, string>>([
    ...RULES.map((r): [string, Record<string, string>] => [r.arn, r.tags]),
    ...GROUPS.map((g): [string, Record<string, string>] => [g.arn, g.tags ?? {}]),
  ]);
  return byAction({
    DescribeRules: paged(
      'DescribeRules',
      'Rules',
      pages(RULES, 10).map((page) => page.map((r) => r.xml)),
    ),
    DescribeTargetGroups: paged(
      'DescribeTargetGroups',
      'TargetGroups',
      pages(GROUPS, 10).map((page) => page.map(targetGroupMember)),
    ),
    DescribeTags: describeTags(tags),
  });
}

// --- listManaged --------------------------------------------------------------------------------------------

describe('listManaged', () => {
  test('the stand-in listener has the pages the tests below count on', () => {
    expect(pages(GROUPS, 10).map((p) => p.length)).toEqual([10, 10, 6]);
    expect(pages(RULES, 10).map((p) => p.length)).toEqual([10, 3]);
  });

  test('follows NextMarker through 3 pages of target groups and 2 of rules, asking PageSize and Marker', async () => {
    answer = listener();
    await router().listManaged();
    expect(sent('DescribeRules')).toEqual([
      { Action: 'DescribeRules', ListenerArn: LISTENER, PageSize: '10', Version: '2015-12-01' },
      {
        Action: 'DescribeRules',
        ListenerArn: LISTENER,
        PageSize: '10',
        Marker: marker('DescribeRules', 1),
        Version: '2015-12-01',
      },
    ]);
    expect(sent('DescribeTargetGroups')).toEqual([
      { Action: 'DescribeTargetGroups', PageSize: '10', Version: '2015-12-01' },
      ...[1, 2].map((page) => ({
        Action: 'DescribeTargetGroups',
        PageSize: '10',
        Marker: marker('DescribeTargetGroups', page),
        Version: '2015-12-01',
      })),
    ]);
    // Signed for ELB, through the ECS client's credentials and region.
    for (const { authorization } of received) {
      expect(authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/elasticloadbalancing\/aws4_request, /,
      );
    }
  });

  test('reads the tags of the rules and groups it could own, at most 20 ARNs a DescribeTags', async () => {
    answer = listener();
    await router().listManaged();
    const calls = sent('DescribeTags');
    const asked = [
      ...RULES.filter((r) => r.asked).map((r) => r.arn),
      ...GROUPS.filter((g) => g.asked).map((g) => g.arn),
    ];
    expect(asked).toHaveLength(33);
    expect(calls).toHaveLength(2);
    const arns = calls.map((params) => {
      const keys = Object.keys(params).filter((key) => key.startsWith('ResourceArns.member.'));
      expect(keys.length).toBeLessThanOrEqual(20);
      // Numbered from 1 without gaps, as the Query API lists are.
      expect(
        keys.map((key) => Number(key.slice('ResourceArns.member.'.length))).sort((a, b) => a - b),
      ).toEqual(keys.map((_, i) => i + 1));
      return keys.map((key) => params[key] as string);
    });
    expect(arns.map((chunk) => chunk.length)).toEqual([20, 13]);
    expect(arns.flat().sort()).toEqual([...asked].sort());
  });

  test('returns only what is tagged managed-by=showtime with tags that agree with its name or host', async () => {
    answer = listener();
    const routing = await router().listManaged();
    expect(routing.rules).toEqual(RULES.flatMap((r) => (r.expected ? [r.expected] : [])));
    const expectedGroups = GROUPS.filter((g) => g.ours).map((g): ManagedTargetGroup => {
      const pr = Number(g.name.split('-')[1]);
      return {
        targetGroupArn: g.arn,
        name: g.name,
        pr,
        sha7: sha(pr),
        loadBalancerArns: g.loadBalancers,
        createdAt: created(pr),
      };
    });
    expect(expectedGroups).toHaveLength(20);
    expect(routing.targetGroups).toEqual(expectedGroups);
  });

  test.each([
    [0, '1'],
    [1, '1'],
    [400, '400'],
    [1000, '400'],
    [undefined, '400'],
  ])('with pageSize %p asks pages of %s', async (pageSize, asked) => {
    answer = listener();
    const { pageSize: _default, ...rest } = SETTINGS;
    await createElbRouter(ecs, pageSize === undefined ? rest : { ...rest, pageSize }, {
      sleep: async () => {},
    }).listManaged();
    expect(sent('DescribeRules')[0]?.PageSize).toBe(asked);
    expect(sent('DescribeTargetGroups')[0]?.PageSize).toBe(asked);
  });

  const empty = (action: string, listName: string) => () => ok(action, list(listName, []));

  test.each([
    ['DescribeRules', 'the same marker again', ['m1', 'm1'], 2],
    ['DescribeRules', 'a marker from two pages back', ['m1', 'm2', 'm1'], 3],
    ['DescribeTargetGroups', 'the same marker again', ['m1', 'm1'], 2],
    ['DescribeTargetGroups', 'a marker from two pages back', ['m1', 'm2', 'm1'], 3],
  ])(
    '%s answering %s is an error naming the call, not an endless loop',
    async (action, _case, markers, calls) => {
      const listName = action === 'DescribeRules' ? 'Rules' : 'TargetGroups';
      let page = 0;
      const looping = () => {
        const next = markers[Math.min(page, markers.length - 1)] as string;
        page += 1;
        return ok(action, `${list(listName, [])}${field('NextMarker', next)}`);
      };
      answer = byAction({
        DescribeRules: empty('DescribeRules', 'Rules'),
        DescribeTargetGroups: empty('DescribeTargetGroups', 'TargetGroups'),
        DescribeTags: empty('DescribeTags', 'TagDescriptions'),
        [action]: looping,
      });
      const error = await router()
        .listManaged()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ElbError);
      expect(error).toMatchObject({ action });
      expect((error as ElbError).message).toContain(`ELB ${action}`);
      expect((error as ElbError).message).toContain('m1');
      expect(sent(action)).toHaveLength(calls);
    },
  );

  test('an empty NextMarker ends the listing', async () => {
    answer = byAction({
      DescribeRules: () => ok('DescribeRules', `${list('Rules', [])}<NextMarker/>`),
      DescribeTargetGroups: () =>
        ok('DescribeTargetGroups', `${list('TargetGroups', [])}<NextMarker></NextMarker>`),
    });
    expect(await router().listManaged()).toEqual({ rules: [], targetGroups: [] });
    expect(received.map((r) => r.params.Action)).toEqual(['DescribeRules', 'DescribeTargetGroups']);
  });
});

// --- Retries and errors -------------------------------------------------------------------------------------

describe('an ELB error answer', () => {
  test('throttling (HTTP 400) and a 500 are tried again, each call recorded once', async () => {
    const failures: Reply[] = [
      failure(400, 'Throttling', 'Rate exceeded'),
      { status: 500, body: 'Internal Server Error' },
    ];
    const listing = listener();
    answer = (params) =>
      params.Action === 'DescribeRules' && failures.length > 0
        ? (failures.shift() as Reply)
        : listing(params);
    const pauses: number[] = [];
    const recorded: string[] = [];
    const routing = await router({
      sleep: async (ms) => {
        pauses.push(ms);
      },
      record: (client, action) => recorded.push(`${client} ${action}`),
    }).listManaged();
    expect(routing.rules).toHaveLength(5);
    // The first page three times (two failures, then the answer), the second once.
    expect(sent('DescribeRules').map((p) => p.Marker)).toEqual([
      undefined,
      undefined,
      undefined,
      marker('DescribeRules', 1),
    ]);
    expect(pauses).toEqual([200, 400]);
    expect(recorded).toEqual([
      'ELB DescribeRules',
      'ELB DescribeRules',
      'ELB DescribeTargetGroups',
      'ELB DescribeTargetGroups',
      'ELB DescribeTargetGroups',
      'ELB DescribeTags',
      'ELB DescribeTags',
    ]);
  });

  test('throttling on every attempt gives up after four with an ElbError', async () => {
    answer = () => failure(400, 'Throttling', 'Rate exceeded');
    await expect(router().listManaged()).rejects.toMatchObject({
      name: 'ElbError',
      action: 'DescribeRules',
      code: 'Throttling',
    });
    expect(received).toHaveLength(4);
  });

  test.each([
    ['listManaged', 'DescribeRules', `listener ${LISTENER}`, () => router().listManaged()],
    [
      'deleteTargetGroup',
      'DeleteTargetGroup',
      `target group ${tg(1)}`,
      () => router().deleteTargetGroup(tg(1)),
    ],
    ['targetHealth', 'DescribeTargetHealth', `target group ${tg(1)}`, () => router().targetHealth(tg(1))],
  ])(
    'AccessDenied (HTTP 403) in %s is not tried again and names %s and the resource',
    async (_method, action, resource, run) => {
      const message = `User: arn:aws:sts::123456789012:assumed-role/showtime/run is not authorized to perform: elasticloadbalancing:${action}`;
      answer = () => failure(403, 'AccessDenied', message);
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ElbError);
      expect(error).toMatchObject({ action, resource, code: 'AccessDenied' });
      expect((error as ElbError).message).toBe(
        `ELB ${action} (${resource}) failed: AccessDenied: ${message}`,
      );
      expect(received).toHaveLength(1);
    },
  );
});

describe('deleteTargetGroup', () => {
  test('deletes the group by its ARN', async () => {
    answer = byAction({ DeleteTargetGroup: () => ok('DeleteTargetGroup', '') });
    expect(await router().deleteTargetGroup(tg(4))).toBe('deleted');
    expect(sent('DeleteTargetGroup')).toEqual([
      { Action: 'DeleteTargetGroup', TargetGroupArn: tg(4), Version: '2015-12-01' },
    ]);
  });

  test('is gone when ELB no longer knows the group', async () => {
    answer = () => failure(400, 'TargetGroupNotFound', `Target groups '${tg(4)}' not found`);
    expect(await router().deleteTargetGroup(tg(4))).toBe('gone');
    expect(received).toHaveLength(1);
  });

  test('of a group a rule still forwards to says to move or remove the PR’s route first', async () => {
    answer = () =>
      failure(400, 'ResourceInUse', `Target group '${tg(4)}' is currently in use by a listener or a rule`);
    const error = await router()
      .deleteTargetGroup(tg(4))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ElbError);
    expect(error).toMatchObject({ action: 'DeleteTargetGroup', code: 'ResourceInUse' });
    expect((error as ElbError).message).toMatch(
      /^ELB target group \S+ is still in use by a listener rule: move or remove the PR's route first \(/,
    );
    expect((error as ElbError).message).toContain(tg(4));
    expect(received).toHaveLength(1);
  });
});
