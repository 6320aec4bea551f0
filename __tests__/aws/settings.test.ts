import { DEFAULT_SIZE_PRESETS, DEFAULT_TIMEOUTS, resolveEcsSettings } from '../../src/aws/settings.js';
import type { EcsSettingsInput } from '../../src/aws/settings.js';
import { loadTaskDefinitionTemplate } from '../../src/aws/task-definition.js';

const input: EcsSettingsInput = {
  region: 'us-west-2',
  cluster: 'superset-ci',
  subnets: ['subnet-0abc123'],
  securityGroups: ['sg-0def456'],
  assignPublicIp: true,
  taskDefinitionTemplate: loadTaskDefinitionTemplate(undefined),
  containerName: 'superset',
  containerPort: 8080,
};

test('defaults fill what the inputs leave out', () => {
  expect(resolveEcsSettings(input)).toEqual({
    ...input,
    sizes: DEFAULT_SIZE_PRESETS,
    timeouts: DEFAULT_TIMEOUTS,
    environment: {},
    healthCheckPath: '/health',
    generatedEnvironment: ['SUPERSET_SECRET_KEY'],
  });
});

test('a size preset or a timeout can be overridden alone', () => {
  const settings = resolveEcsSettings({
    ...input,
    sizes: { large: { cpu: 4096, memory: 8192 } },
    timeouts: { healthMs: 60_000 },
  });
  expect(settings.sizes).toEqual({ ...DEFAULT_SIZE_PRESETS, large: { cpu: 4096, memory: 8192 } });
  expect(settings.timeouts).toEqual({ ...DEFAULT_TIMEOUTS, healthMs: 60_000 });
});

test('an override left undefined keeps the default', () => {
  const settings = resolveEcsSettings({
    ...input,
    sizes: { small: undefined },
    timeouts: { stableMs: undefined },
  });
  expect(settings.sizes.small).toEqual(DEFAULT_SIZE_PRESETS.small);
  expect(settings.timeouts.stableMs).toBe(DEFAULT_TIMEOUTS.stableMs);
});

test.each<[string, Partial<EcsSettingsInput>, string]>([
  ['a region', { region: 'Virginia' }, 'region "Virginia": expected e.g. us-east-1'],
  ['a cluster', { cluster: ' ' }, 'cluster is empty'],
  ['no subnets', { subnets: [] }, 'subnets is empty'],
  ['a subnet', { subnets: ['10.0.0.0/24'] }, 'subnet "10.0.0.0/24": expected subnet-<hex>'],
  ['a security group', { securityGroups: ['default'] }, 'security group "default": expected sg-<hex>'],
  [
    'a container missing from the template',
    { containerName: 'web' },
    'container name "web" is not in the task-definition template (it has "superset")',
  ],
  ['a port', { containerPort: 70000 }, 'container port 70000: expected an integer from 1 to 65535'],
  [
    'a size',
    { sizes: { small: { cpu: 0, memory: 512 } } },
    'size small cpu is 0: expected a positive integer',
  ],
  ['a timeout', { timeouts: { stableMs: -1 } }, 'timeout stableMs is -1'],
  ['an environment name', { environment: { 'MY-VAR': 'x' } }, 'environment variable name "MY-VAR"'],
  [
    'a health path',
    { healthCheckPath: 'health' },
    'health check path "health": expected a path starting with /',
  ],
  ['an endpoint', { endpoint: 'localhost:5000' }, 'endpoint "localhost:5000": expected an http(s) URL'],
  ['a role', { taskRoleArn: 'my role' }, 'task role "my role": expected a role ARN or name'],
  ['a log group', { logGroup: 'a b', executionRoleArn: 'r' }, 'log group "a b"'],
  [
    'a log group without execution role',
    { logGroup: '/ecs/showtime' },
    'no execution role is: Fargate needs one',
  ],
])('refuses %s, naming it and the accepted form', (_case, override, message) => {
  expect(() => resolveEcsSettings({ ...input, ...override })).toThrow(message);
});

test('lists every problem at once', () => {
  expect(() => resolveEcsSettings({ ...input, region: 'x', containerPort: 0 })).toThrow(
    /ECS settings are not valid:\n- region "x".*\n- container port 0/,
  );
});
