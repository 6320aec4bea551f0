// aws/showtime-stack.yml: it parses as plain YAML, the deploy role's policy is exactly the set of calls the action
// makes (plus the registry pushes), the cleanup role's exactly the calls a sweep sends, and the template deploys in
// moto's CloudFormation into the resources the action expects, with and without its load balancer. Rendered per set
// of parameters, each mode's resources, Rules and the reach of the deploy role's ELB actions are checked as well.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import { MAX_TTL_HOURS } from '../../src/core/values.js';
import { createElbRouter } from '../../src/aws/elb.js';
import { child, members, parseXml, textAt } from '../../src/aws/query-api.js';
import { environmentHost, listenerScope, prHost, targetGroupName } from '../../src/aws/elb-names.js';
import { MANAGED_BY, TAG_KEYS } from '../../src/aws/tags.js';
import { INPUTS } from '../../src/inputs.js';
import { PREVIEW_DOMAIN_MAX_LENGTH } from '../../src/settings.js';
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
// Rendered: what CloudFormation makes of the template for a set of parameters. Conditions, Rules and the
// intrinsic functions the template uses are evaluated here, so each part of the stack can be checked per mode.

const ACCOUNT = '123456789012';
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::StackName': 'superset-showtime',
};
const PARAMETERS = template.Parameters as Record<
  string,
  { Type: string; Default?: unknown; AllowedPattern?: string; MaxLength?: number }
>;
const CONDITIONS = template.Conditions as Record<string, unknown>;
const RULES = template.Rules as Record<
  string,
  { RuleCondition?: unknown; Assertions: { Assert: unknown; AssertDescription: string }[] }
>;
const OUTPUTS_DECLARED = template.Outputs as Record<
  string,
  { Condition?: string; Description?: string; Value: unknown }
>;

const ELB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
/** The HTTPS listener as the stack's own (HttpsListener) would be named. */
const STACK_LISTENER = `${ELB_ARN}:listener/app/superset-showtime/50dc6c495c0c9188/f2f7dc8efc522ab2`;
/** An adopter's listener on an ALB of their own (ExistingListenerArn). */
const OWN_LISTENER = `${ELB_ARN}:listener/app/shared-web/0123456789abcdef/fedcba9876543210`;
const CERTIFICATE = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;
const HOSTED_ZONE = 'Z0123456789ABCDEFGHIJ';
const PREVIEW_DOMAIN = 'showtime.example.org';

/** Physical ids CloudFormation would give the resources a rendering refers to. */
const PHYSICAL: Record<string, string> = {
  HttpsListener: STACK_LISTENER,
  'LoadBalancerSecurityGroup.GroupId': 'sg-0a1b0a1b0a1b0a1b0',
  'LoadBalancer.DNSName': 'superset-showtime-123456789.us-west-2.elb.amazonaws.com',
  'LoadBalancer.CanonicalHostedZoneID': 'Z1H1FL5HABSF5',
};

const BASE = { VpcId: 'vpc-0123456789abcdef0' };
const ON = { ...BASE, LoadBalancerCertificateArn: CERTIFICATE, LoadBalancerSubnetIds: 'subnet-0a,subnet-0b' };
const WITH_RECORD = { ...ON, PreviewHostedZoneId: HOSTED_ZONE, PreviewDomain: PREVIEW_DOMAIN };
const EXISTING = { ...BASE, ExistingListenerArn: OWN_LISTENER };

interface Rendering {
  parameters: Record<string, string | string[]>;
  conditions: Map<string, boolean>;
}

function rendering(overrides: Record<string, string>): Rendering {
  for (const name of Object.keys(overrides)) {
    if (!(name in PARAMETERS)) throw new Error(`the template has no parameter ${name}`);
  }
  const parameters: Record<string, string | string[]> = {};
  for (const [name, parameter] of Object.entries(PARAMETERS)) {
    const text = overrides[name] ?? (parameter.Default === undefined ? undefined : String(parameter.Default));
    if (text === undefined) throw new Error(`parameter ${name} has no default: pass it`);
    parameters[name] = parameter.Type === 'CommaDelimitedList' ? text.split(',') : text;
  }
  return { parameters, conditions: new Map() };
}

function condition(name: string, r: Rendering): boolean {
  const known = r.conditions.get(name);
  if (known !== undefined) return known;
  if (!(name in CONDITIONS)) throw new Error(`no condition ${name}`);
  const value = render(CONDITIONS[name], r);
  if (typeof value !== 'boolean') throw new Error(`condition ${name} is not a boolean`);
  r.conditions.set(name, value);
  return value;
}

/** A resource exists in a rendering when it has no Condition or its Condition holds. */
const exists = (name: string, r: Rendering): boolean => {
  const resource = resources[name];
  if (resource === undefined) throw new Error(`no resource ${name}`);
  return resource.Condition === undefined || condition(resource.Condition, r);
};

/** Ref or GetAtt (`Name.Attribute`); a reference to a resource this rendering does not create is an error. */
function ref(name: string, r: Rendering): unknown {
  if (name in PSEUDO) return PSEUDO[name];
  if (name in r.parameters) return r.parameters[name];
  const resource = name.split('.')[0] ?? '';
  if (!exists(resource, r)) throw new Error(`a reference to ${name}, which this rendering does not create`);
  return PHYSICAL[name] ?? `{${name}}`;
}

function sub(template: string, variables: Record<string, unknown>, r: Rendering): string {
  return template
    .replace(/\$\{([^!}][^}]*)\}/g, (_, name: string) =>
      String(name in variables ? variables[name] : ref(name, r)),
    )
    .replaceAll('${!', '${');
}

function render(node: unknown, r: Rendering): unknown {
  if (Array.isArray(node)) return node.map((item) => render(item, r));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node);
  const [key, arg] = entries[0] ?? [];
  const args = arg as unknown[];
  if (
    entries.length === 1 &&
    key !== undefined &&
    (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))
  ) {
    switch (key) {
      case 'Ref':
        return ref(arg as string, r);
      case 'Condition':
        return condition(arg as string, r);
      case 'Fn::GetAtt':
        return ref(args.join('.'), r);
      case 'Fn::If':
        return render(condition(args[0] as string, r) ? args[1] : args[2], r);
      case 'Fn::Sub': {
        if (typeof arg === 'string') return sub(arg, {}, r);
        const variables = Object.fromEntries(
          Object.entries(args[1] as Node).map(([name, value]) => [name, render(value, r)]),
        );
        return sub(args[0] as string, variables, r);
      }
      case 'Fn::Split':
        return String(render(args[1], r)).split(args[0] as string);
      case 'Fn::Select': {
        const list = render(args[1], r) as unknown[];
        const index = Number(args[0]);
        if (index >= list.length) throw new Error(`Fn::Select ${index} of ${JSON.stringify(list)}`);
        return list[index];
      }
      case 'Fn::Join':
        return (render(args[1], r) as unknown[]).join(args[0] as string);
      case 'Fn::Equals':
        return JSON.stringify(render(args[0], r)) === JSON.stringify(render(args[1], r));
      case 'Fn::Not':
        return !render(args[0], r);
      case 'Fn::And':
        return args.every((item) => render(item, r) === true);
      case 'Fn::Or':
        return args.some((item) => render(item, r) === true);
      case 'Fn::Contains':
        return (render(args[0], r) as unknown[]).includes(render(args[1], r));
      default:
        throw new Error(`${key} is not rendered by this test; add it`);
    }
  }
  return Object.fromEntries(entries.map(([name, value]) => [name, render(value, r)]));
}

/** The parameter each failed Rules assertion names first (`Name: what it must be`). */
function refusedParameters(r: Rendering): string[] {
  return Object.values(RULES).flatMap((rule) => {
    if (rule.RuleCondition !== undefined && render(rule.RuleCondition, r) !== true) return [];
    return rule.Assertions.filter((assertion) => render(assertion.Assert, r) !== true).map(
      (assertion) => assertion.AssertDescription.split(':')[0] ?? '',
    );
  });
}

/** IAM's ARN matching: `*` any run of characters (slashes too), `?` one. */
function arnMatches(pattern: string, arn: string): boolean {
  const body = [...pattern].map((c) =>
    c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${body.join('')}$`).test(arn);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

describe('the template renderer (what the checks below rely on)', () => {
  test.each([
    [{ 'Fn::Sub': 'a-${AWS::Region}-${!Literal}' }, `a-${REGION}-\${Literal}`],
    [
      { 'Fn::Sub': ['x/${Path}/*', { Path: { 'Fn::Select': [1, { 'Fn::Split': ['/', 'p/q/r'] }] } }] },
      'x/q/*',
    ],
    [{ 'Fn::If': ['ShouldCreateLoadBalancer', 'on', 'off'] }, 'off'],
    [{ 'Fn::Not': [{ 'Fn::Contains': [{ Ref: 'LoadBalancerSubnetIds' }, ''] }] }, false],
    [{ 'Fn::Join': ['+', ['a', { Ref: 'ClusterName' }]] }, 'a+superset-ci'],
  ])('%j → %j', (node, expected) => {
    expect(render(node, rendering(BASE))).toEqual(expected);
  });

  test.each([
    [{ Ref: 'HttpsListener' }, /does not create/],
    [{ 'Fn::Select': [1, { 'Fn::Split': [':listener/app/', 'arn:aws:acm:x'] }] }, /Fn::Select 1/],
    [{ 'Fn::Base64': 'x' }, /not rendered/],
  ])('%j is an error', (node, message) => {
    expect(() => render(node, rendering(BASE))).toThrow(message);
  });

  test.each([
    [
      'arn:aws:elasticloadbalancing:r:1:targetgroup/pr-*',
      'arn:aws:elasticloadbalancing:r:1:targetgroup/pr-7-abc/9',
      true,
    ],
    [
      'arn:aws:elasticloadbalancing:r:1:targetgroup/pr-*',
      'arn:aws:elasticloadbalancing:r:1:targetgroup/web/9',
      false,
    ],
    ['a?c', 'abc', true],
    ['a.c', 'abc', false],
  ])('IAM pattern %s matches %s: %s', (pattern, arn, expected) => {
    expect(arnMatches(pattern, arn)).toBe(expected);
  });
});

describe('the load balancer, optional (load-balancer mode)', () => {
  const created = (parameters: Record<string, string>): string[] => {
    const r = rendering(parameters);
    const base = rendering(BASE);
    return Object.keys(resources)
      .filter((name) => exists(name, r) && !exists(name, base))
      .sort();
  };

  const STACK_ALB = ['HttpListener', 'HttpsListener', 'LoadBalancer', 'LoadBalancerSecurityGroup'];
  test.each([
    { label: 'no load-balancer parameter', parameters: BASE, expected: [] },
    { label: 'an existing listener', parameters: EXISTING, expected: [] },
    { label: 'a certificate', parameters: ON, expected: STACK_ALB },
    {
      label: 'a certificate and a hosted zone',
      parameters: WITH_RECORD,
      expected: [...STACK_ALB, 'PreviewRecord'],
    },
  ])('with $label, the stack adds $expected', ({ parameters, expected }) => {
    expect(created(parameters)).toEqual(expected);
  });

  test('is off by default', () => {
    expect(PARAMETERS.LoadBalancerCertificateArn?.Default).toBe('');
    expect(condition('ShouldCreateLoadBalancer', rendering(BASE))).toBe(false);
  });

  test.each([
    { label: 'nothing', parameters: BASE, refused: [] },
    { label: 'a certificate and two subnets', parameters: ON, refused: [] },
    {
      label: 'a certificate, subnets and a hosted zone with its domain',
      parameters: WITH_RECORD,
      refused: [],
    },
    { label: 'an existing listener alone', parameters: EXISTING, refused: [] },
    {
      label: 'a certificate without subnets',
      parameters: { ...BASE, LoadBalancerCertificateArn: CERTIFICATE },
      refused: ['LoadBalancerSubnetIds'],
    },
    {
      label: 'a certificate and an empty subnet id',
      parameters: { ...ON, LoadBalancerSubnetIds: 'subnet-0a,' },
      refused: ['LoadBalancerSubnetIds'],
    },
    {
      label: 'a certificate and an existing listener',
      parameters: { ...ON, ExistingListenerArn: OWN_LISTENER },
      refused: ['ExistingListenerArn'],
    },
    {
      label: 'a hosted zone without its domain',
      parameters: { ...ON, PreviewHostedZoneId: HOSTED_ZONE },
      refused: ['PreviewDomain'],
    },
    {
      label: 'a hosted zone without the load balancer',
      parameters: { ...BASE, PreviewHostedZoneId: HOSTED_ZONE, PreviewDomain: PREVIEW_DOMAIN },
      refused: ['LoadBalancerCertificateArn'],
    },
  ])(
    'with $label, the Rules refuse $refused (each message starts with the parameter it is about)',
    ({ parameters, refused }) => {
      const names = refusedParameters(rendering(parameters));
      expect(names).toEqual(refused);
      for (const name of names) expect(Object.keys(PARAMETERS)).toContain(name);
    },
  );

  const accepts = (name: string, value: string): boolean => {
    const parameter = PARAMETERS[name];
    if (parameter?.AllowedPattern === undefined) throw new Error(`${name} has no AllowedPattern`);
    const fits = parameter.MaxLength === undefined || value.length <= parameter.MaxLength;
    // CloudFormation matches the pattern against the whole value.
    return fits && new RegExp(`^(?:${parameter.AllowedPattern})$`).test(value);
  };

  test.each([
    ['LoadBalancerCertificateArn', '', true],
    ['LoadBalancerCertificateArn', CERTIFICATE, true],
    ['LoadBalancerCertificateArn', `arn:aws:iam::${ACCOUNT}:server-certificate/showtime`, false],
    ['LoadBalancerCertificateArn', 'showtime.example.org', false],
    ['PreviewDomain', '', true],
    ['PreviewDomain', PREVIEW_DOMAIN, true],
    ['PreviewDomain', `*.${PREVIEW_DOMAIN}`, false],
    ['PreviewDomain', 'Showtime.example.org', false],
    ['PreviewDomain', 'localhost', false],
    ['PreviewDomain', 'previews.showtime.example.org', false],
    ['PreviewHostedZoneId', '', true],
    ['PreviewHostedZoneId', HOSTED_ZONE, true],
    ['PreviewHostedZoneId', '/hostedzone/Z0123', false],
    ['ExistingListenerArn', '', true],
    ['ExistingListenerArn', OWN_LISTENER, true],
    ['ExistingListenerArn', `${ELB_ARN}:listener/net/shared/0123456789abcdef/fedcba9876543210`, false],
    ['ExistingListenerArn', `${ELB_ARN}:loadbalancer/app/shared/0123456789abcdef`, false],
  ])('%s accepts %j: %s', (name, value, expected) => {
    expect(accepts(name, value)).toBe(expected);
  });

  test("PreviewDomain is no longer than the action's preview-domain input allows", () => {
    expect(PARAMETERS.PreviewDomain?.MaxLength).toBe(PREVIEW_DOMAIN_MAX_LENGTH);
  });

  test('the ALB is internet-facing, in the given subnets, behind its own security group', () => {
    const alb = render(resources.LoadBalancer?.Properties, rendering(ON)) as Node;
    expect(alb).toMatchObject({
      Type: 'application',
      Scheme: 'internet-facing',
      Subnets: ['subnet-0a', 'subnet-0b'],
      SecurityGroups: [PHYSICAL['LoadBalancerSecurityGroup.GroupId']],
    });
  });

  test('its security group admits 443 (and 80, which only redirects) from anywhere, IPv4 and IPv6', () => {
    const group = render(resources.LoadBalancerSecurityGroup?.Properties, rendering(ON)) as Node;
    expect(group.VpcId).toBe(BASE.VpcId);
    const ingress = group.SecurityGroupIngress as Node[];
    expect(
      ingress
        .map((rule) => [rule.IpProtocol, rule.FromPort, rule.ToPort, rule.CidrIp ?? rule.CidrIpv6])
        .sort(),
    ).toEqual(
      [
        ['tcp', 443, 443, '0.0.0.0/0'],
        ['tcp', 443, 443, '::/0'],
        ['tcp', 80, 80, '0.0.0.0/0'],
        ['tcp', 80, 80, '::/0'],
      ].sort(),
    );
  });

  test.each([
    [
      'HttpsListener',
      {
        Port: 443,
        Protocol: 'HTTPS',
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        Certificates: [{ CertificateArn: CERTIFICATE }],
        DefaultActions: [
          {
            Type: 'fixed-response',
            FixedResponseConfig: {
              StatusCode: '404',
              ContentType: 'text/plain',
              MessageBody: expect.any(String),
            },
          },
        ],
      },
    ],
    [
      'HttpListener',
      {
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
        ],
      },
    ],
  ])('%s is %j', (name, expected) => {
    const listener = render(resources[name]?.Properties, rendering(ON)) as Node;
    expect(listener).toEqual({ LoadBalancerArn: '{LoadBalancer}', ...expected });
  });

  test("the wildcard record points at the ALB and covers both of a PR's hosts", () => {
    const record = render(resources.PreviewRecord?.Properties, rendering(WITH_RECORD)) as Node;
    expect(record).toEqual({
      HostedZoneId: HOSTED_ZONE,
      Name: `*.${PREVIEW_DOMAIN}.`,
      Type: 'A',
      AliasTarget: {
        DNSName: PHYSICAL['LoadBalancer.DNSName'],
        HostedZoneId: PHYSICAL['LoadBalancer.CanonicalHostedZoneID'],
        EvaluateTargetHealth: false,
      },
    });
    // A DNS wildcard stands for exactly one label.
    const zone = String(record.Name).replace(/^\*\./, '').replace(/\.$/, '');
    for (const host of [prHost(7, PREVIEW_DOMAIN), environmentHost(7, 'abc1234', PREVIEW_DOMAIN)]) {
      expect(host.endsWith(`.${zone}`) && !host.slice(0, -zone.length - 1).includes('.')).toBe(true);
    }
  });

  test.each([
    [
      'off: the container port is open to IngressCidr (public-IP mode)',
      BASE,
      { CidrIp: '0.0.0.0/0', Description: 'Superset' },
    ],
    [
      "on: the container port admits the ALB's security group only",
      ON,
      {
        SourceSecurityGroupId: PHYSICAL['LoadBalancerSecurityGroup.GroupId'],
        Description: expect.any(String),
      },
    ],
  ])("the tasks' security group, load balancer %s", (_, parameters, source) => {
    const group = render(resources.SecurityGroup?.Properties, rendering(parameters)) as Node;
    expect(group.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: '8080', ToPort: '8080', ...source },
    ]);
  });

  test.each([
    ['LoadBalancerListenerArn', 'load-balancer-listener-arn', STACK_LISTENER],
    ['LoadBalancerVpcId', 'load-balancer-vpc-id', BASE.VpcId],
  ])('output %s is the value of the %s input, output only with the load balancer', (output, input, value) => {
    const declared = OUTPUTS_DECLARED[output];
    expect(declared?.Condition).toBe('ShouldCreateLoadBalancer');
    expect(declared?.Description).toMatch(new RegExp(`^${input} input\\b`));
    expect(INPUTS.map((i) => i.name)).toContain(input);
    expect(render(declared?.Value, rendering(ON))).toBe(value);
  });

  test('output LoadBalancerDnsName is the ALB name, output only with the load balancer', () => {
    const declared = OUTPUTS_DECLARED.LoadBalancerDnsName;
    expect(declared?.Condition).toBe('ShouldCreateLoadBalancer');
    expect(render(declared?.Value, rendering(ON))).toBe(PHYSICAL['LoadBalancer.DNSName']);
  });
});

describe('the cluster', () => {
  const cluster = resources.Cluster?.Properties ?? {};

  test('offers FARGATE and FARGATE_SPOT, every capacity provider the ECS adapter asks for (fargate-spot)', () => {
    const asked = [
      ...readFileSync('src/aws/ecs.ts', 'utf8').matchAll(/capacityProvider:\s*'([A-Z_]+)'/g),
    ].map((match) => match[1]);
    expect(asked).toContain('FARGATE_SPOT');
    expect(cluster.CapacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(cluster.CapacityProviders).toEqual(expect.arrayContaining(asked));
  });

  test('defaults to on-demand FARGATE, one of its own capacity providers', () => {
    expect(cluster.DefaultCapacityProviderStrategy).toEqual([{ CapacityProvider: 'FARGATE', Weight: 1 }]);
  });
});

describe('the deploy role in load-balancer mode', () => {
  const MODES = {
    'the stack': rendering(ON),
    'an existing': rendering(EXISTING),
    'no known': rendering(BASE),
  } as const;
  type Mode = keyof typeof MODES;
  const rules = (listener: string) => `${listener.replace(':listener/', ':listener-rule/')}/*`;
  const TARGET_GROUPS = `${ELB_ARN}:targetgroup/pr-*`;
  const RULES_BY_MODE: Record<Mode, string> = {
    'the stack': rules(STACK_LISTENER),
    'an existing': rules(OWN_LISTENER),
    'no known': `${ELB_ARN}:listener-rule/app/*`,
  };
  const LISTENER_BY_MODE: Record<Mode, string> = {
    'the stack': STACK_LISTENER,
    'an existing': OWN_LISTENER,
    'no known': `${ELB_ARN}:listener/app/*`,
  };
  const EXPECTED: Record<string, (mode: Mode) => string[]> = {
    'elasticloadbalancing:DescribeTargetGroups': () => ['*'],
    'elasticloadbalancing:DescribeTargetHealth': () => ['*'],
    'elasticloadbalancing:DescribeRules': () => ['*'],
    'elasticloadbalancing:DescribeTags': () => ['*'],
    'elasticloadbalancing:CreateTargetGroup': () => [TARGET_GROUPS],
    'elasticloadbalancing:ModifyTargetGroupAttributes': () => [TARGET_GROUPS],
    'elasticloadbalancing:DeleteTargetGroup': () => [TARGET_GROUPS],
    'elasticloadbalancing:CreateRule': (mode) => [LISTENER_BY_MODE[mode]],
    'elasticloadbalancing:ModifyRule': (mode) => [RULES_BY_MODE[mode]],
    'elasticloadbalancing:DeleteRule': (mode) => [RULES_BY_MODE[mode]],
    'elasticloadbalancing:AddTags': (mode) => [TARGET_GROUPS, RULES_BY_MODE[mode]],
  };

  const statementOf = (action: string, mode: Mode): Statement => {
    const statements = deployStatements.filter((s) => actionsOf(s).includes(action));
    expect(statements).toHaveLength(1);
    return render(statements[0], MODES[mode]) as Statement;
  };

  test('every ELB action the action sends has its scope written down here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      ADAPTER_ACTIONS.filter((action) => action.startsWith('elasticloadbalancing:')),
    );
  });

  test.each(
    (Object.keys(MODES) as Mode[]).flatMap((mode) =>
      Object.entries(EXPECTED).map(([action, expected]) => [mode, action, expected(mode)] as const),
    ),
  )('with %s listener, %s reaches %j', (mode, action, expected) => {
    expect(asList(statementOf(action, mode).Resource)).toEqual(expected);
  });

  const MANAGED = { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.managedBy}`]: MANAGED_BY } };
  test.each([
    ['elasticloadbalancing:ModifyRule', MANAGED],
    ['elasticloadbalancing:DeleteRule', MANAGED],
    ['elasticloadbalancing:DeleteTargetGroup', MANAGED],
    [
      'elasticloadbalancing:AddTags',
      {
        StringEquals: {
          'elasticloadbalancing:CreateAction': Object.entries(AUTHORISED_WITH)
            .filter(([, with_]) => with_.includes('elasticloadbalancing:AddTags'))
            .map(([create]) => create.replace('elasticloadbalancing:', '')),
        },
      },
    ],
    ['elasticloadbalancing:CreateRule', undefined],
    ['elasticloadbalancing:CreateTargetGroup', undefined],
    ['elasticloadbalancing:ModifyTargetGroupAttributes', undefined],
  ])('%s is held by the condition %j', (action, expected) => {
    expect(statementOf(action, 'no known').Condition).toEqual(expected);
  });

  // The ARNs ELB gives what the adapter makes on a listener, against the rendered resources.
  const scope = listenerScope(STACK_LISTENER);
  test.each([
    ['CreateRule', STACK_LISTENER, true],
    ['CreateRule', OWN_LISTENER, false],
    ['ModifyRule', `${rules(STACK_LISTENER).slice(0, -1)}9683b2d02a6cabee`, true],
    ['DeleteRule', `${rules(STACK_LISTENER).slice(0, -1)}9683b2d02a6cabee`, true],
    ['DeleteRule', `${rules(OWN_LISTENER).slice(0, -1)}9683b2d02a6cabee`, false],
    // The stack's HTTP listener: same load balancer, another listener id.
    [
      'DeleteRule',
      `${ELB_ARN}:listener-rule/app/superset-showtime/50dc6c495c0c9188/0000000000000000/96`,
      false,
    ],
    [
      'DeleteTargetGroup',
      `${ELB_ARN}:targetgroup/${targetGroupName(7, 'abc1234', scope)}/0123456789abcdef`,
      true,
    ],
    ['DeleteTargetGroup', `${ELB_ARN}:targetgroup/web-production/0123456789abcdef`, false],
    ['AddTags', `${ELB_ARN}:targetgroup/${targetGroupName(7, 'abc1234', scope)}/0123456789abcdef`, true],
    ['AddTags', `${rules(STACK_LISTENER).slice(0, -1)}9683b2d02a6cabee`, true],
    ['AddTags', `${ELB_ARN}:loadbalancer/app/superset-showtime/50dc6c495c0c9188`, false],
  ])('on the stack listener, %s may reach %s: %s', (action, arn, expected) => {
    const patterns = asList(statementOf(`elasticloadbalancing:${action}`, 'the stack').Resource) as string[];
    expect(patterns.some((pattern) => arnMatches(pattern, arn))).toBe(expected);
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

/** ACM speaks JSON. */
async function acm(target: string, body: Node): Promise<Node> {
  const response = await fetch(moto.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `CertificateManager.${target}`,
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/${REGION}/acm/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Node;
}

const elbQuery = (params: Record<string, string>) =>
  query('elasticloadbalancing', { Version: '2015-12-01', ...params });

describe('deployed with the load balancer', () => {
  const stack = 'showtime-alb';
  let outputs: Record<string, string>;
  let subnets: string[];
  let certificateArn: string;
  let deployStatementsDeployed: Statement[];

  beforeAll(async () => {
    subnets = [];
    for (const [index, zone] of ['a', 'b'].entries()) {
      const subnet = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: `10.20.${100 + index}.0/24`,
          AvailabilityZone: `${REGION}${zone}`,
        }),
      );
      subnets.push(subnet.Subnet?.SubnetId ?? '');
    }
    certificateArn = String(
      (await acm('RequestCertificate', { DomainName: `*.${PREVIEW_DOMAIN}` })).CertificateArn,
    );
    const described = await createStack(stack, {
      VpcId: vpcId,
      ClusterName: stack,
      ImageRepositoryName: `${stack}-pr`,
      GitHubRepository: 'someone/superset',
      LoadBalancerCertificateArn: certificateArn,
      LoadBalancerSubnetIds: subnets.join(','),
    });
    expect(xmlValues(described, 'StackStatus')).toEqual(['CREATE_COMPLETE']);
    outputs = outputsOf(described);
    const policy = await query('iam', {
      Action: 'GetRolePolicy',
      Version: '2010-05-08',
      RoleName: `${stack}-deploy`,
      PolicyName: 'showtime-deploy',
    });
    // moto hands back the inline policy of a CloudFormation role as a Python dict's repr: single quotes.
    const text = decodeURIComponent(xmlValues(policy, 'PolicyDocument')[0] ?? '{}').replaceAll("'", '"');
    const document = JSON.parse(text) as { Statement: Statement[] };
    deployStatementsDeployed = document.Statement;
  }, 60_000);

  test('outputs the two load-balancer inputs and the DNS name', () => {
    expect(outputs).toMatchObject({
      LoadBalancerListenerArn: expect.stringMatching(
        new RegExp(`^arn:aws:elasticloadbalancing:${REGION}:\\d{12}:listener/app/[^/]+/[0-9a-f]+/[0-9a-f]+$`),
      ),
      LoadBalancerVpcId: vpcId,
      LoadBalancerDnsName: expect.stringMatching(/\.elb\.amazonaws\.com$/),
    });
  });

  test('the load balancer is internet-facing in the two subnets; its listeners serve HTTPS and redirect HTTP', async () => {
    const listener = await elbQuery({
      Action: 'DescribeListeners',
      'ListenerArns.member.1': outputs.LoadBalancerListenerArn ?? '',
    });
    const loadBalancerArn = xmlValues(listener, 'LoadBalancerArn')[0] ?? '';
    const balancers = await elbQuery({
      Action: 'DescribeLoadBalancers',
      'LoadBalancerArns.member.1': loadBalancerArn,
    });
    expect(xmlValues(balancers, 'Scheme')).toEqual(['internet-facing']);
    expect(xmlValues(balancers, 'SubnetId').sort()).toEqual([...subnets].sort());
    const all = parseXml(await elbQuery({ Action: 'DescribeListeners', LoadBalancerArn: loadBalancerArn }));
    const listeners = members(child(all, 'DescribeListenersResult', 'Listeners')).map((member) => ({
      arn: textAt(member, 'ListenerArn'),
      port: textAt(member, 'Port'),
      protocol: textAt(member, 'Protocol'),
      policy: textAt(member, 'SslPolicy'),
      certificates: members(child(member, 'Certificates')).map((c) => textAt(c, 'CertificateArn')),
      actions: members(child(member, 'DefaultActions')).map((action) => [
        textAt(action, 'Type'),
        textAt(action, 'FixedResponseConfig', 'StatusCode') ?? textAt(action, 'RedirectConfig', 'StatusCode'),
        textAt(action, 'RedirectConfig', 'Protocol'),
      ]),
    }));
    expect(listeners.sort((a, b) => Number(a.port) - Number(b.port))).toEqual([
      {
        arn: expect.any(String),
        port: '80',
        protocol: 'HTTP',
        policy: undefined,
        certificates: [],
        actions: [['redirect', 'HTTP_301', 'HTTPS']],
      },
      {
        arn: outputs.LoadBalancerListenerArn,
        port: '443',
        protocol: 'HTTPS',
        policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        certificates: [certificateArn],
        actions: [['fixed-response', '404', undefined]],
      },
    ]);
  });

  test("the tasks' security group admits the container port from the load balancer's group only", async () => {
    const listener = await elbQuery({
      Action: 'DescribeListeners',
      'ListenerArns.member.1': outputs.LoadBalancerListenerArn ?? '',
    });
    const balancers = await elbQuery({
      Action: 'DescribeLoadBalancers',
      'LoadBalancerArns.member.1': xmlValues(listener, 'LoadBalancerArn')[0] ?? '',
    });
    const albGroups = xmlValues(balancers, 'member').filter((value) => value.startsWith('sg-'));
    expect(albGroups).toHaveLength(1);
    const groups = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [outputs.SecurityGroupId ?? ''] }),
    );
    expect(
      groups.SecurityGroups?.[0]?.IpPermissions?.map((p) => [
        p.FromPort,
        p.IpRanges?.map((range) => range.CidrIp) ?? [],
        p.UserIdGroupPairs?.map((pair) => pair.GroupId),
      ]),
    ).toEqual([[8080, [], albGroups]]);
  });

  test("the rule and target group the adapter makes on the stack's listener are what the deploy role reaches", async () => {
    const listenerArn = outputs.LoadBalancerListenerArn ?? '';
    const router = createElbRouter(
      ecs,
      { listenerArn, domain: PREVIEW_DOMAIN, vpcId, containerPort: 8080, healthCheckPath: '/health' },
      { sleep: async () => {} },
    );
    const environment = {
      pr: 7,
      sha7: 'abc1234',
      requester: 'octocat',
      createdAt: new Date('2026-12-03T10:00:00Z'),
    };
    const targetGroupArn = await router.ensureTargetGroup(environment);
    expect(await router.route({ pr: 7 }, targetGroupArn)).toBe('created');
    const ruleArn = (await router.ruleOf({ pr: 7 }))?.ruleArn ?? '';
    expect(ruleArn).toMatch(/:listener-rule\/app\//);
    const reaches = (action: string, arn: string) =>
      deployStatementsDeployed
        .filter((s) => actionsOf(s).includes(`elasticloadbalancing:${action}`))
        .some((s) => (asList(s.Resource) as string[]).some((pattern) => arnMatches(pattern, arn)));
    const made: [string, string][] = [
      ['CreateRule', listenerArn],
      ['ModifyRule', ruleArn],
      ['DeleteRule', ruleArn],
      ['AddTags', ruleArn],
      ['AddTags', targetGroupArn],
      ['CreateTargetGroup', targetGroupArn],
      ['ModifyTargetGroupAttributes', targetGroupArn],
      ['DeleteTargetGroup', targetGroupArn],
    ];
    expect(made.filter(([action, arn]) => !reaches(action, arn))).toEqual([]);
    // The HTTP listener of the same load balancer is out of reach.
    const loadBalancerArn =
      xmlValues(
        await elbQuery({ Action: 'DescribeListeners', 'ListenerArns.member.1': listenerArn }),
        'LoadBalancerArn',
      )[0] ?? '';
    const others = xmlValues(
      await elbQuery({ Action: 'DescribeListeners', LoadBalancerArn: loadBalancerArn }),
      'ListenerArn',
    ).filter((arn) => arn !== listenerArn);
    expect(others).toHaveLength(1);
    expect(reaches('CreateRule', others[0] ?? '')).toBe(false);
  });
});
