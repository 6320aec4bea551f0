import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SIZE_PRESETS } from '../../src/aws/settings.js';
import type { InputName } from '../../src/inputs.js';
import { deployProblems, readSettings, SettingsError } from '../../src/settings.js';

const reader =
  (values: Partial<Record<InputName, string>>) =>
  (name: InputName): string =>
    values[name] ?? '';

describe('readSettings', () => {
  test('defaults fill every setting when only the token is given', () => {
    const settings = readSettings('main', reader({ 'github-token': 't' }));
    expect(settings.aws).toMatchObject({
      region: 'us-west-2',
      cluster: 'superset-ci',
      containerPort: 8080,
      assignPublicIp: true,
      healthCheckPath: '/health',
      stableTimeoutMs: 15 * 60_000,
      healthTimeoutMs: 10 * 60_000,
      subnets: [],
    });
    expect(settings.docker).toMatchObject({
      // Empty: the stack's ECR repository, resolved from the account and region when a build needs it.
      imageRepository: '',
      target: 'ci',
      platform: 'linux/amd64',
      buildArgs: { INCLUDE_CHROMIUM: 'false', LOAD_EXAMPLES_DUCKDB: 'true' },
      forceRebuild: false,
    });
    expect(settings.policy).toEqual({
      defaultTtl: { kind: 'duration', hours: 48 },
      defaultSize: 'medium',
      leaseMinutes: 60,
      expiryWarningMinutes: 360,
      maxEnvironments: undefined,
      maxEnvironmentsPerRequester: undefined,
      forkBuilds: 'refused',
    });
    expect(settings.dryRun).toEqual({ github: false, aws: false, docker: false });
    expect(settings.costPerHour).toEqual({ small: 0.03, medium: 0.06, large: 0.12 });
  });

  test.each<
    [string, Partial<Record<InputName, string>>, (s: ReturnType<typeof readSettings>) => unknown, unknown]
  >([
    [
      'lists split on commas and newlines',
      { subnets: 'subnet-1, subnet-2\nsubnet-3' },
      (s) => s.aws.subnets,
      ['subnet-1', 'subnet-2', 'subnet-3'],
    ],
    [
      'key=value lines, comments skipped',
      { 'extra-env': 'A=1\n# note\n\nB=x=y' },
      (s) => s.aws.extraEnv,
      { A: '1', B: 'x=y' },
    ],
    [
      'feature flags, prefix dropped',
      { 'feature-flags': 'ALERT_REPORTS SUPERSET_FEATURE_DASHBOARD_RBAC' },
      (s) => s.defaultFlags,
      ['ALERT_REPORTS', 'DASHBOARD_RBAC'],
    ],
    ['TTL in weeks', { 'default-ttl': '1w' }, (s) => s.policy.defaultTtl, { kind: 'duration', hours: 168 }],
    ['TTL close', { 'default-ttl': 'close' }, (s) => s.policy.defaultTtl, { kind: 'close' }],
    [
      'quotas',
      { 'max-environments': '10', 'max-environments-per-requester': '2' },
      (s) => [s.policy.maxEnvironments, s.policy.maxEnvironmentsPerRequester],
      [10, 2],
    ],
    [
      'dry runs, any case',
      { 'dry-run-aws': 'TRUE', 'dry-run-docker': 'true' },
      (s) => s.dryRun,
      { github: false, aws: true, docker: true },
    ],
    ['whitespace around values', { 'aws-region': '  eu-west-1 \n' }, (s) => s.aws.region, 'eu-west-1'],
    ['Fargate Spot', { 'fargate-spot': 'true' }, (s) => s.aws.spot, true],
    [
      'Fargate Spot prices: cost-per-hour × 0.3',
      { 'fargate-spot': 'true', 'cost-per-hour': '0.1,0.2,0.4' },
      (s) => s.costPerHour,
      { small: 0.03, medium: 0.06, large: 0.12 },
    ],
    ['public-IP mode by default', {}, (s) => s.aws.loadBalancer, undefined],
    [
      'load-balancer mode, the domain normalised',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        'preview-domain': '*.Showtime.Example.org.',
        'load-balancer-vpc-id': 'vpc-0abc',
      },
      (s) => s.aws.loadBalancer,
      {
        listenerArn:
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        domain: 'showtime.example.org',
        vpcId: 'vpc-0abc',
      },
    ],
  ])('%s', (_name, values, pick, expected) => {
    expect(pick(readSettings('main', reader({ 'github-token': 't', ...values })))).toEqual(expected);
  });

  test.each<[string, Partial<Record<InputName, string>>, RegExp]>([
    ['boolean', { 'force-rebuild': 'yes' }, /input 'force-rebuild' is "yes"; expected true or false/],
    [
      'port',
      { 'container-port': '70000' },
      /input 'container-port' is "70000"; expected a whole number from 1 to 65535/,
    ],
    ['TTL', { 'default-ttl': 'forever' }, /input 'default-ttl' is "forever"; expected <n>h, <n>d or <n>w/],
    ['size', { size: 'huge' }, /input 'size' is "huge"; expected small, medium, large/],
    [
      'flag',
      { 'feature-flags': 'alerts' },
      /input 'feature-flags' is "alerts"; expected an uppercase feature flag/,
    ],
    [
      'env line',
      { 'extra-env': 'not a pair' },
      /input 'extra-env' is "not a pair"; expected one KEY=VALUE per line/,
    ],
    [
      'env name',
      { 'extra-env': 'MY-VAR=x' },
      /input 'extra-env' is "MY-VAR=x"; expected one KEY=VALUE per line, KEY of letters, digits and _/,
    ],
    [
      'costs',
      { 'cost-per-hour': '1,2' },
      /input 'cost-per-hour' is "1,2"; expected three non-negative numbers/,
    ],
    [
      'health path',
      { 'health-check-path': 'health' },
      /input 'health-check-path' is "health"; expected a path starting with \//,
    ],
    [
      'webhook, value hidden',
      { 'slack-webhook-url': 'javascript:alert(1)' },
      /input 'slack-webhook-url' is "\(hidden\)"; expected an http\(s\) URL/,
    ],
    ['token', { 'github-token': ' ' }, /input 'github-token' is empty/],
    [
      'listener',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/x/1',
      },
      /input 'load-balancer-listener-arn' is "arn:.*"; expected an ALB listener ARN/,
    ],
    [
      'preview domain missing',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        'load-balancer-vpc-id': 'vpc-1',
      },
      /input 'load-balancer-listener-arn' is "arn:.*"; expected empty, or set together with preview-domain/,
    ],
    [
      'preview domain too long for a 🌐 label',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        'preview-domain': 'showtime.superset.apache.org',
        'load-balancer-vpc-id': 'vpc-1',
      },
      /input 'preview-domain' is "showtime.superset.apache.org"; expected a DNS name of at most 26 characters/,
    ],
    [
      'preview domain without a listener',
      { 'preview-domain': 'showtime.example.org' },
      /input 'preview-domain' is "showtime.example.org"; expected empty, or set together with load-balancer-listener-arn/,
    ],
    [
      'load-balancer VPC missing',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        'preview-domain': 'showtime.example.org',
      },
      /input 'load-balancer-listener-arn' is "arn:.*"; expected set together with load-balancer-vpc-id/,
    ],
    [
      'load-balancer address with a path',
      {
        'load-balancer-listener-arn':
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2',
        'preview-domain': 'showtime.example.org',
        'load-balancer-vpc-id': 'vpc-1',
        'load-balancer-address': 'http://10.0.0.5/health',
      },
      /input 'load-balancer-address' is "http:\/\/10.0.0.5\/health"; expected a base URL without a path/,
    ],
  ])('a bad %s input is named with its accepted form', (_name, values, message) => {
    expect(() => readSettings('main', reader({ 'github-token': 't', ...values }))).toThrow(message);
  });

  test('every problem is reported at once', () => {
    try {
      readSettings(
        'main',
        reader({ 'github-token': 't', size: 'x', 'default-ttl': 'y', 'lease-minutes': '1' }),
      );
      throw new Error('expected a SettingsError');
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).problems).toHaveLength(3);
    }
  });

  test('an input the cleanup action does not declare reads as its default', () => {
    const settings = readSettings('cleanup', reader({ 'github-token': 't', 'force-rebuild': 'garbage' }));
    expect(settings.docker.forceRebuild).toBe(false);
  });

  test('a dry run on GitHub needs no token', () => {
    expect(readSettings('cleanup', reader({ 'dry-run-github': 'true' })).githubToken).toBe('');
  });

  test('deploy inputs are checked only when a deploy needs them', () => {
    const settings = readSettings('main', reader({ 'github-token': 't' }));
    expect(deployProblems(settings)).toEqual([
      "input 'subnets' is empty; expected subnet IDs to deploy into",
      "input 'security-groups' is empty; expected security group IDs for the tasks",
    ]);
    expect(
      deployProblems(
        readSettings('main', reader({ 'github-token': 't', subnets: 's', 'security-groups': 'g' })),
      ),
    ).toEqual([]);
  });
});

describe('the ECS part, built and checked at first ECS use', () => {
  const LISTENER =
    'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2';
  const workspace = mkdtempSync(path.join(tmpdir(), 'showtime-settings-'));
  const deployable = { 'github-token': 't', subnets: 'subnet-0abc', 'security-groups': 'sg-0def' };
  const ecsOf = (values: Partial<Record<InputName, string>>, action: 'main' | 'cleanup' = 'main') =>
    readSettings(action, reader({ ...deployable, ...values })).aws.ecs(workspace);

  test("the adapter's settings, from the inputs and the defaults", () => {
    const settings = ecsOf({ 'extra-env': 'A=1', 'poll-interval-seconds': '2.01', 'fargate-spot': 'true' });
    expect(settings).toMatchObject({
      region: 'us-west-2',
      cluster: 'superset-ci',
      subnets: ['subnet-0abc'],
      securityGroups: ['sg-0def'],
      assignPublicIp: true,
      spot: true,
      containerName: 'superset',
      containerPort: 8080,
      sizes: DEFAULT_SIZE_PRESETS,
      environment: { A: '1' },
      healthCheckPath: '/health',
      generatedEnvironment: ['SUPERSET_SECRET_KEY'],
    });
    expect(settings.taskDefinitionTemplate.containerDefinitions?.map((c) => c.name)).toContain('superset');
    expect(settings.timeouts).toMatchObject({
      stableMs: 15 * 60_000,
      healthMs: 10 * 60_000,
      pollIntervalMs: 2010,
      healthIntervalMs: 2000,
    });
  });

  test('a bad ECS input fails only the call, not readSettings', () => {
    const settings = readSettings('main', reader({ 'github-token': 't', 'aws-region': 'Virginia' }));
    expect(() => settings.aws.ecs(workspace)).toThrow(SettingsError);
  });

  test.each<[string, Partial<Record<InputName, string>>, RegExp]>([
    [
      'a region',
      { 'aws-region': 'Virginia' },
      /input 'aws-region' is "Virginia"; expected an AWS region, e.g. us-east-1/,
    ],
    ['no subnets', { subnets: '' }, /input 'subnets' is empty; expected subnet IDs to deploy into/],
    [
      'a subnet',
      { subnets: '10.0.0.0/24' },
      /input 'subnets' is "10.0.0.0\/24"; expected subnet IDs, subnet-<hex>/,
    ],
    [
      'a security group',
      { 'security-groups': 'default' },
      /input 'security-groups' is "default"; expected security group IDs, sg-<hex>/,
    ],
    [
      'a container missing from the template',
      { 'container-name': 'web' },
      /input 'container-name' is "web"; expected a container of the task-definition template \(it has "superset"\)/,
    ],
    [
      'an endpoint',
      { 'aws-endpoint': 'localhost:5000' },
      /input 'aws-endpoint' is "localhost:5000"; expected an http\(s\) URL/,
    ],
    [
      'a role',
      { 'task-role-arn': 'my role' },
      /input 'task-role-arn' is "my role"; expected a role ARN or name/,
    ],
    [
      'a log group',
      { 'log-group': 'a b', 'execution-role-arn': 'r' },
      /input 'log-group' is "a b"; expected a log group name/,
    ],
    [
      'a log group without execution role',
      { 'log-group': '/ecs/showtime' },
      /input 'log-group' is "\/ecs\/showtime"; expected empty, or set together with execution-role-arn .*Fargate needs one/,
    ],
    [
      'an unreadable template',
      { 'task-definition': 'missing.json' },
      /input 'task-definition' is "missing.json": task-definition template .*missing\.json cannot be read .*expected a RegisterTaskDefinition/,
    ],
  ])('refuses %s, naming the input and the accepted form', (_case, values, message) => {
    expect(() => ecsOf(values)).toThrow(message);
  });

  test('lists every problem at once', () => {
    try {
      ecsOf({ 'aws-region': 'x', subnets: 'nope', 'container-name': 'web' });
      throw new Error('expected a SettingsError');
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).problems.map((p) => /^input '([a-z-]+)'/.exec(p)?.[1])).toEqual([
        'aws-region',
        'subnets',
        'container-name',
      ]);
    }
  });

  test('a blank ecs-cluster reads as the default: no empty cluster reaches the adapter', () => {
    expect(ecsOf({ 'ecs-cluster': '  ' }).cluster).toBe('superset-ci');
  });

  test('task-definition is a path in the workspace', () => {
    writeFileSync(
      path.join(workspace, 'td.json'),
      JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'web', image: 'placeholder' }] }),
    );
    const settings = ecsOf({ 'task-definition': 'td.json', 'container-name': 'web' });
    expect(settings.taskDefinitionTemplate.containerDefinitions?.map((c) => c.name)).toEqual(['web']);
  });

  test('the cleanup action needs no network: it creates nothing', () => {
    expect(readSettings('cleanup', reader({ 'github-token': 't' })).aws.ecs(workspace).subnets).toEqual([]);
  });

  test("load-balancer mode: the router's settings", () => {
    const settings = readSettings(
      'main',
      reader({
        'github-token': 't',
        'load-balancer-listener-arn': LISTENER,
        'preview-domain': 'showtime.example.org',
        'load-balancer-vpc-id': 'vpc-0abc',
        'container-port': '8088',
        'health-check-path': '/ok',
      }),
    );
    expect(settings.aws.router).toEqual({
      listenerArn: LISTENER,
      domain: 'showtime.example.org',
      vpcId: 'vpc-0abc',
      containerPort: 8088,
      healthCheckPath: '/ok',
    });
    expect(readSettings('main', reader({ 'github-token': 't' })).aws.router).toBeUndefined();
  });
});
