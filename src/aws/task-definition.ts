// Task definitions of environments: loading the template, rendering a revision for a new environment and revising
// a running one for a new configuration. Everything but the file loader is pure (data in, data out).
import { readFileSync } from 'node:fs';
import type {
  ContainerDefinition,
  KeyValuePair,
  RegisterTaskDefinitionCommandInput,
  Tag,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { EnvConfig } from '../core/types.js';
import { FORMS, parseFlag } from '../core/values.js';
import type { SizePreset } from './settings.js';
import builtinTemplate from './superset-task-definition.json' with { type: 'json' };

/** A RegisterTaskDefinition request whose family, size, image and environment the adapter fills in. */
export type TaskDefinitionTemplate = Omit<RegisterTaskDefinitionCommandInput, 'family'> & { family?: string };

/** The fields RegisterTaskDefinition accepts; a revision is rebuilt from these alone. */
const REGISTERABLE = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
] as const;

// Output of `aws ecs describe-task-definition` is a common starting point for a template: its read-only fields
// are dropped rather than refused.
const DESCRIBE_ONLY = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
]);

export const TEMPLATE_FORM =
  'a RegisterTaskDefinition JSON object (as `aws ecs register-task-definition --cli-input-json` takes) with a ' +
  'non-empty containerDefinitions array of named containers';

/** Names of the variables the previous configuration set, so a revision can remove exactly those. */
export const MANAGED_ENV_LABEL = 'showtime.managed-env';
/** Marks a container whose memory the adapter chose, so a new size re-divides it. */
export const AUTO_MEMORY_LABEL = 'showtime.auto-memory';

export const FEATURE_PREFIX = 'SUPERSET_FEATURE_';
/** What debug mode switches on in Superset. */
export const DEBUG_ENVIRONMENT: Readonly<Record<string, string>> = {
  SUPERSET_LOG_LEVEL: 'DEBUG',
  FLASK_DEBUG: '1',
};

/** ECS refuses container memory limits below this (MiB). */
const MIN_CONTAINER_MEMORY = 6;

export type TemplateResult = { template: TaskDefinitionTemplate } | { error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkContainer(container: unknown, index: number): string | undefined {
  if (!isRecord(container)) return `containerDefinitions[${index}] is not an object`;
  if (typeof container.name !== 'string' || container.name === '') {
    return `containerDefinitions[${index}] has no name`;
  }
  if (container.image !== undefined && typeof container.image !== 'string') {
    return `container "${container.name}" has an image that is not a string`;
  }
  const environment = container.environment;
  if (environment !== undefined) {
    const valid =
      Array.isArray(environment) &&
      environment.every((e) => isRecord(e) && typeof e.name === 'string' && typeof e.value === 'string');
    if (!valid)
      return `container "${container.name}" has an environment that is not a list of {name, value} strings`;
  }
  for (const field of ['memory', 'memoryReservation', 'cpu'] as const) {
    const value = container[field];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
      return `container "${container.name}" has a ${field} that is not a whole number`;
    }
  }
  return undefined;
}

/** Checks the shape of a template; returns the error in words rather than throwing, whatever the text. */
export function parseTaskDefinitionTemplate(text: string): TemplateResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  if (isRecord(parsed) && isRecord(parsed.taskDefinition) && parsed.containerDefinitions === undefined) {
    parsed = parsed.taskDefinition;
  }
  if (!isRecord(parsed)) return { error: 'not a JSON object' };
  const unknown = Object.keys(parsed).filter(
    (key) => !DESCRIBE_ONLY.has(key) && !(REGISTERABLE as readonly string[]).includes(key),
  );
  if (unknown.length > 0)
    return { error: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` };
  const containers = parsed.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) return { error: 'no containerDefinitions' };
  for (const [index, container] of containers.entries()) {
    const problem = checkContainer(container, index);
    if (problem) return { error: problem };
  }
  const names = containers.map((c: { name: string }) => c.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) return { error: `two containers are named "${duplicate}"` };
  const template: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) if (!DESCRIBE_ONLY.has(key)) template[key] = value;
  return { template: template as TaskDefinitionTemplate };
}

/**
 * The template for new environments: the JSON file at `path` (from the consuming repository), or the Superset
 * template shipped with the action when no path is given. Throws with the file and the accepted form.
 */
export function loadTaskDefinitionTemplate(path: string | undefined): TaskDefinitionTemplate {
  const useBuiltin = path === undefined || path.trim() === '';
  const source = useBuiltin ? 'the built-in Superset template' : path;
  let text: string;
  if (useBuiltin) {
    text = JSON.stringify(builtinTemplate);
  } else {
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(
        `task-definition template ${path} cannot be read (${(error as Error).message}): expected ${TEMPLATE_FORM}`,
      );
    }
  }
  const result = parseTaskDefinitionTemplate(text);
  if ('error' in result)
    throw new Error(`task-definition template ${source}: ${result.error}; expected ${TEMPLATE_FORM}`);
  return result.template;
}

/**
 * The environment variables a configuration sets: one SUPERSET_FEATURE_<FLAG> per flag ("True"/"False") and the
 * debug switches. Throws on a flag name outside the accepted form, before anything is sent to AWS.
 */
export function configEnvironment(config: EnvConfig): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, enabled] of Object.entries(config.flags).sort(([a], [b]) => a.localeCompare(b))) {
    const flag = parseFlag(name);
    if (flag === undefined) throw new Error(`feature flag "${name}" is not valid: expected ${FORMS.flag}`);
    const key = `${FEATURE_PREFIX}${flag}`;
    const value = enabled ? 'True' : 'False';
    if (environment[key] !== undefined && environment[key] !== value) {
      throw new Error(`feature flag ${flag} is both enabled and disabled (given as "${flag}" and "${key}")`);
    }
    environment[key] = value;
  }
  if (config.debug) Object.assign(environment, DEBUG_ENVIRONMENT);
  return environment;
}

function mergeEnvironment(base: KeyValuePair[], ...layers: Record<string, string>[]): KeyValuePair[] {
  const merged = new Map<string, string>();
  for (const { name, value } of base) if (name !== undefined) merged.set(name, value ?? '');
  for (const layer of layers) for (const [name, value] of Object.entries(layer)) merged.set(name, value);
  return [...merged].map(([name, value]) => ({ name, value }));
}

function withPort(container: ContainerDefinition, port: number): ContainerDefinition {
  const mappings = container.portMappings ?? [];
  if (mappings.some((m) => m.containerPort === port)) return container;
  return { ...container, portMappings: [...mappings, { containerPort: port, protocol: 'tcp' }] };
}

function withoutLabel(container: ContainerDefinition, label: string): ContainerDefinition {
  if (container.dockerLabels?.[label] === undefined) return container;
  const { [label]: _removed, ...rest } = container.dockerLabels;
  return { ...container, dockerLabels: rest };
}

/**
 * Gives every container a memory limit (moto refuses RunTask without one, and a per-container limit is harmless on
 * Fargate): containers the template left without memory share what the others leave of the task's memory.
 */
export function fitContainerMemory(
  containers: ContainerDefinition[],
  taskMemory: number,
): ContainerDefinition[] {
  const isAuto = (c: ContainerDefinition) =>
    c.dockerLabels?.[AUTO_MEMORY_LABEL] === 'true' ||
    (c.memory === undefined && c.memoryReservation === undefined);
  const fixed = containers.filter((c) => !isAuto(c));
  for (const container of fixed) {
    const limit = container.memory ?? container.memoryReservation ?? 0;
    if (limit > taskMemory) {
      throw new Error(
        `container "${container.name}" asks for ${limit} MiB but the task has ${taskMemory} MiB: ` +
          'choose a larger size or lower the container memory in the template',
      );
    }
  }
  const autos = containers.filter(isAuto);
  if (autos.length === 0) return containers;
  const left = taskMemory - fixed.reduce((sum, c) => sum + (c.memory ?? c.memoryReservation ?? 0), 0);
  const share = Math.floor(left / autos.length);
  if (share < MIN_CONTAINER_MEMORY) {
    throw new Error(
      `the task's ${taskMemory} MiB leave ${Math.max(left, 0)} MiB for ${autos.map((c) => `"${c.name}"`).join(', ')}: ` +
        'choose a larger size or set memory on every container in the template',
    );
  }
  return containers.map((c) =>
    isAuto(c) ? { ...c, memory: share, dockerLabels: { ...c.dockerLabels, [AUTO_MEMORY_LABEL]: 'true' } } : c,
  );
}

function applyConfig(
  container: ContainerDefinition,
  layers: Record<string, string>[],
  config: EnvConfig,
): ContainerDefinition {
  const fromConfig = configEnvironment(config);
  const managed = Object.keys(fromConfig);
  const next: ContainerDefinition = {
    ...withoutLabel(container, MANAGED_ENV_LABEL),
    environment: mergeEnvironment(container.environment ?? [], ...layers, fromConfig),
  };
  return managed.length === 0
    ? next
    : { ...next, dockerLabels: { ...next.dockerLabels, [MANAGED_ENV_LABEL]: managed.join(',') } };
}

function mainContainerIndex(containers: ContainerDefinition[], containerName: string): number {
  const index = containers.findIndex((c) => c.name === containerName);
  if (index < 0) {
    const names = containers.map((c) => `"${c.name}"`).join(', ');
    throw new Error(`the task definition has no container named "${containerName}" (it has ${names})`);
  }
  return index;
}

export interface RenderParams {
  family: string;
  image: string;
  containerName: string;
  containerPort: number;
  size: SizePreset;
  /** Extra variables from the action's inputs; they override the template's. */
  environment: Record<string, string>;
  config: EnvConfig;
  /** Values for variables that neither the template nor `environment` set (e.g. a random secret key). */
  generated: Record<string, string>;
  /**
   * Variables the container gets through `secrets` (name → SSM parameter), unless the template or `environment` set
   * them: the value never appears in the task definition.
   */
  secrets?: Record<string, string>;
  region: string;
  tags: Tag[];
  executionRoleArn?: string;
  taskRoleArn?: string;
  logGroup?: string;
}

/** The first revision of an environment's task definition, from the template. */
export function renderTaskDefinition(
  template: TaskDefinitionTemplate,
  params: RenderParams,
): RegisterTaskDefinitionCommandInput {
  if (template.networkMode !== undefined && template.networkMode !== 'awsvpc') {
    throw new Error(
      `the task-definition template uses networkMode ${template.networkMode}: Fargate needs awsvpc`,
    );
  }
  const containers = (template.containerDefinitions ?? []).map((c) => ({ ...c }));
  const index = mainContainerIndex(containers, params.containerName);
  let main = containers[index] as ContainerDefinition;
  const present = new Set(
    (main.environment ?? []).map((e) => e.name).concat(Object.keys(params.environment)),
  );
  const generated = Object.fromEntries(
    Object.entries(params.generated).filter(([name]) => !present.has(name)),
  );
  main = applyConfig({ ...main, image: params.image }, [generated, params.environment], params.config);
  const secrets = Object.entries(params.secrets ?? {}).filter(([name]) => !present.has(name));
  if (secrets.length > 0) {
    const names = new Set(secrets.map(([name]) => name));
    main.secrets = [
      ...(main.secrets ?? []).filter((s) => !names.has(s.name ?? '')),
      ...secrets.map(([name, valueFrom]) => ({ name, valueFrom })),
    ];
  }
  main = withPort(main, params.containerPort);
  if (params.logGroup !== undefined) {
    main.logConfiguration = {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': params.logGroup,
        'awslogs-region': params.region,
        'awslogs-stream-prefix': params.family,
      },
    };
  }
  containers[index] = main;
  const { family: _templateFamily, tags: templateTags, ...rest } = template;
  return {
    ...rest,
    family: params.family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(params.size.cpu),
    memory: String(params.size.memory),
    ...(params.executionRoleArn !== undefined ? { executionRoleArn: params.executionRoleArn } : {}),
    ...(params.taskRoleArn !== undefined ? { taskRoleArn: params.taskRoleArn } : {}),
    containerDefinitions: fitContainerMemory(containers, params.size.memory),
    tags: mergeTags(templateTags ?? [], params.tags),
  };
}

function mergeTags(base: Tag[], overrides: Tag[]): Tag[] {
  const keys = new Set(overrides.map((t) => t.key));
  return [...base.filter((t) => !keys.has(t.key)), ...overrides];
}

export interface ReviseParams {
  containerName: string;
  size: SizePreset;
  config: EnvConfig;
  tags: Tag[];
}

/**
 * The next revision of a running environment: the current revision (same image, same everything else) with the
 * variables of the old configuration replaced by the new configuration's, and the new size. A flag the template
 * itself set and a configuration later overrode stays unset once the configuration drops it.
 */
export function reviseTaskDefinition(
  current: TaskDefinition,
  params: ReviseParams,
): RegisterTaskDefinitionCommandInput {
  const containers = (current.containerDefinitions ?? []).map((c) => ({ ...c }));
  const index = mainContainerIndex(containers, params.containerName);
  const main = containers[index] as ContainerDefinition;
  const previous = new Set((main.dockerLabels?.[MANAGED_ENV_LABEL] ?? '').split(',').filter(Boolean));
  containers[index] = applyConfig(
    { ...main, environment: (main.environment ?? []).filter((e) => !previous.has(e.name ?? '')) },
    [],
    params.config,
  );
  const input: Record<string, unknown> = {};
  for (const key of REGISTERABLE)
    if (current[key as keyof TaskDefinition] !== undefined) input[key] = current[key as keyof TaskDefinition];
  return {
    ...(input as unknown as RegisterTaskDefinitionCommandInput),
    family: current.family,
    cpu: String(params.size.cpu),
    memory: String(params.size.memory),
    containerDefinitions: fitContainerMemory(containers, params.size.memory),
    tags: params.tags,
  };
}

/**
 * The CloudWatch console page of an environment's container logs: the awslogs driver names its streams
 * `<stream prefix>/<container>/<task id>` and the stream prefix is the family (renderTaskDefinition), so the page is
 * the log group filtered on `<family>/<container>/`, which holds the streams of every task of that environment. The
 * console's fragment escapes `%` as `$25`, so a value is URI-encoded and its `%` written `$25`.
 */
export function containerLogsUrl(params: {
  region: string;
  logGroup: string;
  family: string;
  containerName: string;
}): string {
  const fragment = (text: string): string => encodeURIComponent(text).replace(/%/g, '$25');
  const group = fragment(params.logGroup);
  const prefix = fragment(`${params.family}/${params.containerName}/`);
  return (
    `https://${params.region}.console.aws.amazon.com/cloudwatch/home?region=${params.region}` +
    `#logsV2:log-groups/log-group/${group}/log-events$3FlogStreamNameFilter$3D${prefix}`
  );
}
