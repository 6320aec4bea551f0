// Reads every input exactly once into one typed settings object. Everything after this takes Settings, never the
// raw inputs. All problems are collected so one failed run lists every bad input, each with its accepted form.
import path from 'node:path';
import type { ActionName, InputName } from './inputs.js';
import { INPUTS, inputsOf } from './inputs.js';
import type { Policy, Size, Ttl } from './core/types.js';
import { SIZES } from './core/types.js';
import { FORMS, parseFlag, parseSize, parseTtl } from './core/values.js';
import { ADDRESS_HOST_MAX_LENGTH, isHostName, labelLength } from './core/labels.js';
import { parseSleepSchedule, SCHEDULE_FORM } from './core/schedule.js';
import { normalDomain } from './aws/elb-names.js';
import type { ElbSettings } from './aws/elb.js';
import type { EcsSettings } from './aws/settings.js';
import { DEFAULT_TIMEOUTS, resolveEcsSettings } from './aws/settings.js';
import { loadTaskDefinitionTemplate } from './aws/task-definition.js';
import type { BuilderSettings } from './docker/settings.js';

/**
 * What Fargate Spot costs against on-demand Fargate: AWS advertises up to 70 % off, and the Linux/x86 Spot price
 * has stayed near 30 % of on-demand in the large regions (README, "What it costs").
 */
export const SPOT_PRICE_FACTOR = 0.3;

/** Load-balancer mode (issue 17): set when load-balancer-listener-arn is. */
export interface LoadBalancerSettings {
  listenerArn: string;
  /** Normalised: lowercase, no leading `*.`, no trailing dot. */
  domain: string;
  /** Absent in the cleanup action, which never makes a target group. */
  vpcId?: string;
  /** Where health checks through the load balancer are sent (Host: the preview host); default https://<host>. */
  checkAddress?: string;
}

/** The longest preview domain: `pr-<6 digits>.<domain>` must fit a 🌐 label. */
export const PREVIEW_DOMAIN_MAX_LENGTH = ADDRESS_HOST_MAX_LENGTH - 'pr-999999.'.length;

export interface AwsSettings {
  region: string;
  cluster: string;
  endpoint?: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  spot: boolean;
  loadBalancer?: LoadBalancerSettings;
  taskDefinitionPath?: string;
  containerName: string;
  containerPort: number;
  executionRoleArn?: string;
  taskRoleArn?: string;
  logGroup?: string;
  extraEnv: Record<string, string>;
  healthCheckPath: string;
  stableTimeoutMs: number;
  healthTimeoutMs: number;
  pollIntervalMs: number;
  /**
   * The ECS adapter's settings for a checkout at `workspace` (task-definition is a path in it). Built and checked
   * when a run first talks to ECS, not by readSettings: a label event that needs no deploy must not fail on a
   * deploy input. Throws a SettingsError naming each bad input.
   */
  ecs: (workspace: string) => EcsSettings;
  /** The router's settings, in load-balancer mode. */
  router?: ElbSettings;
}

/** The docker builder's settings as the inputs give them; an empty imageRepository is the stack's ECR repository. */
export interface DockerSettings extends Omit<BuilderSettings, 'context' | 'buildArgs'> {
  /** build-context, relative to the workspace: the runner's environment, which wiring holds, says where that is. */
  context: string;
  buildArgs: Record<string, string>;
}

export interface Settings {
  action: ActionName;
  githubToken: string;
  aws: AwsSettings;
  docker: DockerSettings;
  policy: Policy;
  /** Feature flags every new environment starts with. */
  defaultFlags: string[];
  costPerHour: Record<Size, number>;
  slackWebhookUrl?: string;
  orphanGraceMinutes: number;
  deleteUnusedLabels: boolean;
  dryRun: { github: boolean; aws: boolean; docker: boolean };
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid action inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Reads raw input text by name (core.getInput in production, a map in tests). */
export type InputReader = (name: InputName) => string;

const problem = (name: InputName, value: string, form: string): string =>
  `input '${name}' is ${JSON.stringify(value)}; expected ${form}`;

const DEFAULTS: Record<string, string | undefined> = Object.fromEntries(
  INPUTS.map((input) => [input.name, 'default' in input ? input.default : undefined]),
);

export function readSettings(action: ActionName, read: InputReader): Settings {
  const problems: string[] = [];
  const taken = new Set(inputsOf(action).map((input) => input.name));

  // An input the action does not declare reads as its default, so both actions share one Settings shape.
  const raw = (name: InputName): string => {
    const value = taken.has(name) ? read(name).trim() : '';
    const fallback = DEFAULTS[name];
    return value !== '' ? value : fallback !== undefined && !fallback.startsWith('${{') ? fallback : '';
  };
  const optional = (name: InputName): string | undefined => raw(name) || undefined;
  const bad = (name: InputName, value: string, form: string): void => {
    problems.push(problem(name, value, form));
  };

  const bool = (name: InputName): boolean => {
    const value = raw(name).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false' || value === '') return false;
    bad(name, raw(name), 'true or false');
    return false;
  };
  const integer = (name: InputName, min: number, max: number): number | undefined => {
    const value = raw(name);
    if (value === '') return undefined;
    if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
      bad(name, value, `a whole number from ${min} to ${max}`);
      return undefined;
    }
    return Number(value);
  };
  const seconds = (name: InputName, min: number, max: number): number => {
    const value = raw(name);
    const number = Number(value);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || number < min || number > max) {
      bad(name, value, `a number of seconds from ${min} to ${max}`);
      return 10;
    }
    return number;
  };
  const list = (name: InputName): string[] =>
    raw(name)
      .split(/[\s,]+/)
      .filter((item) => item !== '');
  const keyValues = (name: InputName): Record<string, string> => {
    const result: Record<string, string> = {};
    for (const line of raw(name).split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(trimmed);
      if (match?.[1] === undefined)
        bad(name, trimmed, 'one KEY=VALUE per line, KEY of letters, digits and _');
      else result[match[1]] = match[2] ?? '';
    }
    return result;
  };

  const ttlText = raw('default-ttl');
  const defaultTtl: Ttl =
    parseTtl(ttlText) ?? (bad('default-ttl', ttlText, FORMS.ttl), { kind: 'duration', hours: 48 });
  const sizeText = raw('size');
  const defaultSize: Size = parseSize(sizeText) ?? (bad('size', sizeText, FORMS.size), 'medium');

  const defaultFlags: string[] = [];
  for (const flag of list('feature-flags')) {
    const name = parseFlag(flag);
    if (name === undefined) bad('feature-flags', flag, FORMS.flag);
    else defaultFlags.push(name);
  }

  const costs = raw('cost-per-hour').split(',').map(Number);
  const spot = bool('fargate-spot');
  // The one place the Spot price enters: every cost shown (comment, dashboard) is computed from costPerHour.
  const priceFactor = spot ? SPOT_PRICE_FACTOR : 1;
  const costPerHour = Object.fromEntries(
    SIZES.map((size, i) => [size, Math.round((costs[i] ?? 0) * priceFactor * 10_000) / 10_000]),
  ) as Record<Size, number>;
  if (costs.length !== SIZES.length || costs.some((cost) => !Number.isFinite(cost) || cost < 0)) {
    bad(
      'cost-per-hour',
      raw('cost-per-hour'),
      'three non-negative numbers for small,medium,large, e.g. 0.03,0.06,0.12',
    );
  }

  const containerPort = integer('container-port', 1, 65535) ?? 8080;
  const healthCheckPath = raw('health-check-path');
  if (!healthCheckPath.startsWith('/')) bad('health-check-path', healthCheckPath, 'a path starting with /');

  const scheduleText = optional('sleep-schedule');
  const parsedSchedule = scheduleText === undefined ? undefined : parseSleepSchedule(scheduleText);
  if (typeof parsedSchedule === 'string')
    bad('sleep-schedule', scheduleText ?? '', `${SCHEDULE_FORM} (${parsedSchedule})`);
  const sleepSchedule = typeof parsedSchedule === 'string' ? undefined : parsedSchedule;

  const maxEnvironments = integer('max-environments', 1, 10_000);
  const maxEnvironmentsPerRequester = integer('max-environments-per-requester', 1, 10_000);
  const slackWebhookUrl = optional('slack-webhook-url');
  if (slackWebhookUrl !== undefined && !/^https?:\/\/\S+$/.test(slackWebhookUrl)) {
    bad('slack-webhook-url', '(hidden)', 'an http(s) URL');
  }

  const loadBalancer = ((): LoadBalancerSettings | undefined => {
    const listenerArn = optional('load-balancer-listener-arn');
    const domainText = optional('preview-domain');
    // A missing companion input is reported on the one that was given: that is the one someone meant to set.
    if (listenerArn === undefined) {
      if (domainText !== undefined)
        bad('preview-domain', domainText, 'empty, or set together with load-balancer-listener-arn');
      return undefined;
    }
    if (!/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/\S+$/.test(listenerArn)) {
      bad(
        'load-balancer-listener-arn',
        listenerArn,
        'an ALB listener ARN, arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>',
      );
    }
    if (domainText === undefined)
      bad('load-balancer-listener-arn', listenerArn, 'empty, or set together with preview-domain');
    const domain = normalDomain(domainText ?? '');
    // The label grammar's rule for a PR's host, on the longest host this domain will make.
    const longest = `pr-999999.${domain}`;
    const validDomain = isHostName(longest) && labelLength(longest) <= ADDRESS_HOST_MAX_LENGTH;
    if (domainText !== undefined && !validDomain) {
      bad(
        'preview-domain',
        domainText,
        `a DNS name of at most ${PREVIEW_DOMAIN_MAX_LENGTH} characters, e.g. showtime.example.org (a PR's host must fit a label)`,
      );
    }
    const vpcId = optional('load-balancer-vpc-id');
    if (vpcId !== undefined && !/^vpc-[0-9a-f]+$/.test(vpcId))
      bad('load-balancer-vpc-id', vpcId, 'vpc-<hex>');
    // The cleanup action makes no target group, so it takes no VPC.
    if (vpcId === undefined && taken.has('load-balancer-vpc-id')) {
      bad(
        'load-balancer-listener-arn',
        listenerArn,
        "set together with load-balancer-vpc-id (the load balancer's VPC, where target groups are made)",
      );
    }
    const checkAddress = optional('load-balancer-address');
    if (checkAddress !== undefined && !/^https?:\/\/[^\s/]+$/.test(checkAddress)) {
      bad('load-balancer-address', checkAddress, 'a base URL without a path, e.g. http://10.0.0.5:80');
    }
    return {
      listenerArn,
      domain,
      ...(vpcId !== undefined ? { vpcId } : {}),
      ...(checkAddress !== undefined ? { checkAddress } : {}),
    };
  })();

  const aws: Omit<AwsSettings, 'ecs' | 'router'> = {
    region: raw('aws-region'),
    cluster: raw('ecs-cluster'),
    endpoint: optional('aws-endpoint'),
    subnets: list('subnets'),
    securityGroups: list('security-groups'),
    assignPublicIp: bool('assign-public-ip'),
    spot,
    ...(loadBalancer ? { loadBalancer } : {}),
    taskDefinitionPath: optional('task-definition'),
    containerName: raw('container-name'),
    containerPort,
    executionRoleArn: optional('execution-role-arn'),
    taskRoleArn: optional('task-role-arn'),
    logGroup: optional('log-group'),
    extraEnv: keyValues('extra-env'),
    healthCheckPath,
    stableTimeoutMs: (integer('stable-timeout-minutes', 1, 120) ?? 15) * 60_000,
    healthTimeoutMs: (integer('health-timeout-seconds', 1, 7200) ?? 600) * 1000,
    // Whole milliseconds, which ECS's waits take: 2.01 s is 2009.9999999999998 ms in floating point.
    pollIntervalMs: Math.round(seconds('poll-interval-seconds', 0.05, 300) * 1000),
  };
  const dryRunDocker = bool('dry-run-docker');

  const settings: Settings = {
    action,
    githubToken: read('github-token').trim(),
    aws: {
      ...aws,
      // The cleanup action takes no network inputs: it never creates anything.
      ecs: ecsSettingsOf(aws, taken.has('subnets')),
      ...(loadBalancer
        ? {
            router: {
              listenerArn: loadBalancer.listenerArn,
              domain: loadBalancer.domain,
              // The cleanup action makes no target group, which is all the VPC is for.
              vpcId: loadBalancer.vpcId ?? '',
              containerPort: aws.containerPort,
              healthCheckPath: aws.healthCheckPath,
            },
          }
        : {}),
    },
    docker: {
      imageRepository: raw('image-repository'),
      context: raw('build-context'),
      dockerfile: optional('dockerfile'),
      target: raw('build-target'),
      buildArgs: keyValues('build-args'),
      platform: raw('platform'),
      cacheFrom: optional('cache-from'),
      cacheTo: optional('cache-to'),
      forceRebuild: bool('force-rebuild'),
      existingImage: optional('existing-image'),
      dryRun: dryRunDocker,
    },
    policy: {
      defaultTtl,
      defaultSize,
      leaseMinutes: integer('lease-minutes', 5, 24 * 60) ?? 60,
      expiryWarningMinutes: (integer('expiry-warning-hours', 0, 168) ?? 6) * 60,
      maxEnvironments,
      maxEnvironmentsPerRequester,
      ...(sleepSchedule ? { sleepSchedule } : {}),
      forkBuilds:
        action !== 'main' ? 'isolated' : bool('allow-unsafe-fork-builds') ? 'in-this-job' : 'refused',
    },
    defaultFlags,
    costPerHour,
    slackWebhookUrl,
    orphanGraceMinutes: integer('orphan-grace-minutes', 0, 7 * 24 * 60) ?? 30,
    deleteUnusedLabels: bool('delete-unused-labels'),
    dryRun: { github: bool('dry-run-github'), aws: bool('dry-run-aws'), docker: dryRunDocker },
  };

  // The split form's build job takes no token at all: there, an empty one is the point.
  if (settings.githubToken === '' && !settings.dryRun.github && taken.has('github-token')) {
    problems.push("input 'github-token' is empty; expected a token (the default ${{ github.token }} works)");
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}

const NO_SUBNETS = "input 'subnets' is empty; expected subnet IDs to deploy into";
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const SUBNET = /^subnet-[0-9a-f]+$/;
const SECURITY_GROUP = /^sg-[0-9a-f]+$/;
const LOG_GROUP = /^[A-Za-z0-9_\-/.#]{1,512}$/;
const NO_SPACE = /^\S+$/;

/**
 * The ECS part of the settings: the one place its inputs are checked beyond what readSettings checks for every run
 * (the port, the health path and the extra-env names are checked there, for every run, and not again here).
 * The template is read on the call: it is a file of the checkout, and only a run that talks to ECS needs it.
 */
function ecsSettingsOf(
  aws: Omit<AwsSettings, 'ecs' | 'router'>,
  takesNetwork: boolean,
): (workspace: string) => EcsSettings {
  return (workspace) => {
    const problems: string[] = [];
    const bad = (name: InputName, value: string, form: string): void => {
      problems.push(problem(name, value, form));
    };
    if (!REGION.test(aws.region)) bad('aws-region', aws.region, 'an AWS region, e.g. us-east-1');
    if (takesNetwork && aws.subnets.length === 0) problems.push(NO_SUBNETS);
    for (const subnet of aws.subnets) {
      if (!SUBNET.test(subnet)) bad('subnets', subnet, 'subnet IDs, subnet-<hex>');
    }
    for (const group of aws.securityGroups) {
      if (!SECURITY_GROUP.test(group)) bad('security-groups', group, 'security group IDs, sg-<hex>');
    }
    if (aws.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(aws.endpoint))
      bad('aws-endpoint', aws.endpoint, 'an http(s) URL, e.g. http://127.0.0.1:5000');
    if (aws.executionRoleArn !== undefined && !NO_SPACE.test(aws.executionRoleArn))
      bad('execution-role-arn', aws.executionRoleArn, 'a role ARN or name');
    if (aws.taskRoleArn !== undefined && !NO_SPACE.test(aws.taskRoleArn))
      bad('task-role-arn', aws.taskRoleArn, 'a role ARN or name');
    if (aws.logGroup !== undefined && !LOG_GROUP.test(aws.logGroup))
      bad('log-group', aws.logGroup, 'a log group name of 1-512 letters, digits and _-/.#');

    let template: EcsSettings['taskDefinitionTemplate'] | undefined;
    const templatePath = aws.taskDefinitionPath;
    try {
      // A path in the consuming repository: relative to its checkout, as build-context is.
      template = loadTaskDefinitionTemplate(
        templatePath === undefined ? undefined : path.resolve(workspace, templatePath),
      );
    } catch (error) {
      // The loader's message names the file and ends with the accepted form.
      problems.push(
        `input 'task-definition' is ${JSON.stringify(templatePath)}: ${(error as Error).message}`,
      );
    }
    if (template !== undefined) {
      const containers = template.containerDefinitions ?? [];
      if (!containers.some((container) => container.name === aws.containerName)) {
        const names = containers.map((container) => `"${container.name}"`).join(', ');
        bad(
          'container-name',
          aws.containerName,
          `a container of the task-definition template (it has ${names})`,
        );
      }
      if (aws.logGroup !== undefined && !(aws.executionRoleArn ?? template.executionRoleArn)) {
        bad(
          'log-group',
          aws.logGroup,
          'empty, or set together with execution-role-arn (or a template with an executionRoleArn): Fargate needs one to write to CloudWatch Logs',
        );
      }
    }
    if (problems.length > 0 || template === undefined) throw new SettingsError(problems);
    return resolveEcsSettings({
      region: aws.region,
      cluster: aws.cluster,
      subnets: aws.subnets,
      securityGroups: aws.securityGroups,
      assignPublicIp: aws.assignPublicIp,
      spot: aws.spot,
      taskDefinitionTemplate: template,
      containerName: aws.containerName,
      containerPort: aws.containerPort,
      environment: aws.extraEnv,
      healthCheckPath: aws.healthCheckPath,
      timeouts: {
        stableMs: aws.stableTimeoutMs,
        healthMs: aws.healthTimeoutMs,
        pollIntervalMs: aws.pollIntervalMs,
        healthIntervalMs: Math.min(DEFAULT_TIMEOUTS.healthIntervalMs, aws.pollIntervalMs),
      },
      endpoint: aws.endpoint,
      executionRoleArn: aws.executionRoleArn,
      taskRoleArn: aws.taskRoleArn,
      logGroup: aws.logGroup,
    });
  };
}

/** Inputs that only a deploy needs; checked when a run is about to create something, not for every event. */
export function deployProblems(settings: Settings): string[] {
  const problems: string[] = [];
  if (settings.aws.subnets.length === 0) problems.push(NO_SUBNETS);
  if (settings.aws.securityGroups.length === 0) {
    problems.push("input 'security-groups' is empty; expected security group IDs for the tasks");
  }
  return problems;
}
