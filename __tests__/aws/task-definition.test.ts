import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ContainerDefinition, TaskDefinition } from '@aws-sdk/client-ecs';
import type { EnvConfig } from '../../src/core/types.js';
import {
  AUTO_MEMORY_LABEL,
  configEnvironment,
  fitContainerMemory,
  loadTaskDefinitionTemplate,
  MANAGED_ENV_LABEL,
  parseTaskDefinitionTemplate,
  renderTaskDefinition,
  reviseTaskDefinition,
} from '../../src/aws/task-definition.js';
import type { RenderParams, TaskDefinitionTemplate } from '../../src/aws/task-definition.js';

const NO_CONFIG: EnvConfig = { flags: {}, debug: false };

describe('configEnvironment', () => {
  test.each<[string, EnvConfig, Record<string, string>]>([
    ['defaults set nothing', NO_CONFIG, {}],
    [
      'an enabled flag',
      { flags: { ALERT_REPORTS: true }, debug: false },
      { SUPERSET_FEATURE_ALERT_REPORTS: 'True' },
    ],
    ['a disabled flag', { flags: { EMBEDDED: false }, debug: false }, { SUPERSET_FEATURE_EMBEDDED: 'False' }],
    [
      'the prefix is accepted',
      { flags: { SUPERSET_FEATURE_X: true }, debug: false },
      { SUPERSET_FEATURE_X: 'True' },
    ],
    [
      'the same flag twice, agreeing',
      { flags: { X: true, SUPERSET_FEATURE_X: true }, debug: false },
      { SUPERSET_FEATURE_X: 'True' },
    ],
    ['debug', { flags: {}, debug: true }, { SUPERSET_LOG_LEVEL: 'DEBUG', FLASK_DEBUG: '1' }],
    ['size does not change the environment', { flags: {}, debug: false, size: 'large' }, {}],
  ])('%s', (_case, config, expected) => {
    expect(configEnvironment(config)).toEqual(expected);
  });

  test.each([
    ['alerts', 'lower case'],
    ['ALERT-REPORTS', 'a hyphen'],
    ['A'.repeat(33), 'over 32 characters'],
    ['', 'empty'],
    ['SUPERSET_FEATURE_', 'the prefix alone'],
    ['X; rm -rf /', 'shell text'],
  ])('refuses "%s" (%s) naming the accepted form', (flag) => {
    expect(() => configEnvironment({ flags: { [flag]: true }, debug: false })).toThrow(
      `feature flag "${flag}" is not valid: expected an uppercase feature flag name`,
    );
  });

  test('refuses one flag both enabled and disabled', () => {
    expect(() => configEnvironment({ flags: { X: true, SUPERSET_FEATURE_X: false }, debug: false })).toThrow(
      'feature flag X is both enabled and disabled',
    );
  });

  test('every valid flag name becomes exactly one SUPERSET_FEATURE_ variable with the value as data', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Z0-9_]{1,32}$/), fc.boolean()),
        fc.boolean(),
        (flags, debug) => {
          const environment = configEnvironment({ flags, debug });
          for (const [flag, enabled] of Object.entries(flags)) {
            expect(environment[`SUPERSET_FEATURE_${flag}`]).toBe(enabled ? 'True' : 'False');
          }
          const featureKeys = Object.keys(environment).filter((k) => k.startsWith('SUPERSET_FEATURE_'));
          expect(featureKeys).toHaveLength(Object.keys(flags).length);
        },
      ),
    );
  });
});

describe('parseTaskDefinitionTemplate', () => {
  const minimal = { containerDefinitions: [{ name: 'app', image: 'x' }] };

  test.each<[string, unknown, string]>([
    ['not JSON', '{', 'not valid JSON'],
    ['an array', [], 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['no containers', { family: 'x' }, 'no containerDefinitions'],
    ['empty containers', { containerDefinitions: [] }, 'no containerDefinitions'],
    [
      'a container without name',
      { containerDefinitions: [{ image: 'x' }] },
      'containerDefinitions[0] has no name',
    ],
    [
      'a container that is a string',
      { containerDefinitions: ['app'] },
      'containerDefinitions[0] is not an object',
    ],
    ['a numeric image', { containerDefinitions: [{ name: 'a', image: 1 }] }, 'image that is not a string'],
    [
      'environment as an object',
      { containerDefinitions: [{ name: 'a', environment: { A: '1' } }] },
      'environment that is not a list of {name, value} strings',
    ],
    [
      'a numeric environment value',
      { containerDefinitions: [{ name: 'a', environment: [{ name: 'A', value: 1 }] }] },
      'environment that is not a list',
    ],
    [
      'fractional memory',
      { containerDefinitions: [{ name: 'a', memory: 1.5 }] },
      'memory that is not a whole number',
    ],
    [
      'two containers of one name',
      { containerDefinitions: [{ name: 'a' }, { name: 'a' }] },
      'two containers are named "a"',
    ],
    ['a misspelt field', { ...minimal, containerDefinition: [] }, 'unknown field containerDefinition'],
  ])('refuses %s', (_case, value, message) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const result = parseTaskDefinitionTemplate(text);
    expect('error' in result && result.error).toContain(message);
  });

  test('accepts describe-task-definition output, dropping its read-only fields', () => {
    const described = {
      taskDefinition: { ...minimal, taskDefinitionArn: 'arn', revision: 3, status: 'ACTIVE', cpu: '256' },
    };
    expect(parseTaskDefinitionTemplate(JSON.stringify(described))).toEqual({
      template: { ...minimal, cpu: '256' },
    });
  });

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseTaskDefinitionTemplate(text);
        expect('template' in result || 'error' in result).toBe(true);
      }),
    );
  });
});

describe('loadTaskDefinitionTemplate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'showtime-template-'));

  test('without a path, the built-in Superset template', () => {
    const template = loadTaskDefinitionTemplate(undefined);
    expect(template.containerDefinitions?.map((c) => c.name)).toEqual(['superset']);
    expect(template.networkMode).toBe('awsvpc');
    // Each load is a fresh object: rendering one environment cannot leak into the next.
    expect(loadTaskDefinitionTemplate('')).not.toBe(template);
    expect(loadTaskDefinitionTemplate('')).toEqual(template);
  });

  test('a file from the repository', () => {
    const path = join(dir, 'td.json');
    writeFileSync(path, JSON.stringify({ containerDefinitions: [{ name: 'web', image: 'x' }] }));
    expect(loadTaskDefinitionTemplate(path).containerDefinitions).toEqual([{ name: 'web', image: 'x' }]);
  });

  test.each([
    [
      'a missing file',
      'missing.json',
      undefined,
      /missing\.json cannot be read .*expected a RegisterTaskDefinition/,
    ],
    [
      'a bad file',
      'bad.json',
      '{"containerDefinitions": []}',
      /bad\.json: no containerDefinitions; expected a Register/,
    ],
  ])('%s is an error naming the file and the accepted form', (_case, name, content, message) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    expect(() => loadTaskDefinitionTemplate(path)).toThrow(message);
  });
});

const template: TaskDefinitionTemplate = {
  family: 'ignored',
  cpu: '256',
  memory: '512',
  taskRoleArn: 'template-task-role',
  tags: [
    { key: 'team', value: 'data' },
    { key: 'managed-by', value: 'someone' },
  ],
  containerDefinitions: [
    {
      name: 'superset',
      image: 'placeholder',
      portMappings: [{ containerPort: 9000 }],
      environment: [
        { name: 'FROM_TEMPLATE', value: 't' },
        { name: 'OVERRIDDEN', value: 'template' },
        { name: 'SUPERSET_FEATURE_X', value: 'True' },
      ],
    },
    { name: 'sidecar', image: 'sidecar', memory: 128 },
  ],
};

const params: RenderParams = {
  family: 'pr-1-abc1234',
  image: 'apache/superset:pr-1-ci',
  containerName: 'superset',
  containerPort: 8080,
  size: { cpu: 1024, memory: 2048 },
  environment: { OVERRIDDEN: 'input', EXTRA: 'e' },
  config: { flags: { X: false, ALERTS: true }, debug: false },
  generated: { FROM_TEMPLATE: 'not used', SECRET: 'random' },
  region: 'eu-west-1',
  tags: [{ key: 'managed-by', value: 'showtime' }],
};

const env = (container: ContainerDefinition | undefined) =>
  Object.fromEntries((container?.environment ?? []).map((e) => [e.name, e.value]));

describe('renderTaskDefinition', () => {
  const rendered = renderTaskDefinition(template, params);
  const main = rendered.containerDefinitions?.[0];

  test('the family, the size and Fargate networking come from the environment, not the template', () => {
    expect(rendered).toMatchObject({
      family: 'pr-1-abc1234',
      cpu: '1024',
      memory: '2048',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      taskRoleArn: 'template-task-role',
    });
  });

  test('environment: template, then generated values it lacks, then inputs, then the configuration', () => {
    expect(env(main)).toEqual({
      FROM_TEMPLATE: 't',
      OVERRIDDEN: 'input',
      SUPERSET_FEATURE_X: 'False',
      SECRET: 'random',
      EXTRA: 'e',
      SUPERSET_FEATURE_ALERTS: 'True',
    });
    expect(main?.dockerLabels?.[MANAGED_ENV_LABEL]).toBe('SUPERSET_FEATURE_ALERTS,SUPERSET_FEATURE_X');
  });

  test('image, port and memory of the application container; the sidecar keeps its own', () => {
    expect(main).toMatchObject({ image: 'apache/superset:pr-1-ci', memory: 2048 - 128 });
    expect(main?.portMappings).toEqual([{ containerPort: 9000 }, { containerPort: 8080, protocol: 'tcp' }]);
    expect(rendered.containerDefinitions?.[1]).toEqual({ name: 'sidecar', image: 'sidecar', memory: 128 });
  });

  test("the environment's tags override the template's of the same key", () => {
    expect(rendered.tags).toEqual([
      { key: 'team', value: 'data' },
      { key: 'managed-by', value: 'showtime' },
    ]);
  });

  test('the template object is left as it was', () => {
    expect(template.containerDefinitions?.[0]?.image).toBe('placeholder');
    expect(template.containerDefinitions?.[0]?.memory).toBeUndefined();
  });

  test.each<[string, Partial<RenderParams>, object]>([
    [
      'roles from the inputs win',
      { executionRoleArn: 'exec', taskRoleArn: 'task' },
      { executionRoleArn: 'exec', taskRoleArn: 'task' },
    ],
    [
      'a log group adds the awslogs driver',
      { logGroup: '/showtime' },
      {
        containerDefinitions: expect.arrayContaining([
          expect.objectContaining({
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': '/showtime',
                'awslogs-region': 'eu-west-1',
                'awslogs-stream-prefix': 'pr-1-abc1234',
              },
            },
          }),
        ]),
      },
    ],
  ])('%s', (_case, extra, expected) => {
    expect(renderTaskDefinition(template, { ...params, ...extra })).toMatchObject(expected);
  });

  test.each<[string, TaskDefinitionTemplate, Partial<RenderParams>, string]>([
    [
      'bridge networking',
      { ...template, networkMode: 'bridge' },
      {},
      'networkMode bridge: Fargate needs awsvpc',
    ],
    [
      'an unknown container',
      template,
      { containerName: 'web' },
      'no container named "web" (it has "superset", "sidecar")',
    ],
    [
      'a bad flag',
      template,
      { config: { flags: { bad: true }, debug: false } },
      'feature flag "bad" is not valid',
    ],
    [
      'a sidecar larger than the task',
      template,
      { size: { cpu: 256, memory: 64 } },
      '"sidecar" asks for 128 MiB but the task has 64 MiB',
    ],
  ])('refuses %s', (_case, tpl, extra, message) => {
    expect(() => renderTaskDefinition(tpl, { ...params, ...extra })).toThrow(message);
  });
});

describe('fitContainerMemory', () => {
  const c = (name: string, extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
    name,
    ...extra,
  });
  const memories = (containers: ContainerDefinition[]) => containers.map((x) => x.memory);

  test.each<[string, ContainerDefinition[], number, (number | undefined)[]]>([
    ['one container gets the whole task', [c('a')], 1024, [1024]],
    ['two share evenly', [c('a'), c('b')], 1024, [512, 512]],
    ['fixed memory is left alone', [c('a'), c('b', { memory: 256 })], 1024, [768, 256]],
    ['a reservation counts as fixed', [c('a'), c('b', { memoryReservation: 100 })], 1024, [924, undefined]],
    ['an odd remainder is floored', [c('a'), c('b'), c('c')], 1000, [333, 333, 333]],
    [
      'auto memory from an earlier size is re-divided',
      [c('a', { memory: 512, dockerLabels: { [AUTO_MEMORY_LABEL]: 'true' } })],
      4096,
      [4096],
    ],
  ])('%s', (_case, containers, taskMemory, expected) => {
    expect(memories(fitContainerMemory(containers, taskMemory))).toEqual(expected);
  });

  test('refuses when nothing is left for the containers without memory', () => {
    expect(() => fitContainerMemory([c('a'), c('b', { memory: 1020 })], 1024)).toThrow(
      'leave 4 MiB for "a": choose a larger size or set memory on every container',
    );
  });

  test('gives every container memory and, when it chooses any, never more than the task has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 6, max: 512 }), { nil: undefined }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 512, max: 30720 }),
        (limits, taskMemory) => {
          const containers = limits.map((memory, i) => c(`c${i}`, memory === undefined ? {} : { memory }));
          let fitted: ContainerDefinition[];
          try {
            fitted = fitContainerMemory(containers, taskMemory);
          } catch (error) {
            expect((error as Error).message).toContain('choose a larger size');
            return;
          }
          expect(fitted.every((x) => x.memory !== undefined)).toBe(true);
          if (limits.includes(undefined)) {
            expect(fitted.reduce((sum, x) => sum + (x.memory ?? 0), 0)).toBeLessThanOrEqual(taskMemory);
          }
        },
      ),
    );
  });
});

describe('reviseTaskDefinition', () => {
  const first = renderTaskDefinition(template, params);
  // What DescribeTaskDefinition returns for the first revision.
  const current: TaskDefinition = {
    ...first,
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:task-definition/pr-1-abc1234:1',
    revision: 1,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: new Date(0),
  };
  const revised = reviseTaskDefinition(current, {
    containerName: 'superset',
    size: { cpu: 2048, memory: 4096 },
    config: { flags: { DASHBOARD_RBAC: true }, debug: true },
    tags: [{ key: 'managed-by', value: 'showtime' }],
  });
  const main = revised.containerDefinitions?.[0];

  test('keeps the image and everything else, with the new size', () => {
    expect(revised).toMatchObject({
      family: 'pr-1-abc1234',
      cpu: '2048',
      memory: '4096',
      taskRoleArn: 'template-task-role',
    });
    expect(main).toMatchObject({ image: 'apache/superset:pr-1-ci', memory: 4096 - 128 });
    expect(revised.containerDefinitions?.[1]).toMatchObject({ name: 'sidecar', memory: 128 });
  });

  test('replaces the variables of the old configuration by those of the new one', () => {
    expect(env(main)).toEqual({
      FROM_TEMPLATE: 't',
      OVERRIDDEN: 'input',
      SECRET: 'random',
      EXTRA: 'e',
      SUPERSET_FEATURE_DASHBOARD_RBAC: 'True',
      SUPERSET_LOG_LEVEL: 'DEBUG',
      FLASK_DEBUG: '1',
    });
    expect(main?.dockerLabels?.[MANAGED_ENV_LABEL]).toBe(
      'SUPERSET_FEATURE_DASHBOARD_RBAC,SUPERSET_LOG_LEVEL,FLASK_DEBUG',
    );
  });

  test('drops the read-only fields of the described revision', () => {
    for (const field of ['taskDefinitionArn', 'revision', 'status', 'compatibilities', 'registeredAt']) {
      expect(revised).not.toHaveProperty(field);
    }
  });

  test('back to defaults removes every managed variable and the label', () => {
    const reset = reviseTaskDefinition(
      { ...current, containerDefinitions: revised.containerDefinitions },
      { containerName: 'superset', size: { cpu: 512, memory: 1024 }, config: NO_CONFIG, tags: [] },
    );
    const container = reset.containerDefinitions?.[0];
    expect(Object.keys(env(container)).sort()).toEqual(['EXTRA', 'FROM_TEMPLATE', 'OVERRIDDEN', 'SECRET']);
    expect(container?.dockerLabels?.[MANAGED_ENV_LABEL]).toBeUndefined();
    expect(container?.memory).toBe(1024 - 128);
  });
});
