// The ECS Fargate adapter: one environment = one task-definition family + one service running one task with a
// public IP. Every wait is bounded, and a failure after a service exists never leaves it running untracked.
import { randomBytes } from 'node:crypto';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type {
  NetworkConfiguration,
  RegisterTaskDefinitionCommandInput,
  Service,
  Tag,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { Address, EnvConfig, Size } from '../core/types.js';
import { FORMS, toSha7 } from '../core/values.js';
import { ApiCallCounter, callsBetween, countApiCalls, countClientCalls } from './call-counter.js';
import type { CallCounts } from './call-counter.js';
import { describePublicIp, describePublicIps } from './ec2-query.js';
import { checkHealth, realSleep } from './health.js';
import type { Clock, HealthFetch, HealthResult, Sleep } from './health.js';
import { chooseServiceSlot, environmentNames, parseServiceName, serviceState } from './service-names.js';
import type { EnvironmentNames, ServiceState } from './service-names.js';
import type { EcsSettings } from './settings.js';
import { ADMIN_PASSWORD_VARIABLE } from './ssm.js';
import type { PasswordStore } from './ssm.js';
import { environmentTags, isManaged, parseEnvironmentTags } from './tags.js';
import { renderTaskDefinition, reviseTaskDefinition } from './task-definition.js';

export interface CreateSpec {
  pr: number;
  /** Full or 7-character SHA; resources are named after the first 7. */
  sha: string;
  image: string;
  requester: string;
  config: EnvConfig;
  /** The size to use when `config.size` does not say (the action's default size). */
  size: Size;
  createdAt: Date;
  /** Undefined when the environment lives until its PR closes or someone stops it. */
  expiresAt?: Date;
  /**
   * Load-balancer mode: the environment's target group, which its service registers its task in. The runner then
   * cannot reach the task itself (it accepts traffic from the load balancer only), so the adapter waits for the
   * service to be stable and leaves the health check to the one through the load balancer (deploy.ts).
   */
  targetGroupArn?: string;
}

export interface UpdateSpec {
  pr: number;
  sha: string;
  /** The whole new configuration, not a change. */
  config: EnvConfig;
  size: Size;
}

export interface DeployedEnvironment {
  serviceName: string;
  taskDefinitionArn: string;
  address: Address;
  /** Where people open the environment (no path). */
  url: string;
}

export interface DeleteReport {
  deleted: string[];
  /** Resources that were already deleted or being deleted; success too. */
  alreadyGone: string[];
  failed: { resource: string; error: string }[];
}

export interface ManagedService {
  serviceName: string;
  /** From the tags, else from the service name; undefined only when both are damaged. */
  pr?: number;
  sha?: string;
  requester?: string;
  createdAt?: Date;
  expiresAt?: Date;
  status: string;
  desiredCount: number;
  runningCount: number;
  taskDefinitionArn?: string;
}

/** What the rest of the action needs from the cloud; ECS is the one implementation. */
export interface EnvironmentBackend {
  createEnvironment(spec: CreateSpec): Promise<DeployedEnvironment>;
  updateConfiguration(spec: UpdateSpec): Promise<DeployedEnvironment>;
  deleteEnvironment(pr: number, sha: string): Promise<DeleteReport>;
  listManagedServices(): Promise<ManagedService[]>;
  /**
   * Where each given service's task answers now (public-IP mode): Fargate replaces a task that fails or is
   * retired, and the replacement has another IP. Services without a running task of their task definition are
   * missing from the map, keyed by service name.
   */
  currentAddresses(services: readonly ManagedService[]): Promise<Map<string, Address>>;
  /** Scales the environment's service to zero: its task stops, the service and its revision stay. */
  sleepEnvironment(pr: number, sha: string): Promise<void>;
  /** Scales it back to one task and waits as a create does: stable, an address, healthy (its new address). */
  wakeEnvironment(pr: number, sha: string): Promise<DeployedEnvironment>;
}

export type FailureStage = 'validate' | 'register' | 'place' | 'find' | 'stable' | 'address' | 'health';

/**
 * What happened to the resources after a failure: nothing had been created, the service was deleted (create), it
 * was rolled back to its previous revision (update), or that clean-up itself failed.
 */
export type Cleanup = 'not-needed' | 'deleted' | 'delete-failed' | 'rolled-back' | 'rollback-failed';

export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  constructor(
    message: string,
    readonly stage: FailureStage,
    readonly cleanup: Cleanup,
    readonly serviceName?: string,
  ) {
    super(message);
  }
}

/** A step that failed, with the words for the final error; wrapped into an EnvironmentError by the operation. */
class StepFailure extends Error {
  constructor(
    readonly stage: FailureStage,
    message: string,
  ) {
    super(message);
  }
}

/** Runs one step, so that an unexpected error (an SDK error, say) is still attributed to the step it broke. */
async function step<T>(stage: FailureStage, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StepFailure ? error : new StepFailure(stage, errorText(error));
  }
}

function stageOf(error: unknown, fallback: FailureStage): FailureStage {
  return error instanceof StepFailure ? error.stage : fallback;
}

export interface EcsClients {
  /** Also the source of region, endpoint, credentials and HTTP handler of the one EC2 call (ec2-query.ts). */
  ecs: ECSClient;
}

/** The client for the settings' region (and endpoint, in tests); credentials come from the SDK's default chain. */
export function createEcsClients(settings: Pick<EcsSettings, 'region' | 'endpoint'>): EcsClients {
  return {
    ecs: new ECSClient({
      region: settings.region,
      maxAttempts: 5,
      ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    }),
  };
}

export interface EcsBackendDeps {
  clients?: EcsClients;
  fetch?: HealthFetch;
  sleep?: Sleep;
  now?: Clock;
  log?: (message: string) => void;
  /** A fresh secret for each generated variable. */
  secret?: () => string;
  /**
   * Where each environment's admin password is kept; the task reads it through `secrets`. Without one, Superset
   * falls back to its own default (tests of the ECS adapter alone).
   */
  passwords?: PasswordStore;
}

/** Name and message of anything thrown (duck-typed: SDK errors may come from another realm in tests). */
function errorParts(error: unknown): { name?: string; message: string } {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : undefined, message: String(message) };
  }
  return { message: String(error) };
}

function errorText(error: unknown): string {
  const { name, message } = errorParts(error);
  return name && name !== 'Error' ? `${name}: ${message}` : message;
}

function isDrainingRefusal(error: unknown): boolean {
  const { name, message } = errorParts(error);
  return name === 'InvalidParameterException' && /draining|not idempotent/i.test(message);
}

function isServiceGone(error: unknown): boolean {
  const { name } = errorParts(error);
  return name === 'ServiceNotFoundException' || name === 'ServiceNotActiveException';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

function requireTarget(pr: number, sha: string): { pr: number; sha7: string } {
  const refuse = (message: string) => new EnvironmentError(message, 'validate', 'not-needed');
  if (!Number.isInteger(pr) || pr <= 0) throw refuse(`PR number ${pr}: expected a positive integer`);
  const sha7 = toSha7(sha);
  if (sha7 === undefined) throw refuse(`SHA "${sha}": expected ${FORMS.sha}`);
  return { pr, sha7 };
}

/**
 * How long ECS ignores the load balancer's health check of a new task: Superset runs its migrations before it
 * listens, and a task replaced for failing checks meanwhile would never come up.
 */
const LOAD_BALANCER_GRACE_SECONDS = 600;

/** The first pause of a wait for ECS (pollPauses). */
const FIRST_POLL_MS = 2_000;

/** A detail of the task's network interface (`privateIPv4Address`, `networkInterfaceId`). */
function interfaceDetail(task: Task, name: string): string | undefined {
  return (task.attachments ?? [])
    .find((a) => a.type === 'ElasticNetworkInterface')
    ?.details?.find((d) => d.name === name)?.value;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export class EcsBackend implements EnvironmentBackend {
  readonly clients: EcsClients;
  private readonly counter = new ApiCallCounter();
  private readonly sleep: Sleep;
  private readonly now: Clock;
  private readonly log: (message: string) => void;
  private readonly secret: () => string;

  constructor(
    readonly settings: EcsSettings,
    private readonly deps: EcsBackendDeps = {},
  ) {
    this.clients = deps.clients ?? createEcsClients(settings);
    countApiCalls(this.clients, this.counter);
    // The password calls are part of what creating and deleting an environment costs.
    if (deps.passwords?.client) countClientCalls(deps.passwords.client, this.counter);
    this.sleep = deps.sleep ?? realSleep;
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? (() => undefined);
    this.secret = deps.secret ?? (() => randomBytes(32).toString('base64url'));
  }

  /** AWS commands sent so far by this adapter, by command; diff two snapshots with callsBetween. */
  apiCalls(): CallCounts {
    return this.counter.snapshot();
  }

  private get networkConfiguration(): NetworkConfiguration {
    return {
      awsvpcConfiguration: {
        subnets: this.settings.subnets,
        securityGroups: this.settings.securityGroups,
        assignPublicIp: this.settings.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    };
  }

  /**
   * Fargate, or Fargate Spot (a capacity provider strategy, which excludes a launch type). ECS does not fall back to
   * on-demand by itself: a Spot shortage fails the placement, and the deploy says so.
   */
  private get capacity():
    { launchType: 'FARGATE' } | { capacityProviderStrategy: { capacityProvider: string; weight: number }[] } {
    return this.settings.spot
      ? { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }
      : { launchType: 'FARGATE' };
  }

  async createEnvironment(spec: CreateSpec): Promise<DeployedEnvironment> {
    const { pr, sha7 } = requireTarget(spec.pr, spec.sha);
    const names = environmentNames(pr, sha7);
    const label = `environment ${names.family}`;
    const before = this.apiCalls();
    const tags = environmentTags({
      pr,
      sha7,
      requester: spec.requester,
      createdAt: spec.createdAt,
      expiresAt: spec.expiresAt,
    });
    let input: RegisterTaskDefinitionCommandInput;
    try {
      input = renderTaskDefinition(this.settings.taskDefinitionTemplate, {
        family: names.family,
        image: spec.image,
        containerName: this.settings.containerName,
        containerPort: this.settings.containerPort,
        size: this.settings.sizes[spec.config.size ?? spec.size],
        environment: this.settings.environment,
        config: spec.config,
        generated: Object.fromEntries(
          this.settings.generatedEnvironment.map((name) => [name, this.secret()]),
        ),
        secrets: this.deps.passwords
          ? { [ADMIN_PASSWORD_VARIABLE]: this.deps.passwords.name(pr, sha7) }
          : undefined,
        region: this.settings.region,
        tags,
        executionRoleArn: this.settings.executionRoleArn,
        taskRoleArn: this.settings.taskRoleArn,
        logGroup: this.settings.logGroup,
      });
    } catch (error) {
      throw new EnvironmentError(`Cannot create ${label}: ${errorText(error)}`, 'validate', 'not-needed');
    }
    const usesPassword = (input.containerDefinitions ?? []).some((c) =>
      (c.secrets ?? []).some((secret) => secret.name === ADMIN_PASSWORD_VARIABLE),
    );
    if (usesPassword && input.executionRoleArn === undefined) {
      // ECS reads `secrets` with the execution role and refuses a task definition that has them without one.
      throw new EnvironmentError(
        `Cannot create ${label}: its admin password reaches the container as a secret, which ECS reads with the ` +
          `task execution role, and none is set: set input 'execution-role-arn' (the stack's ExecutionRoleArn output).`,
        'validate',
        'not-needed',
      );
    }
    if (usesPassword && this.deps.passwords) {
      try {
        await this.deps.passwords.create(pr, sha7);
      } catch (error) {
        throw new EnvironmentError(
          `Cannot create ${label}: writing its admin password failed (${errorText(error)}); nothing was created.`,
          'register',
          'not-needed',
        );
      }
    }
    let taskDefinitionArn: string;
    try {
      taskDefinitionArn = await this.register(input, label);
    } catch (error) {
      await this.dropPassword(pr, sha7);
      throw error;
    }

    let serviceName: string;
    try {
      serviceName = await step('place', () =>
        this.placeService(names, taskDefinitionArn, tags, spec.targetGroupArn),
      );
    } catch (error) {
      // No service exists (or the one that does was not changed): only the new revision needs to go. The password
      // stays: a service of this SHA may already be running, and its teardown deletes it.
      const gone = await this.deregister([taskDefinitionArn]);
      const cleanup =
        gone.failed.length === 0
          ? 'its task definition was deregistered'
          : 'deregistering its task definition failed too';
      throw new EnvironmentError(
        `Cannot create ${label}: ${errorText(error)}; ${cleanup}.`,
        stageOf(error, 'place'),
        gone.failed.length === 0 ? 'not-needed' : 'delete-failed',
      );
    }

    try {
      const deployed = await this.bringUp(serviceName, taskDefinitionArn, spec.targetGroupArn === undefined);
      this.log(`created ${label} with ${callsBetween(before, this.apiCalls()).total} AWS API calls`);
      return deployed;
    } catch (error) {
      // The whole family goes: when the deployment went into an existing service, its older revision too.
      const report = await this.removeService(serviceName);
      this.merge(report, await this.deregisterFamily(names.family));
      this.merge(report, await this.dropPassword(pr, sha7));
      const cleaned = report.failed.length === 0;
      const cleanup = cleaned
        ? `the service was deleted and its task definitions deregistered`
        : `cleanup failed (${report.failed.map((f) => `${f.resource}: ${f.error}`).join('; ')}); the service keeps ` +
          `its managed-by=showtime tags, so the cleanup sweep will find it`;
      throw new EnvironmentError(
        `Cannot create ${label} (service ${serviceName}): ${errorText(error)}; ${cleanup}.`,
        stageOf(error, 'stable'),
        cleaned ? 'deleted' : 'delete-failed',
        serviceName,
      );
    }
  }

  async updateConfiguration(spec: UpdateSpec): Promise<DeployedEnvironment> {
    const { pr, sha7 } = requireTarget(spec.pr, spec.sha);
    const names = environmentNames(pr, sha7);
    const label = `environment ${names.family}`;
    let service: Service | undefined;
    let current: { taskDefinition?: TaskDefinition; tags?: Tag[] } = {};
    try {
      const services = await this.describeServices([names.primary, names.alternate], false);
      service = services.find((s) => s.status === 'ACTIVE');
      if (service?.taskDefinition) {
        current = await this.clients.ecs.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition, include: ['TAGS'] }),
        );
      }
    } catch (error) {
      throw new EnvironmentError(
        `Cannot reconfigure ${label}: ${errorText(error)}; nothing was changed.`,
        'find',
        'not-needed',
      );
    }
    if (!service?.serviceName || !service.taskDefinition || !current.taskDefinition) {
      throw new EnvironmentError(
        `Cannot reconfigure ${label}: no active service (looked for ${names.primary} and ${names.alternate}).`,
        'find',
        'not-needed',
      );
    }
    const serviceName = service.serviceName;
    const previousArn = service.taskDefinition;
    let input: RegisterTaskDefinitionCommandInput;
    try {
      input = reviseTaskDefinition(current.taskDefinition, {
        containerName: this.settings.containerName,
        size: this.settings.sizes[spec.config.size ?? spec.size],
        config: spec.config,
        tags: current.tags ?? [],
      });
    } catch (error) {
      throw new EnvironmentError(
        `Cannot reconfigure ${label}: ${errorText(error)}`,
        'validate',
        'not-needed',
        serviceName,
      );
    }
    const taskDefinitionArn = await this.register(input, label);
    try {
      await step('place', () =>
        this.clients.ecs.send(
          new UpdateServiceCommand({
            cluster: this.settings.cluster,
            service: serviceName,
            taskDefinition: taskDefinitionArn,
            desiredCount: 1,
          }),
        ),
      );
      // Behind a load balancer, a stable service has passed the load balancer's health check (ECS waits for it).
      return await this.bringUp(serviceName, taskDefinitionArn, (service.loadBalancers ?? []).length === 0);
    } catch (error) {
      const rollback = await this.rollBack(serviceName, previousArn, taskDefinitionArn);
      throw new EnvironmentError(
        `Cannot reconfigure ${label} (service ${serviceName}): ${errorText(error)}; ${rollback.text}.`,
        stageOf(error, 'place'),
        rollback.ok ? 'rolled-back' : 'rollback-failed',
        serviceName,
      );
    }
  }

  async deleteEnvironment(pr: number, sha: string): Promise<DeleteReport> {
    const target = requireTarget(pr, sha);
    const names = environmentNames(target.pr, target.sha7);
    const report: DeleteReport = { deleted: [], alreadyGone: [], failed: [] };
    const before = this.apiCalls();
    let services: Service[] = [];
    try {
      services = await this.describeServices([names.primary, names.alternate], false);
    } catch (error) {
      report.failed.push({ resource: `service/${names.primary}`, error: errorText(error) });
    }
    if (report.failed.length === 0) {
      const byName = new Map(services.map((s) => [s.serviceName, s]));
      for (const name of [names.primary, names.alternate]) {
        const state = serviceState(byName.get(name)?.status);
        if (state === 'ACTIVE') this.merge(report, await this.removeService(name));
        // The alternate name is reported only when it was ever used.
        else if (name === names.primary || byName.has(name)) report.alreadyGone.push(`service/${name}`);
      }
    }
    this.merge(report, await this.deregisterFamily(names.family));
    this.merge(report, await this.dropPassword(target.pr, target.sha7));
    this.log(
      `deleted ${names.family}: ${report.deleted.length} removed, ${report.alreadyGone.length} already gone, ` +
        `${report.failed.length} failed, with ${callsBetween(before, this.apiCalls()).total} AWS API calls`,
    );
    return report;
  }

  async listManagedServices(): Promise<ManagedService[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.clients.ecs.send(
        new ListServicesCommand({ cluster: this.settings.cluster, maxResults: 10, nextToken }),
      );
      arns.push(...(page.serviceArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const services: Service[] = [];
    for (const batch of chunks(arns, 10)) services.push(...(await this.describeServices(batch, true)));
    return services
      .filter((s) => s.status !== 'INACTIVE' && isManaged(s.tags))
      .map((s) => {
        const tags = parseEnvironmentTags(s.tags);
        const fromName = parseServiceName(s.serviceName ?? '');
        return {
          serviceName: s.serviceName ?? '',
          pr: tags.pr ?? fromName?.pr,
          sha: tags.sha ?? fromName?.sha,
          requester: tags.requester,
          createdAt: tags.createdAt,
          expiresAt: tags.expiresAt,
          status: s.status ?? 'UNKNOWN',
          desiredCount: s.desiredCount ?? 0,
          runningCount: s.runningCount ?? 0,
          taskDefinitionArn: s.taskDefinition,
        };
      });
  }

  // --- steps -------------------------------------------------------------------------------------------------

  private async register(input: RegisterTaskDefinitionCommandInput, label: string): Promise<string> {
    try {
      const registered = await this.clients.ecs.send(new RegisterTaskDefinitionCommand(input));
      const arn = registered.taskDefinition?.taskDefinitionArn;
      if (!arn) throw new Error('RegisterTaskDefinition returned no ARN');
      this.log(`registered ${arn}`);
      return arn;
    } catch (error) {
      throw new EnvironmentError(
        `Cannot deploy ${label}: registering its task definition failed (${errorText(error)}); nothing was created.`,
        'register',
        'not-needed',
      );
    }
  }

  /**
   * Stable, address and healthy, overlapped: while the wait for a stable service goes on, the task's address is
   * looked up as soon as ECS reports a running task, and the health polling starts from there (a Superset boot is
   * most of the wait; it need not also wait for ECS to call the service stable). Both must succeed; any failure is a
   * StepFailure naming the step.
   */
  private async bringUp(
    serviceName: string,
    taskDefinitionArn: string,
    checkHealthDirectly: boolean,
  ): Promise<DeployedEnvironment> {
    let address: Address | undefined;
    let health: Promise<HealthResult> | undefined;
    let settled = false;
    const startHealth = (found: Address): Promise<HealthResult> =>
      checkHealth(`http://${found.host}:${found.port}${this.settings.healthCheckPath}`, {
        budgetMs: this.settings.timeouts.healthMs,
        intervalMs: this.settings.timeouts.healthIntervalMs,
        requestTimeoutMs: this.settings.timeouts.healthRequestMs,
        fetch: this.deps.fetch,
        sleep: this.sleep,
        now: this.now,
        cancelled: () => settled,
      });
    try {
      await step('stable', () =>
        this.waitStable(serviceName, this.settings.timeouts.stableMs, async (service) => {
          if (address !== undefined || (service.runningCount ?? 0) < 1) return;
          address = await this.taskAddress(serviceName, taskDefinitionArn);
          if (address !== undefined && checkHealthDirectly) health = startHealth(address);
        }),
      );
      address ??= await step('address', () => this.findAddress(serviceName, taskDefinitionArn));
      const url = `http://${address.host}:${address.port}`;
      if (!checkHealthDirectly) {
        this.log(`${serviceName} is stable at ${url}; its health is checked through the load balancer`);
        return { serviceName, taskDefinitionArn, address, url };
      }
      health ??= startHealth(address);
      const result = await health;
      if (!result.healthy) {
        throw new StepFailure(
          'health',
          `health check of ${url}${this.settings.healthCheckPath} failed after ${result.attempts} attempts in ` +
            `${seconds(result.elapsedMs)} (last: ${result.lastProblem ?? 'unknown'})`,
        );
      }
      this.log(`${serviceName} is healthy at ${url} after ${result.attempts} attempt(s)`);
      return { serviceName, taskDefinitionArn, address, url };
    } finally {
      // A health check still polling for a deploy that failed stops at its next attempt.
      settled = true;
    }
  }

  /**
   * Puts the revision into one of the environment's two service names (see service-names.ts): into the service
   * that already runs there, or into a new one. Returns the service name used.
   */
  private async placeService(
    names: EnvironmentNames,
    taskDefinitionArn: string,
    tags: Tag[],
    targetGroupArn: string | undefined,
  ): Promise<string> {
    const loadBalancers = targetGroupArn
      ? [
          {
            targetGroupArn,
            containerName: this.settings.containerName,
            containerPort: this.settings.containerPort,
          },
        ]
      : undefined;
    const refused = new Set<string>();
    const deadline = this.now() + this.settings.timeouts.drainWaitMs;
    for (let attempt = 1; ; attempt += 1) {
      const described = await this.describeServices([names.primary, names.alternate], false);
      const stateOf = (name: string): ServiceState => {
        const state = serviceState(described.find((s) => s.serviceName === name)?.status);
        // ECS said this name is draining even if DescribeServices has not caught up.
        return state !== 'ACTIVE' && refused.has(name) ? 'DRAINING' : state;
      };
      const choice = chooseServiceSlot(stateOf(names.primary), stateOf(names.alternate));
      if (choice.kind === 'wait') {
        if (this.now() >= deadline) {
          throw new StepFailure(
            'place',
            `both ${names.primary} and ${names.alternate} are still draining from earlier deletions after ` +
              `${seconds(this.settings.timeouts.drainWaitMs)}; try again in a few minutes`,
          );
        }
        this.log(`${names.primary} and ${names.alternate} are draining; waiting`);
        await this.sleep(this.settings.timeouts.pollIntervalMs);
        continue;
      }
      const name = names[choice.slot];
      if (choice.kind === 'update') {
        const service = described.find((s) => s.serviceName === name);
        await this.clients.ecs.send(
          new UpdateServiceCommand({
            cluster: this.settings.cluster,
            service: name,
            taskDefinition: taskDefinitionArn,
            desiredCount: 1,
            networkConfiguration: this.networkConfiguration,
            ...this.capacity,
            ...(loadBalancers ? { loadBalancers } : {}),
            forceNewDeployment: true,
          }),
        );
        // The service was tagged when it was created; fresh tags only update requester and dates, so a failure
        // here is not worth undoing the deployment for.
        if (service?.serviceArn) {
          await this.clients.ecs
            .send(new TagResourceCommand({ resourceArn: service.serviceArn, tags }))
            .catch((error: unknown) => this.log(`re-tagging ${name} failed: ${errorText(error)}`));
        }
        this.log(`deploying ${taskDefinitionArn} into the existing service ${name}`);
        return name;
      }
      try {
        await this.clients.ecs.send(
          new CreateServiceCommand({
            cluster: this.settings.cluster,
            serviceName: name,
            taskDefinition: taskDefinitionArn,
            desiredCount: 1,
            ...this.capacity,
            networkConfiguration: this.networkConfiguration,
            ...(loadBalancers
              ? { loadBalancers, healthCheckGracePeriodSeconds: LOAD_BALANCER_GRACE_SECONDS }
              : {}),
            deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
            tags,
            propagateTags: 'SERVICE',
            enableECSManagedTags: true,
          }),
        );
        this.log(`created service ${name}`);
        return name;
      } catch (error) {
        // Bounded: each refusal marks one of two names, and a third try means ECS contradicts itself.
        if (!isDrainingRefusal(error) || attempt >= 3) throw error;
        this.log(`ECS refused ${name} (${errorText(error)}); trying the other name`);
        refused.add(name);
      }
    }
  }

  private async describeServices(names: string[], withTags: boolean): Promise<Service[]> {
    const described = await this.clients.ecs.send(
      new DescribeServicesCommand({
        cluster: this.settings.cluster,
        services: names,
        ...(withTags ? { include: ['TAGS' as const] } : {}),
      }),
    );
    return described.services ?? [];
  }

  /**
   * Polls DescribeServices until the service runs its desired count with a single deployment (the condition of
   * the SDK's servicesStable waiter), failing early when the service goes away or its rollout fails.
   */
  private async waitStable(
    serviceName: string,
    budgetMs: number,
    whileWaiting?: (service: Service) => Promise<void>,
  ): Promise<void> {
    const start = this.now();
    const pauses = this.pollPauses();
    for (;;) {
      const [service] = await this.describeServices([serviceName], false);
      if (!service || service.status !== 'ACTIVE') {
        throw new StepFailure('stable', `the service is ${service?.status ?? 'missing'} instead of ACTIVE`);
      }
      const deployments = service.deployments ?? [];
      const primary = deployments.find((d) => d.status === 'PRIMARY');
      if (primary?.rolloutState === 'FAILED') {
        throw new StepFailure(
          'stable',
          `the deployment failed: ${primary.rolloutStateReason ?? 'no reason given'}`,
        );
      }
      const desired = service.desiredCount ?? 0;
      if (deployments.length <= 1 && desired > 0 && service.runningCount === desired) return;
      const elapsed = this.now() - start;
      if (elapsed >= budgetMs) {
        const event = service.events?.[0]?.message;
        throw new StepFailure(
          'stable',
          `the service did not become stable within ${seconds(budgetMs)} (running ${service.runningCount ?? 0} of ` +
            `${desired}, ${deployments.length} deployment(s)${event ? `; last event: ${event}` : ''})`,
        );
      }
      await whileWaiting?.(service);
      await this.sleep(Math.min(pauses.next().value, budgetMs - (this.now() - start)));
    }
  }

  /**
   * The pauses of one wait: from min(2 s, poll interval), each half as long again as the one before, up to the poll
   * interval. A service that is up in 30 s is seen within 2–5 s of it; a 15-minute wait still costs few calls.
   */
  private *pollPauses(): Generator<number, never> {
    const longest = this.settings.timeouts.pollIntervalMs;
    for (let pause = Math.min(FIRST_POLL_MS, longest); ; pause = Math.min(longest, pause * 1.5)) yield pause;
  }

  /**
   * The running task of this revision in this service. Tasks are picked by `group == service:<name>`, which ECS
   * sets on every task a service starts, rather than by ListTasks' serviceName filter (which moto ignores).
   */
  private async findServiceTask(serviceName: string, taskDefinitionArn: string): Promise<Task | undefined> {
    const candidates = (await this.runningTasks(serviceName)).filter(
      (t) => t.group === `service:${serviceName}` && t.taskDefinitionArn === taskDefinitionArn,
    );
    return candidates.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  }

  /** The RUNNING tasks of one service, or of the whole cluster: every ListTasks page, DescribeTasks 100 at a time. */
  private async runningTasks(serviceName?: string): Promise<Task[]> {
    const taskArns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.clients.ecs.send(
        new ListTasksCommand({
          cluster: this.settings.cluster,
          ...(serviceName !== undefined ? { serviceName } : {}),
          desiredStatus: 'RUNNING',
          maxResults: 100,
          nextToken,
        }),
      );
      taskArns.push(...(page.taskArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const tasks: Task[] = [];
    for (const batch of chunks(taskArns, 100)) {
      const described = await this.clients.ecs.send(
        new DescribeTasksCommand({ cluster: this.settings.cluster, tasks: batch }),
      );
      tasks.push(...(described.tasks ?? []).filter((t) => t.lastStatus === 'RUNNING'));
    }
    return tasks;
  }

  /** The environment's ACTIVE service, of its two names; an error naming both when there is none. */
  private async activeService(pr: number, sha: string, doing: string): Promise<Service> {
    const target = requireTarget(pr, sha);
    const names = environmentNames(target.pr, target.sha7);
    const service = (await this.describeServices([names.primary, names.alternate], false)).find(
      (s) => s.status === 'ACTIVE',
    );
    if (!service?.serviceName) {
      throw new EnvironmentError(
        `Cannot ${doing} environment ${names.family}: no active service (looked for ${names.primary} and ${names.alternate}).`,
        'find',
        'not-needed',
      );
    }
    return service;
  }

  async sleepEnvironment(pr: number, sha: string): Promise<void> {
    const service = await this.activeService(pr, sha, 'put to sleep');
    await this.clients.ecs.send(
      new UpdateServiceCommand({
        cluster: this.settings.cluster,
        service: service.serviceName,
        desiredCount: 0,
      }),
    );
    this.log(`${service.serviceName} is asleep (desiredCount 0)`);
  }

  async wakeEnvironment(pr: number, sha: string): Promise<DeployedEnvironment> {
    const service = await this.activeService(pr, sha, 'wake');
    const serviceName = service.serviceName ?? '';
    const taskDefinitionArn = service.taskDefinition ?? '';
    await this.clients.ecs.send(
      new UpdateServiceCommand({ cluster: this.settings.cluster, service: serviceName, desiredCount: 1 }),
    );
    // Behind a load balancer, stable means the load balancer's health check passed (ECS waits for it).
    return this.bringUp(serviceName, taskDefinitionArn, (service.loadBalancers ?? []).length === 0);
  }

  async currentAddresses(services: readonly ManagedService[]): Promise<Map<string, Address>> {
    const wanted = new Map(
      services
        .filter((s) => s.status === 'ACTIVE' && s.taskDefinitionArn)
        .map((s) => [`service:${s.serviceName}`, s]),
    );
    const addresses = new Map<string, Address>();
    if (wanted.size === 0) return addresses;
    // One listing of the cluster's running tasks, not one per service: about 3 calls per 100 environments.
    const newest = new Map<string, Task>();
    for (const task of await this.runningTasks()) {
      const service = wanted.get(task.group ?? '');
      if (!service || task.taskDefinitionArn !== service.taskDefinitionArn) continue;
      const known = newest.get(service.serviceName);
      if (!known || (task.createdAt?.getTime() ?? 0) > (known.createdAt?.getTime() ?? 0))
        newest.set(service.serviceName, task);
    }
    const port = this.settings.containerPort;
    if (!this.settings.assignPublicIp) {
      for (const [name, task] of newest) {
        const ip = interfaceDetail(task, 'privateIPv4Address');
        if (ip) addresses.set(name, { host: ip, port });
      }
      return addresses;
    }
    const interfaces = new Map<string, string>();
    for (const [name, task] of newest) {
      const eni = interfaceDetail(task, 'networkInterfaceId');
      if (eni) interfaces.set(name, eni);
    }
    const ips = await describePublicIps(this.clients.ecs, [...interfaces.values()], this.sleep, () =>
      this.counter.record('EC2', 'DescribeNetworkInterfaces'),
    );
    for (const [name, eni] of interfaces) {
      const ip = ips.get(eni);
      if (ip) addresses.set(name, { host: ip, port });
    }
    return addresses;
  }

  private async taskIp(task: Task): Promise<string | undefined> {
    if (!this.settings.assignPublicIp) return interfaceDetail(task, 'privateIPv4Address');
    const eni = interfaceDetail(task, 'networkInterfaceId');
    if (!eni) return undefined;
    this.counter.record('EC2', 'DescribeNetworkInterfaces');
    return describePublicIp(this.clients.ecs, eni, this.sleep);
  }

  /** The running task's address, if it has one yet (one look, no waiting). */
  private async taskAddress(serviceName: string, taskDefinitionArn: string): Promise<Address | undefined> {
    const task = await this.findServiceTask(serviceName, taskDefinitionArn);
    const ip = task ? await this.taskIp(task) : undefined;
    return ip ? { host: ip, port: this.settings.containerPort } : undefined;
  }

  private async findAddress(serviceName: string, taskDefinitionArn: string): Promise<Address> {
    const budgetMs = this.settings.timeouts.addressMs;
    const start = this.now();
    const pauses = this.pollPauses();
    for (;;) {
      const task = await this.findServiceTask(serviceName, taskDefinitionArn);
      const ip = task ? await this.taskIp(task) : undefined;
      if (ip) return { host: ip, port: this.settings.containerPort };
      const elapsed = this.now() - start;
      if (elapsed >= budgetMs) {
        const kind = this.settings.assignPublicIp ? 'public' : 'private';
        throw new StepFailure(
          'address',
          task
            ? `task ${task.taskArn} has no ${kind} IP after ${seconds(budgetMs)}`
            : `no running task of ${taskDefinitionArn} in service:${serviceName} after ${seconds(budgetMs)}`,
        );
      }
      await this.sleep(Math.min(pauses.next().value, budgetMs - elapsed));
    }
  }

  /** Scale to zero and delete (force); never throws. */
  private async removeService(serviceName: string): Promise<DeleteReport> {
    const report: DeleteReport = { deleted: [], alreadyGone: [], failed: [] };
    const resource = `service/${serviceName}`;
    const cluster = this.settings.cluster;
    try {
      // Scaling first lets ECS stop the task in an orderly way; force deletes even if this step fails.
      await this.clients.ecs
        .send(new UpdateServiceCommand({ cluster, service: serviceName, desiredCount: 0 }))
        .catch((error: unknown) => {
          if (isServiceGone(error)) throw error;
        });
      await this.clients.ecs.send(new DeleteServiceCommand({ cluster, service: serviceName, force: true }));
      report.deleted.push(resource);
    } catch (error) {
      if (isServiceGone(error)) report.alreadyGone.push(resource);
      else report.failed.push({ resource, error: errorText(error) });
    }
    return report;
  }

  private async deregister(taskDefinitionArns: string[]): Promise<DeleteReport> {
    const report: DeleteReport = { deleted: [], alreadyGone: [], failed: [] };
    for (const arn of taskDefinitionArns) {
      const resource = `task-definition/${arn.split('/').pop()}`;
      try {
        await this.clients.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
        report.deleted.push(resource);
      } catch (error) {
        report.failed.push({ resource, error: errorText(error) });
      }
    }
    return report;
  }

  /** Every ACTIVE revision of exactly this family (familyPrefix is a prefix on AWS, so the family is checked). */
  private async deregisterFamily(family: string): Promise<DeleteReport> {
    const arns: string[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const page = await this.clients.ecs.send(
          new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', nextToken }),
        );
        arns.push(
          ...(page.taskDefinitionArns ?? []).filter((arn) => arn.split('/').pop()?.split(':')[0] === family),
        );
        nextToken = page.nextToken;
      } while (nextToken);
    } catch (error) {
      return {
        deleted: [],
        alreadyGone: [],
        failed: [{ resource: `task-definition/${family}`, error: errorText(error) }],
      };
    }
    return this.deregister(arns);
  }

  private async rollBack(
    serviceName: string,
    previousArn: string,
    failedArn: string,
  ): Promise<{ ok: boolean; text: string }> {
    try {
      await this.clients.ecs.send(
        new UpdateServiceCommand({
          cluster: this.settings.cluster,
          service: serviceName,
          taskDefinition: previousArn,
          desiredCount: 1,
        }),
      );
      await this.waitStable(serviceName, this.settings.timeouts.stableMs);
    } catch (error) {
      return {
        ok: false,
        text: `rolling back to ${previousArn} failed too (${errorText(error)}); the service may run the failed revision`,
      };
    }
    const gone = await this.deregister([failedArn]);
    return {
      ok: true,
      text: `the service was rolled back to ${previousArn}${gone.failed.length ? '' : ' and the failed revision deregistered'}`,
    };
  }

  /** The environment's admin password, when this backend keeps them; never throws. */
  private async dropPassword(pr: number, sha7: string): Promise<DeleteReport> {
    const report: DeleteReport = { deleted: [], alreadyGone: [], failed: [] };
    const store = this.deps.passwords;
    if (store === undefined) return report;
    const resource = `parameter${store.name(pr, sha7)}`;
    try {
      const result = await store.delete(pr, sha7);
      (result === 'deleted' ? report.deleted : report.alreadyGone).push(resource);
    } catch (error) {
      report.failed.push({ resource, error: errorText(error) });
    }
    return report;
  }

  private merge(into: DeleteReport, from: DeleteReport): void {
    into.deleted.push(...from.deleted);
    into.alreadyGone.push(...from.alreadyGone);
    into.failed.push(...from.failed);
  }
}

export function createEcsBackend(settings: EcsSettings, deps: EcsBackendDeps = {}): EcsBackend {
  return new EcsBackend(settings, deps);
}
