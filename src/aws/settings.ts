// The ECS adapter's settings: plain data that src/settings.ts builds from the action's inputs (and checks, naming
// each input), and tests build by hand. Nothing in here is specific to one AWS account.
import type { Size } from '../core/types.js';
import { SIZES } from '../core/types.js';
import type { TaskDefinitionTemplate } from './task-definition.js';

/** Fargate task size in CPU units (1024 = 1 vCPU) and MiB. */
export interface SizePreset {
  cpu: number;
  memory: number;
}

export const DEFAULT_SIZE_PRESETS: Readonly<Record<Size, SizePreset>> = {
  small: { cpu: 512, memory: 1024 },
  medium: { cpu: 1024, memory: 2048 },
  large: { cpu: 2048, memory: 4096 },
};

/** Every wait of the adapter is bounded by one of these (milliseconds). */
export interface EcsTimeouts {
  /** From CreateService/UpdateService until the service runs its desired count with one deployment. */
  stableMs: number;
  /** From stable until the service's task shows an IP address (usually immediate on ECS). */
  addressMs: number;
  /** Total budget of the HTTP health check, all attempts included. */
  healthMs: number;
  /** Pause between two health attempts (2 s: a booting Superset is caught within 2 s of listening). */
  healthIntervalMs: number;
  /** One health request gives up after this long. */
  healthRequestMs: number;
  /**
   * Longest pause between two DescribeServices / DescribeTasks polls: the pauses of a wait start at
   * min(2 s, this) and grow by half each time up to it (see pollPauses in ecs.ts).
   */
  pollIntervalMs: number;
  /** How long to wait for an old service of the same name to finish draining when no other name is free. */
  drainWaitMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<EcsTimeouts> = {
  // A Superset CI image is large and runs migrations before it listens: generous but finite.
  stableMs: 15 * 60_000,
  addressMs: 2 * 60_000,
  healthMs: 10 * 60_000,
  healthIntervalMs: 2_000,
  healthRequestMs: 10_000,
  pollIntervalMs: 10_000,
  drainWaitMs: 5 * 60_000,
};

export interface EcsSettings {
  region: string;
  /** Cluster name or ARN. */
  cluster: string;
  subnets: string[];
  securityGroups: string[];
  /** When false the environment's address is the task's private IP (the runner must reach the VPC). */
  assignPublicIp: boolean;
  /** Run the tasks on Fargate Spot (the cluster needs the FARGATE_SPOT capacity provider). */
  spot?: boolean;
  taskDefinitionTemplate: TaskDefinitionTemplate;
  /** The container that runs the application: it gets the image, the environment and the port. */
  containerName: string;
  containerPort: number;
  sizes: Record<Size, SizePreset>;
  /** Extra environment variables for the application container (after the template's, before the config's). */
  environment: Record<string, string>;
  healthCheckPath: string;
  timeouts: EcsTimeouts;
  /** Names of variables that get a random value per environment when neither template nor inputs set them. */
  generatedEnvironment: string[];
  /** Only for tests and local emulators (moto); real runs use the SDK's regional endpoint. */
  endpoint?: string;
  executionRoleArn?: string;
  taskRoleArn?: string;
  /** CloudWatch log group for the application container (awslogs driver; needs an execution role). */
  logGroup?: string;
}

/** What the entrypoint provides; sizes, timeouts and the optional lists fall back to defaults. */
export type EcsSettingsInput = Omit<
  EcsSettings,
  'sizes' | 'timeouts' | 'environment' | 'healthCheckPath' | 'generatedEnvironment' | 'securityGroups'
> & {
  sizes?: Partial<Record<Size, SizePreset>>;
  timeouts?: Partial<EcsTimeouts>;
  environment?: Record<string, string>;
  healthCheckPath?: string;
  generatedEnvironment?: string[];
  securityGroups?: string[];
};

// Superset refuses to start with its built-in secret key; a per-environment random one is enough for a test site.
export const DEFAULT_GENERATED_ENVIRONMENT = ['SUPERSET_SECRET_KEY'];
export const DEFAULT_HEALTH_CHECK_PATH = '/health';

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkPositiveInteger(problems: string[], name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0)
    problems.push(`${name} is ${value}: expected a positive integer`);
}

// An input left empty arrives as an undefined entry; it must fall back to the default, not erase it.
function definedOnly<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Fills the defaults. The inputs were checked by src/settings.ts, which names each one; checked here is only what code
 * supplies in the adapter's own units: size presets, millisecond timeouts (settings.ts makes whole ones from the
 * inputs' minutes and seconds, so this never fires on an input) and generated variable names.
 */
export function resolveEcsSettings(input: EcsSettingsInput): EcsSettings {
  const settings: EcsSettings = {
    ...input,
    securityGroups: input.securityGroups ?? [],
    sizes: { ...DEFAULT_SIZE_PRESETS, ...definedOnly(input.sizes) },
    timeouts: { ...DEFAULT_TIMEOUTS, ...definedOnly(input.timeouts) },
    environment: input.environment ?? {},
    healthCheckPath: input.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH,
    generatedEnvironment: input.generatedEnvironment ?? DEFAULT_GENERATED_ENVIRONMENT,
  };
  const problems: string[] = [];
  for (const size of SIZES) {
    checkPositiveInteger(problems, `size ${size} cpu`, settings.sizes[size].cpu);
    checkPositiveInteger(problems, `size ${size} memory`, settings.sizes[size].memory);
  }
  for (const [name, value] of Object.entries(settings.timeouts)) {
    checkPositiveInteger(problems, `timeout ${name}`, value);
  }
  for (const name of settings.generatedEnvironment) {
    if (!ENV_NAME.test(name)) {
      problems.push(
        `environment variable name "${name}": expected letters, digits and _, not starting with a digit`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`ECS settings are not valid:\n- ${problems.join('\n- ')}`);
  return settings;
}
