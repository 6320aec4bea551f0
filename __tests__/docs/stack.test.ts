// aws/showtime-stack.yml: it parses as plain YAML, the deploy role's policy is exactly the set of calls the ECS
// adapter makes, and the template deploys in moto's CloudFormation into the resources the action expects.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeSecurityGroupsCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { parseDocument } from 'yaml';
import { MOTO_CREDENTIALS, startMoto } from '../../test-support/moto.js';
import type { MotoServer } from '../../test-support/moto.js';

const TEMPLATE_PATH = 'aws/showtime-stack.yml';
const TEMPLATE_TEXT = readFileSync(TEMPLATE_PATH, 'utf8');
const REGION = 'us-west-2';

type Node = Record<string, unknown>;

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Node;
}

function loadTemplate(): Node {
  const doc = parseDocument(TEMPLATE_TEXT);
  // Short-form tags (!Ref, !Sub) would parse here only as warnings and unresolved strings.
  expect([...doc.errors, ...doc.warnings].map(String)).toEqual([]);
  return doc.toJS() as Node;
}

const template = loadTemplate();
const resources = template.Resources as Record<
  string,
  { Type: string; Condition?: string; Properties: Node }
>;
const deployRole = resources.DeployRole?.Properties ?? {};
const deployStatements = (
  (deployRole.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []
).flatMap((policy) => policy.PolicyDocument.Statement);

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** IAM prefix of each AWS SDK client the action may import; a new client must be added here and to the policy. */
const IAM_PREFIX: Record<string, string> = { ecs: 'ecs', ec2: 'ec2' };

/**
 * The IAM actions a source file's value imports of `@aws-sdk/client-*` commands need, e.g.
 * `RegisterTaskDefinitionCommand` from client-ecs → `ecs:RegisterTaskDefinition`. Type-only imports send nothing.
 */
function sdkActions(source: string): string[] {
  const actions: string[] = [];
  const imports = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@aws-sdk\/client-([a-z0-9-]+)'/g;
  for (const match of source.matchAll(imports)) {
    const [, typeOnly, names = '', client = ''] = match;
    if (typeOnly) continue;
    for (const raw of names.split(',')) {
      const name = raw.trim();
      if (name.startsWith('type ') || !/^[A-Z]\w*Command$/.test(name)) continue;
      const prefix = IAM_PREFIX[client];
      if (prefix === undefined) throw new Error(`client-${client} has no IAM prefix in this test; add it`);
      actions.push(`${prefix}:${name.slice(0, -'Command'.length)}`);
    }
  }
  return actions;
}

/**
 * The IAM actions of signed Query API requests made without an SDK client (src/aws/ec2-query.ts): the `service`
 * the SignatureV4 signer is built for, and each `Action: '…'` parameter of the request bodies.
 */
function queryActions(source: string): string[] {
  if (!source.includes('new SignatureV4(')) return [];
  const service = /service:\s*'([a-z0-9]+)'/.exec(source)?.[1];
  if (service === undefined) throw new Error('a SignatureV4 signer without a literal service name');
  const prefix = IAM_PREFIX[service];
  if (prefix === undefined) throw new Error(`service ${service} has no IAM prefix in this test; add it`);
  return [...source.matchAll(/\bAction:\s*'([A-Z][A-Za-z]+)'/g)].map(
    (match) => `${prefix}:${match[1] ?? ''}`,
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every AWS call the product can make: all of src/, so a call added outside the adapter is caught too. */
const ADAPTER_ACTIONS = [
  ...new Set(
    sourceFiles('src').flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...sdkActions(source), ...queryActions(source)];
    }),
  ),
].sort();

describe('sdkActions (the extraction the drift check relies on)', () => {
  test.each([
    ["import { ListTasksCommand, ECSClient } from '@aws-sdk/client-ecs';", ['ecs:ListTasks']],
    [
      "import {\n  DescribeNetworkInterfacesCommand,\n  EC2Client,\n} from '@aws-sdk/client-ec2';",
      ['ec2:DescribeNetworkInterfaces'],
    ],
    ["import type { ListTasksCommandOutput, Task } from '@aws-sdk/client-ecs';", []],
    ["import { type RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';", ['ecs:StopTask']],
    ["import { ListTasksCommand } from './local.js';", []],
    ['', []],
  ])('%j → %j', (source, expected) => {
    expect(sdkActions(source)).toEqual(expected);
  });

  test.each([
    [
      "new SignatureV4({ service: 'ec2' }); new URLSearchParams({ Action: 'DescribeNetworkInterfaces' })",
      ['ec2:DescribeNetworkInterfaces'],
    ],
    ["new URLSearchParams({ Action: 'DescribeNetworkInterfaces' })", []],
  ])('signed query %j → %j', (source, expected) => {
    expect(queryActions(source)).toEqual(expected);
  });

  test('an SDK client without a known IAM prefix is an error, not a silent gap', () => {
    expect(() => sdkActions("import { PutObjectCommand } from '@aws-sdk/client-s3';")).toThrow(/client-s3/);
  });

  test('finds the calls of the ECS adapter', () => {
    expect(ADAPTER_ACTIONS).toEqual(
      expect.arrayContaining([
        'ecs:RegisterTaskDefinition',
        'ecs:CreateService',
        'ec2:DescribeNetworkInterfaces',
      ]),
    );
  });
});

describe('the deploy role', () => {
  test('allows exactly the calls the action makes, plus passing the execution role', () => {
    const granted = deployStatements.flatMap(actionsOf);
    expect(new Set(granted).size).toBe(granted.length);
    expect(granted.filter((action) => action !== 'iam:PassRole').sort()).toEqual(ADAPTER_ACTIONS);
    expect(granted).toContain('iam:PassRole');
  });

  test('grants no wildcard action and only allows', () => {
    for (const statement of deployStatements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) expect(action).toMatch(/^[a-z0-9]+:[A-Za-z]+$/);
    }
  });

  // Where ECS accepts resource-level permissions, the role reaches only this cluster's pr-* services.
  test.each([
    ['ecs:CreateService', ['service/${ClusterName}/pr-*']],
    ['ecs:UpdateService', ['service/${ClusterName}/pr-*']],
    ['ecs:DeleteService', ['service/${ClusterName}/pr-*']],
    ['ecs:DescribeServices', ['service/${ClusterName}/pr-*']],
    ['ecs:DescribeTasks', ['task/${ClusterName}/*']],
    ['ecs:TagResource', ['service/${ClusterName}/pr-*', 'task-definition/pr-*:*']],
  ])('%s is limited to %j', (action, suffixes) => {
    const statements = deployStatements.filter((s) => actionsOf(s).includes(action));
    expect(statements).toHaveLength(1);
    const raw = statements[0]?.Resource;
    const list = (Array.isArray(raw) ? raw : [raw]) as { 'Fn::Sub'?: string }[];
    const arns = list.map((r) => r['Fn::Sub'] ?? '');
    expect(arns).toEqual(
      suffixes.map((suffix) => `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:${suffix}`),
    );
  });

  test.each([['ecs:ListServices'], ['ecs:ListTasks']])(
    '%s is limited to the cluster by condition',
    (action) => {
      const statement = deployStatements.find((s) => actionsOf(s).includes(action));
      expect(statement?.Condition).toEqual({
        ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': ['Cluster', 'Arn'] } },
      });
    },
  );

  test('may pass only the execution role, and only to ECS tasks', () => {
    const statement = deployStatements.find((s) => actionsOf(s).includes('iam:PassRole'));
    expect(statement).toMatchObject({
      Action: ['iam:PassRole'],
      Resource: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
  });

  test('trusts GitHub OIDC tokens of one repository only', () => {
    const trust = (deployRole.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': { 'Fn::Sub': 'repo:${GitHubRepository}:*' },
        },
      },
    });
  });

  test('uses the OIDC provider it creates, or the one the account has', () => {
    expect(resources.GitHubOidcProvider).toMatchObject({
      Type: 'AWS::IAM::OIDCProvider',
      Condition: 'ShouldCreateOidcProvider',
      Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
    });
    const trust = (deployRole.AssumeRolePolicyDocument as { Statement: { Principal: Node }[] }).Statement;
    expect(trust[0]?.Principal).toEqual({
      Federated: {
        'Fn::If': [
          'ShouldCreateOidcProvider',
          { Ref: 'GitHubOidcProvider' },
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com',
          },
        ],
      },
    });
    expect((template.Parameters as Node).CreateOidcProvider).toMatchObject({ Default: 'false' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Deployed in moto

let moto: MotoServer;
let vpcId: string;
let ecs: ECSClient;
let ec2: EC2Client;

const credentials = {
  accessKeyId: MOTO_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: MOTO_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
};

/**
 * A call to one of moto's query-protocol services (CloudFormation, IAM). moto reads the service and region from the
 * Authorization header's credential scope and does not check the signature, so none is computed.
 */
async function query(service: string, params: Record<string, string>): Promise<string> {
  const response = await fetch(moto.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${service} ${params.Action} answered HTTP ${response.status}: ${text}`);
  return text;
}

/** CloudWatch Logs speaks JSON. */
async function logs(target: string, body: Node): Promise<Node> {
  const response = await fetch(moto.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `Logs_20140328.${target}`,
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/${REGION}/logs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Node;
}

function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
}

function outputsOf(xml: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const member of xml.matchAll(
    /<member><OutputKey>([^<]*)<\/OutputKey><OutputValue>([^<]*)<\/OutputValue>/g,
  )) {
    outputs[member[1] ?? ''] = member[2] ?? '';
  }
  return outputs;
}

async function createStack(stackName: string, parameters: Record<string, string>): Promise<string> {
  const params: Record<string, string> = {
    Action: 'CreateStack',
    Version: '2010-05-15',
    StackName: stackName,
    TemplateBody: TEMPLATE_TEXT,
    'Capabilities.member.1': 'CAPABILITY_NAMED_IAM',
  };
  Object.entries(parameters).forEach(([key, value], i) => {
    params[`Parameters.member.${i + 1}.ParameterKey`] = key;
    params[`Parameters.member.${i + 1}.ParameterValue`] = value;
  });
  await query('cloudformation', params);
  return query('cloudformation', { Action: 'DescribeStacks', Version: '2010-05-15', StackName: stackName });
}

beforeAll(async () => {
  moto = await startMoto();
  const config = { region: REGION, endpoint: moto.endpoint, credentials };
  ecs = new ECSClient(config);
  ec2 = new EC2Client(config);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
  vpcId = vpc.Vpc?.VpcId ?? '';
  expect(vpcId).toMatch(/^vpc-/);
}, 60_000);

afterAll(async () => {
  ecs?.destroy();
  ec2?.destroy();
  await moto?.stop();
});

describe.each([
  {
    stack: 'superset-showtime',
    parameters: {} as Record<string, string>,
    expected: {
      cluster: 'superset-ci',
      port: 8080,
      cidr: '0.0.0.0/0',
      retention: 14,
      repo: 'apache/superset',
    },
  },
  {
    stack: 'showtime-fork',
    parameters: {
      ClusterName: 'showtime-fork',
      ContainerPort: '8088',
      IngressCidr: '10.0.0.0/8',
      LogRetentionDays: '30',
      GitHubRepository: 'someone/superset',
    },
    expected: {
      cluster: 'showtime-fork',
      port: 8088,
      cidr: '10.0.0.0/8',
      retention: 30,
      repo: 'someone/superset',
    },
  },
])('deployed as $stack', ({ stack, parameters, expected }) => {
  let described: string;

  beforeAll(async () => {
    described = await createStack(stack, { VpcId: vpcId, ...parameters });
  });

  test('reaches CREATE_COMPLETE with the outputs the workflows need', () => {
    expect(xmlValues(described, 'StackStatus')).toEqual(['CREATE_COMPLETE']);
    const outputs = outputsOf(described);
    expect(Object.keys(outputs).sort()).toEqual([
      'ClusterArn',
      'ClusterName',
      'DeployRoleArn',
      'ExecutionRoleArn',
      'LogGroupName',
      'SecurityGroupId',
    ]);
    expect(outputs).toMatchObject({
      ClusterName: expected.cluster,
      LogGroupName: `/ecs/${expected.cluster}`,
      DeployRoleArn: expect.stringMatching(new RegExp(`:role/${stack}-deploy$`)),
      ExecutionRoleArn: expect.stringMatching(new RegExp(`:role/${stack}-execution$`)),
      SecurityGroupId: expect.stringMatching(/^sg-/),
    });
  });

  test('created the ECS cluster', async () => {
    const clusters = await ecs.send(new DescribeClustersCommand({ clusters: [expected.cluster] }));
    expect(clusters.clusters?.map((c) => [c.clusterName, c.status])).toEqual([[expected.cluster, 'ACTIVE']]);
  });

  test('opened the container port in the VPC, to the given range only', async () => {
    const id = outputsOf(described).SecurityGroupId ?? '';
    const groups = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }));
    const group = groups.SecurityGroups?.[0];
    expect(group?.VpcId).toBe(vpcId);
    expect(
      group?.IpPermissions?.map((p) => [
        p.IpProtocol,
        p.FromPort,
        p.ToPort,
        p.IpRanges?.map((r) => r.CidrIp),
      ]),
    ).toEqual([['tcp', expected.port, expected.port, [expected.cidr]]]);
  });

  test('created the log group with its retention', async () => {
    const found = await logs('DescribeLogGroups', { logGroupNamePrefix: `/ecs/${expected.cluster}` });
    const groups = found.logGroups as { logGroupName: string; retentionInDays?: number }[];
    expect(groups.map((g) => [g.logGroupName, g.retentionInDays])).toEqual([
      [`/ecs/${expected.cluster}`, expected.retention],
    ]);
  });

  test('created both roles; the deploy role trusts the repository and is scoped to the cluster', async () => {
    const execution = await query('iam', {
      Action: 'GetRole',
      Version: '2010-05-08',
      RoleName: `${stack}-execution`,
    });
    expect(decodeURIComponent(xmlValues(execution, 'AssumeRolePolicyDocument')[0] ?? '')).toContain(
      'ecs-tasks.amazonaws.com',
    );
    const deploy = await query('iam', {
      Action: 'GetRole',
      Version: '2010-05-08',
      RoleName: `${stack}-deploy`,
    });
    const trust = decodeURIComponent(xmlValues(deploy, 'AssumeRolePolicyDocument')[0] ?? '');
    expect(trust).toContain(`repo:${expected.repo}:*`);
    expect(trust).toMatch(/oidc-provider\/token\.actions\.githubusercontent\.com/);
    expect(xmlValues(deploy, 'MaxSessionDuration')).toEqual(['7200']);
    const policy = await query('iam', {
      Action: 'GetRolePolicy',
      Version: '2010-05-08',
      RoleName: `${stack}-deploy`,
      PolicyName: 'showtime-deploy',
    });
    const document = decodeURIComponent(xmlValues(policy, 'PolicyDocument')[0] ?? '');
    expect(document).toContain(`:service/${expected.cluster}/pr-*`);
    expect(document).toContain(`:cluster/${expected.cluster}`);
    expect(document).toContain(outputsOf(described).ExecutionRoleArn);
  });
});
