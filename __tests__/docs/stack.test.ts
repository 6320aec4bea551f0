// aws/showtime-stack.yml: it parses as plain YAML, the deploy role's policy is exactly the set of calls the action
// makes (plus the registry pushes), the cleanup role's exactly the calls a sweep sends, and the template deploys in
// moto's CloudFormation into the resources the action expects.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeSecurityGroupsCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import { MAX_TTL_HOURS } from '../../src/core/values.js';
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
function statementsOf(role: Node): Statement[] {
  return ((role.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
}

const deployRole = resources.DeployRole?.Properties ?? {};
const deployStatements = statementsOf(deployRole);
const cleanupRole = resources.CleanupRole?.Properties ?? {};
const cleanupStatements = statementsOf(cleanupRole);
const executionStatements = statementsOf(resources.ExecutionRole?.Properties ?? {});

/**
 * What pushing an image needs besides the SDK calls of src/: skopeo (or docker) speaks the registry API, which ECR
 * authorizes with these actions. The login accepts no resource; the others are limited to the PR repository.
 */
const REGISTRY_PUSH = [
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** IAM prefix of each AWS SDK client the action may import; a new client must be added here and to the policy. */
const IAM_PREFIX: Record<string, string> = {
  ecs: 'ecs',
  ec2: 'ec2',
  ecr: 'ecr',
  ssm: 'ssm',
  elasticloadbalancing: 'elasticloadbalancing',
};

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
 * The IAM actions of signed Query API requests made without an SDK client. A file that signs its own requests: the
 * `service` its SignatureV4 signer is built for, and each `Action: '…'` parameter of the request bodies. A file that
 * sends through the shared signer (src/aws/query-api.ts): its spec's literal `service` and `actions` list, which is
 * all query-api.ts lets it send; every listed action must also be the `Action: '…'` of a request in the file, and
 * every such request's action must be listed, so the list is neither wider nor narrower than the calls.
 */
function queryActions(source: string): string[] {
  const shared = /from '\.\/query-api\.js'/.test(source) && source.includes('queryApi(');
  if (!shared && !source.includes('new SignatureV4(')) return [];
  const services = new Set(
    [...source.matchAll(/\bservice:\s*'([a-z0-9]+)'/g)].map((match) => match[1] ?? ''),
  );
  const [service, ...others] = services;
  if (service === undefined) throw new Error('a Query API request without a literal service name');
  if (others.length > 0) throw new Error(`one file, several Query API services: ${[...services].join(', ')}`);
  const prefix = IAM_PREFIX[service];
  if (prefix === undefined) throw new Error(`service ${service} has no IAM prefix in this test; add it`);
  const sent = [...source.matchAll(/\bAction:\s*'([A-Z][A-Za-z]+)'/g)].map((match) => match[1] ?? '');
  if (!shared) return sent.map((action) => `${prefix}:${action}`);
  const list = /\bactions:\s*\[([^\]]*)\]/.exec(source)?.[1];
  if (list === undefined) throw new Error(`the ${service} Query API spec has no literal actions list`);
  const declared = [...list.matchAll(/'([A-Z][A-Za-z]+)'/g)].map((match) => match[1] ?? '');
  const unsent = declared.filter((action) => !sent.includes(action));
  const undeclared = sent.filter((action) => !declared.includes(action));
  if (unsent.length > 0) throw new Error(`declared but never sent: ${unsent.join(', ')}`);
  if (undeclared.length > 0) throw new Error(`sent but not declared: ${undeclared.join(', ')}`);
  return declared.map((action) => `${prefix}:${action}`);
}

/** The shared signer: it sends what its callers ask, so the callers' actions are what count. */
const SHARED_SIGNER = path.join('src', 'aws', 'query-api.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every AWS call the product can make: all of src/, so a call added outside the adapter is caught too. */
/**
 * IAM actions a call needs without sending them: ELBv2 authorises a create that carries Tags against
 * elasticloadbalancing:AddTags as well (tag on create), and elb.ts tags every target group and rule it creates.
 * moto does not check this, so the rule is written down here.
 */
const AUTHORISED_WITH: Record<string, string[]> = {
  'elasticloadbalancing:CreateTargetGroup': ['elasticloadbalancing:AddTags'],
  'elasticloadbalancing:CreateRule': ['elasticloadbalancing:AddTags'],
};

const withAuthorisations = (actions: string[]): string[] =>
  actions.flatMap((action) => [action, ...(AUTHORISED_WITH[action] ?? [])]);

const ADAPTER_ACTIONS = [
  ...new Set(
    sourceFiles('src').flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      if (file === SHARED_SIGNER) return sdkActions(source);
      return withAuthorisations([...sdkActions(source), ...queryActions(source)]);
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
    [
      "import { queryApi } from './query-api.js';\nconst ELB = { service: 'elasticloadbalancing', actions: ['CreateRule', 'DeleteRule'] };\n" +
        "queryApi(ecs, ELB, sleep).call({ Action: 'CreateRule' }); api.call({ Action: 'DeleteRule', RuleArn })",
      ['elasticloadbalancing:CreateRule', 'elasticloadbalancing:DeleteRule'],
    ],
  ])('signed query %j → %j', (source, expected) => {
    expect(queryActions(source)).toEqual(expected);
  });

  const viaShared = (actions: string, calls: string) =>
    `import { queryApi } from './query-api.js';\nconst API = { service: 'elasticloadbalancing', actions: [${actions}] };\nqueryApi(ecs, API, sleep); ${calls}`;
  test.each([
    [
      viaShared("'CreateRule', 'DeleteRule'", "call({ Action: 'CreateRule' })"),
      'declared but never sent: DeleteRule',
    ],
    [
      viaShared("'CreateRule'", "call({ Action: 'CreateRule' }); call({ Action: 'ModifyRule' })"),
      'sent but not declared: ModifyRule',
    ],
    [
      "import { queryApi } from './query-api.js';\nqueryApi(ecs, { service, actions: ['X'] }, sleep)",
      'without a literal service name',
    ],
    [
      "import { queryApi } from './query-api.js';\nqueryApi(ecs, { service: 'elasticloadbalancing', actions }, sleep); call({ Action: 'CreateRule' })",
      'no literal actions list',
    ],
    [viaShared("'X'", "call({ Action: 'X' }); ({ service: 'ec2' })"), 'several Query API services'],
    [
      "import { queryApi } from './query-api.js';\nqueryApi(ecs, { service: 's3', actions: [] }, sleep)",
      'service s3',
    ],
  ])('a shared-signer caller %j is refused: %s', (source, message) => {
    expect(() => queryActions(source)).toThrow(message);
  });

  test('the shared signer sends no action of its own', () => {
    const source = readFileSync(SHARED_SIGNER, 'utf8');
    expect(source).toContain('new SignatureV4(');
    expect([...source.matchAll(/\bAction:\s*'/g)]).toEqual([]);
  });

  test('an SDK client without a known IAM prefix is an error, not a silent gap', () => {
    expect(() => sdkActions("import { PutObjectCommand } from '@aws-sdk/client-s3';")).toThrow(/client-s3/);
  });

  test('a tagged ELB create brings AddTags with it', () => {
    expect(withAuthorisations(['elasticloadbalancing:CreateRule', 'ecs:ListTasks'])).toEqual([
      'elasticloadbalancing:CreateRule',
      'elasticloadbalancing:AddTags',
      'ecs:ListTasks',
    ]);
    expect(ADAPTER_ACTIONS).toContain('elasticloadbalancing:AddTags');
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
  test('allows exactly the calls the action makes and the registry pushes, plus passing the execution role', () => {
    const granted = deployStatements.flatMap(actionsOf);
    expect(new Set(granted).size).toBe(granted.length);
    expect(granted.filter((action) => action !== 'iam:PassRole').sort()).toEqual(
      [...new Set([...ADAPTER_ACTIONS, ...REGISTRY_PUSH])].sort(),
    );
    expect(granted).toContain('iam:PassRole');
  });

  // The aws/ssm key lets any principal of the account that may call SSM decrypt through it: a role that may call
  // GetParameter* can read the passwords. Only the execution role may.
  test.each([['DeployRole'], ['CleanupRole']])('%s can read no admin password', (role) => {
    const actions = statementsOf(resources[role]?.Properties ?? {}).flatMap(actionsOf);
    expect(actions.filter((a) => /^ssm:GetParameter|^kms:/.test(a))).toEqual([]);
  });

  test('reaches ECR only in the PR image repository, and SSM only under the repository path', () => {
    for (const statement of [...deployStatements, ...cleanupStatements]) {
      const actions = actionsOf(statement);
      if (actions.every((a) => a === 'ecr:GetAuthorizationToken')) {
        expect(statement.Resource).toBe('*');
        continue;
      }
      if (actions.some((a) => a.startsWith('ecr:'))) {
        expect(actions.every((a) => a.startsWith('ecr:'))).toBe(true);
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': ['ImageRepository', 'Arn'] });
      }
      if (actions.every((a) => a === 'ssm:DescribeParameters')) {
        expect(statement.Resource).toBe('*');
        continue;
      }
      if (actions.some((a) => a.startsWith('ssm:'))) {
        expect(actions).not.toContain('ssm:DescribeParameters');
        expect(statement.Resource).toEqual([
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/showtime/${GitHubRepository}',
          },
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/showtime/${GitHubRepository}/*',
          },
        ]);
      }
    }
  });

  test('grants no wildcard action and only allows', () => {
    for (const statement of [...deployStatements, ...cleanupStatements, ...executionStatements]) {
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

  // Not repo:<repo>:* (any workflow, branch or event of the repository): only jobs in the deploy environment, which
  // the README has maintainers restrict to the default branch.
  test.each([
    ['DeployRole', 'DeployEnvironment'],
    ['CleanupRole', 'CleanupEnvironment'],
  ])('%s trusts the OIDC tokens of one GitHub environment of one repository only', (role, parameter) => {
    const properties = resources[role]?.Properties ?? {};
    const trust = (properties.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]?.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': {
          'Fn::Sub': `repo:\${GitHubRepository}:environment:\${${parameter}}`,
        },
      },
    });
    expect(trust[0]).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' });
    expect(JSON.stringify(trust)).not.toMatch(/StringLike|\*/);
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

describe('the execution role', () => {
  test('has no managed policy: not AmazonECSTaskExecutionRolePolicy, which pulls from every repository', () => {
    expect(resources.ExecutionRole?.Properties.ManagedPolicyArns).toBeUndefined();
  });

  test.each([
    ['ecr:GetAuthorizationToken', '*'],
    ['ecr:BatchGetImage', { 'Fn::GetAtt': ['ImageRepository', 'Arn'] }],
    ['ecr:GetDownloadUrlForLayer', { 'Fn::GetAtt': ['ImageRepository', 'Arn'] }],
    [
      'logs:PutLogEvents',
      {
        'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}:*',
      },
    ],
    [
      'ssm:GetParameters',
      {
        'Fn::Sub':
          'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/showtime/${GitHubRepository}/*',
      },
    ],
  ])('%s reaches %j only', (action, resource) => {
    const statements = executionStatements.filter((s) => actionsOf(s).includes(action));
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Resource).toEqual(resource);
  });

  test('can do nothing but pull, log and read the admin passwords', () => {
    expect(executionStatements.flatMap(actionsOf).sort()).toEqual([
      'ecr:BatchCheckLayerAvailability',
      'ecr:BatchGetImage',
      'ecr:GetAuthorizationToken',
      'ecr:GetDownloadUrlForLayer',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ssm:GetParameters',
    ]);
  });
});

/** The repository's lifecycle policy as CloudFormation renders it for a retention. */
function lifecyclePolicyText(days: number): string {
  const lifecycle = (resources.ImageRepository?.Properties.LifecyclePolicy ?? {}) as {
    LifecyclePolicyText?: { 'Fn::Sub'?: string };
  };
  return (lifecycle.LifecyclePolicyText?.['Fn::Sub'] ?? '').replaceAll('${ImageRetentionDays}', String(days));
}

describe('the image repository', () => {
  const repository = resources.ImageRepository?.Properties ?? {};

  test('expires untagged images after a day and every image after the retention', () => {
    const policy = JSON.parse(lifecyclePolicyText(35)) as {
      rules: { rulePriority: number; selection: Node; action: Node }[];
    };
    expect(policy.rules).toEqual([
      {
        rulePriority: 1,
        description: expect.any(String),
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 1,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: expect.any(String),
        selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 35 },
        action: { type: 'expire' },
      },
    ]);
  });

  test('scans on push', () => {
    expect(repository.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
  });

  test('outlives the longest TTL by default: no image with a TTL expires under its environment', () => {
    const parameter = (template.Parameters as Record<string, Node>).ImageRetentionDays;
    expect(Number(parameter?.MinValue) * 24).toBeGreaterThan(MAX_TTL_HOURS);
    expect(Number(parameter?.Default)).toBeGreaterThanOrEqual(Number(parameter?.MinValue));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Deployed in moto

let moto: MotoServer;
let vpcId: string;
let ecs: ECSClient;
let ec2: EC2Client;
let ecr: ECRClient;

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
  ecr = new ECRClient(config);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
  vpcId = vpc.Vpc?.VpcId ?? '';
  expect(vpcId).toMatch(/^vpc-/);
}, 60_000);

afterAll(async () => {
  ecs?.destroy();
  ec2?.destroy();
  ecr?.destroy();
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
      images: 'superset-showtime-pr',
      imageDays: 35,
      environments: ['showtime', 'showtime-cleanup'],
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
      ImageRepositoryName: 'someone/previews',
      ImageRetentionDays: '60',
      DeployEnvironment: 'previews',
      CleanupEnvironment: 'previews-sweep',
    },
    expected: {
      cluster: 'showtime-fork',
      port: 8088,
      cidr: '10.0.0.0/8',
      retention: 30,
      repo: 'someone/superset',
      images: 'someone/previews',
      imageDays: 60,
      environments: ['previews', 'previews-sweep'],
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
      'CleanupRoleArn',
      'ClusterArn',
      'ClusterName',
      'DeployRoleArn',
      'ExecutionRoleArn',
      'ImageRepositoryUri',
      'LogGroupName',
      'SecurityGroupId',
    ]);
    expect(outputs).toMatchObject({
      ClusterName: expected.cluster,
      LogGroupName: `/ecs/${expected.cluster}`,
      DeployRoleArn: expect.stringMatching(new RegExp(`:role/${stack}-deploy$`)),
      ExecutionRoleArn: expect.stringMatching(new RegExp(`:role/${stack}-execution$`)),
      SecurityGroupId: expect.stringMatching(/^sg-/),
      CleanupRoleArn: expect.stringMatching(new RegExp(`:role/${stack}-cleanup$`)),
      ImageRepositoryUri: expect.stringMatching(
        new RegExp(`^\\d{12}\\.dkr\\.ecr\\.${REGION}\\.amazonaws\\.com/${expected.images}$`),
      ),
    });
  });

  // moto's CloudFormation creates the repository but ignores LifecyclePolicy (and keeps ScanOnPush in the
  // template's casing, which the SDK does not read back): the policy text is put through ECR's own API instead.
  test('created the PR image repository; its lifecycle policy is one ECR accepts', async () => {
    const found = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [expected.images] }));
    expect(found.repositories?.[0]?.repositoryUri).toBe(outputsOf(described).ImageRepositoryUri);
    await ecr.send(
      new PutLifecyclePolicyCommand({
        repositoryName: expected.images,
        lifecyclePolicyText: lifecyclePolicyText(expected.imageDays),
      }),
    );
    const policy = await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: expected.images }));
    const rules = (JSON.parse(policy.lifecyclePolicyText ?? '{}') as { rules: { selection: Node }[] }).rules;
    expect(rules.map((rule) => [rule.selection.tagStatus, rule.selection.countNumber])).toEqual([
      ['untagged', 1],
      ['any', expected.imageDays],
    ]);
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
    expect(trust).toContain(`repo:${expected.repo}:environment:${expected.environments[0]}`);
    expect(trust).not.toContain(`repo:${expected.repo}:*`);
    const cleanup = await query('iam', {
      Action: 'GetRole',
      Version: '2010-05-08',
      RoleName: `${stack}-cleanup`,
    });
    expect(decodeURIComponent(xmlValues(cleanup, 'AssumeRolePolicyDocument')[0] ?? '')).toContain(
      `repo:${expected.repo}:environment:${expected.environments[1]}`,
    );
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
