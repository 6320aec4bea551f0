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

// The inputs' own checks (region, network, template, port, roles, log group…) are readSettings': see
// __tests__/settings/settings.test.ts, "the ECS part". Here: what code supplies in the adapter's units.
test.each<[string, Partial<EcsSettingsInput>, string]>([
  [
    'a size',
    { sizes: { small: { cpu: 0, memory: 512 } } },
    'size small cpu is 0: expected a positive integer',
  ],
  ['a timeout', { timeouts: { stableMs: -1 } }, 'timeout stableMs is -1'],
  ['a generated variable name', { generatedEnvironment: ['MY-VAR'] }, 'environment variable name "MY-VAR"'],
])('refuses %s, naming it and the accepted form', (_case, override, message) => {
  expect(() => resolveEcsSettings({ ...input, ...override })).toThrow(message);
});

test('lists every problem at once', () => {
  expect(() =>
    resolveEcsSettings({ ...input, sizes: { small: { cpu: 0, memory: 512 } }, timeouts: { healthMs: 0.5 } }),
  ).toThrow(/ECS settings are not valid:\n- size small cpu is 0.*\n- timeout healthMs is 0.5/);
});
