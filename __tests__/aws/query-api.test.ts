// The shared Query API request (signing, endpoint, retries, errors) through an ECS client whose HTTP handler is a
// recorder, and the XML helpers. The requests themselves run against moto in ecs.moto.test.ts and elb.moto.test.ts.
import { ECSClient } from '@aws-sdk/client-ecs';
import type { HttpRequest } from '@smithy/core/protocols';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import {
  child,
  members,
  parseQueryError,
  parseXml,
  queryApi,
  QueryApiError,
  serviceEndpoint,
  textAt,
  unescapeXml,
} from '../../src/aws/query-api.js';

const API = {
  service: 'elasticloadbalancing',
  version: '2015-12-01',
  label: 'ELB',
  actions: ['DescribeRules'],
} as const;

interface Answer {
  status: number;
  body: string;
}

function recordingClient(answers: (Answer | Error)[], options: { endpoint?: string; region?: string } = {}) {
  const requests: HttpRequest[] = [];
  const ecs = new ECSClient({
    region: options.region ?? 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    requestHandler: {
      handle: async (request: HttpRequest) => {
        requests.push(request);
        const answer = answers.shift() ?? new Error('no answer left');
        if (answer instanceof Error) throw answer;
        return {
          response: {
            statusCode: answer.status,
            headers: {},
            body: Readable.from([Buffer.from(answer.body)]),
          },
        };
      },
    },
  });
  return { ecs, requests };
}

const ok = (body = '<DescribeRulesResponse><DescribeRulesResult/></DescribeRulesResponse>'): Answer => ({
  status: 200,
  body,
});
const elbError = (status: number, code: string, message: string): Answer => ({
  status,
  body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
});

describe('a call', () => {
  test('is a SigV4-signed form POST for the service, to the custom endpoint, with Action and Version', async () => {
    const { ecs, requests } = recordingClient([ok()], { endpoint: 'http://127.0.0.1:5999' });
    const xml = await queryApi(ecs, API, async () => {}).call({
      Action: 'DescribeRules',
      ListenerArn: 'arn:l/1',
    });
    expect(xml).toContain('<DescribeRulesResult/>');
    expect(requests).toHaveLength(1);
    const request = requests[0] as HttpRequest;
    expect(request).toMatchObject({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 5999,
      path: '/',
    });
    expect(request.headers.host).toBe('127.0.0.1:5999');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/elasticloadbalancing\/aws4_request, /,
    );
    expect(Object.fromEntries(new URLSearchParams(String(request.body)))).toEqual({
      Action: 'DescribeRules',
      ListenerArn: 'arn:l/1',
      Version: '2015-12-01',
    });
  });

  test.each([
    ['ec2', 'us-east-1', false, 'ec2.us-east-1.amazonaws.com'],
    ['elasticloadbalancing', 'eu-west-1', false, 'elasticloadbalancing.eu-west-1.amazonaws.com'],
    ['elasticloadbalancing', 'us-gov-west-1', true, 'elasticloadbalancing-fips.us-gov-west-1.amazonaws.com'],
    ['ec2', 'cn-north-1', false, 'ec2.cn-north-1.amazonaws.com.cn'],
  ])('without a custom endpoint, %s in %s (FIPS %s) is %s', async (service, region, fips, hostname) => {
    const ecs = new ECSClient({ region, useFipsEndpoint: fips });
    expect(await serviceEndpoint(ecs, service, region)).toEqual({ protocol: 'https:', hostname, path: '/' });
  });

  test.each([
    ['throttling', elbError(400, 'Throttling', 'Rate exceeded')],
    ['a 5xx', elbError(503, 'ServiceUnavailable', 'busy')],
    ['an answer without a code', { status: 502, body: 'Bad gateway' }],
    ['a transport error', new Error('socket hang up')],
  ])('is tried again after %s, with growing pauses', async (_case, failure) => {
    const { ecs, requests } = recordingClient([failure, failure, ok()]);
    const pauses: number[] = [];
    await queryApi(ecs, API, async (ms) => {
      pauses.push(ms);
    }).call({ Action: 'DescribeRules' });
    expect(requests).toHaveLength(3);
    expect(pauses).toEqual([200, 400]);
  });

  test('gives up after four attempts with the last error', async () => {
    const failure = elbError(400, 'Throttling', 'Rate exceeded');
    const { ecs, requests } = recordingClient([failure, failure, failure, failure, ok()]);
    await expect(queryApi(ecs, API, async () => {}).call({ Action: 'DescribeRules' })).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      status: 400,
    });
    expect(requests).toHaveLength(4);
  });

  test('is not repeated when the service refused it', async () => {
    const { ecs, requests } = recordingClient([
      elbError(400, 'ListenerNotFound', 'One or more listeners not found'),
    ]);
    const failure = queryApi(ecs, API, async () => {}).call({ Action: 'DescribeRules' });
    await expect(failure).rejects.toBeInstanceOf(QueryApiError);
    await expect(failure).rejects.toMatchObject({ code: 'ListenerNotFound' });
    expect(requests).toHaveLength(1);
  });

  test('with an action the adapter did not declare is refused before anything is sent', async () => {
    const { ecs, requests } = recordingClient([ok()]);
    const api = queryApi(ecs, API, async () => {});
    // A caller without types (or with a cast) is held to the declared list too.
    await expect(api.call({ Action: 'DeleteLoadBalancer' } as never)).rejects.toThrow(
      'ELB action DeleteLoadBalancer is not declared for this adapter',
    );
    expect(requests).toHaveLength(0);
  });
});

test.each([
  [
    'ELB',
    '<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>TargetGroupNotFound</Code><Message>One or more target groups &quot;tg&quot; not found</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    { code: 'TargetGroupNotFound', message: 'One or more target groups "tg" not found' },
  ],
  [
    'EC2',
    '<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized</Message></Error></Errors></Response>',
    { code: 'UnauthorizedOperation', message: 'You are not authorized' },
  ],
  ['ELB', '<html>gateway</html>', { code: 'HTTP504', message: 'ELB answered HTTP 504' }],
])('a %s error answer is parsed', (label, xml, expected) => {
  const status = expected.code === 'HTTP504' ? 504 : 400;
  const error = parseQueryError(xml, status, label);
  expect(error).toMatchObject({ ...expected, name: expected.code, status });
});

describe('XML', () => {
  const answer = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeRulesResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
  <DescribeRulesResult>
    <Rules>
      <member>
        <RuleArn>arn:rule/1</RuleArn>
        <Conditions>
          <member><Field>host-header</Field><Values><member>pr-1.example.org</member></Values></member>
        </Conditions>
        <Actions/>
      </member>
      <member><RuleArn>arn:rule/2</RuleArn><!-- a comment --><Priority>a &amp; b &#x41;&#66;</Priority></member>
    </Rules>
    <NextMarker>m</NextMarker>
  </DescribeRulesResult>
</DescribeRulesResponse>`;

  test('finds nested lists, their members and texts', () => {
    const result = child(parseXml(answer), 'DescribeRulesResult');
    const rules = members(child(result, 'Rules'));
    expect(rules.map((rule) => textAt(rule, 'RuleArn'))).toEqual(['arn:rule/1', 'arn:rule/2']);
    const condition = members(child(rules[0], 'Conditions'))[0];
    expect(members(child(condition, 'Values')).map((v) => v.text)).toEqual(['pr-1.example.org']);
    expect(members(child(rules[0], 'Actions'))).toEqual([]);
    expect(textAt(rules[1], 'Priority')).toBe('a & b AB');
    expect(textAt(result, 'NextMarker')).toBe('m');
    expect(textAt(result, 'Missing')).toBeUndefined();
    expect(child(result, 'Rules')?.text).toBe('');
  });

  test.each([
    ['<a><b></a>', '</a> closes <b>'],
    ['<a><b/>', '<a> is never closed'],
    ['just text', 'no element'],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  interface Tree {
    name: string;
    text: string;
    children: Tree[];
  }
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ name, text: fc.string({ unit: 'grapheme' }), children: fc.constant<Tree[]>([]) }),
      fc.record({ name, text: fc.constant(''), children: fc.array(tie('tree'), { maxLength: 4 }) }),
    ),
  }));
  const render = (node: Tree): string =>
    node.children.length > 0
      ? `<${node.name}>\n  ${node.children.map(render).join('\n  ')}\n</${node.name}>`
      : `<${node.name}>${escape(node.text)}</${node.name}>`;
  const plain = (element: { name: string; text: string; children: unknown[] }): Tree => ({
    name: element.name,
    text: element.text,
    children: (element.children as (typeof element)[]).map(plain),
  });
  const normal = (node: Tree): Tree => ({
    name: node.name,
    text: node.children.length > 0 ? '' : node.text,
    children: node.children.map(normal),
  });

  test('reads back any tree of elements and escaped texts it is given', () => {
    fc.assert(
      fc.property(tree, (input) => {
        expect(plain(parseXml(`<?xml version="1.0"?>\n${render(input)}`))).toEqual(normal(input));
      }),
    );
  });

  test('unescapes what it escapes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => unescapeXml(escape(text)) === text));
  });
});
