// Load-balancer mode's port and its Elastic Load Balancing v2 adapter. An existing ALB HTTPS listener serves the
// preview domain; each PR owns one host-header rule (`pr-<N>.<domain>`) on it, and each environment (PR + sha7) one
// `ip` target group its ECS service registers in. A switch is one ModifyRule on the PR's rule. Requests are signed
// Query API calls through the ECS client's configuration (query-api.ts), not @aws-sdk/client-elastic-load-balancing-v2,
// for the bundle size and cold start (issue 15).
import type { ECSClient } from '@aws-sdk/client-ecs';
import {
  freePriority,
  listenerScope,
  normalDomain,
  hostOf,
  parseHost,
  parseTargetGroupName,
  targetGroupName,
} from './elb-names.js';
import type { RoutedHost } from './elb-names.js';
import { child, members, parseXml, queryApi, QueryApiError, textAt } from './query-api.js';
import type { QueryApi, QueryParams, XmlElement } from './query-api.js';
import { checkHealth, hostHeaderFetch, realSleep } from './health.js';
import type { HealthOptions, HealthResult } from './health.js';
import { environmentTags, MANAGED_BY, parseEnvironmentTags, TAG_KEYS } from './tags.js';
import type { EnvironmentTagFields } from './tags.js';

const ELB = {
  service: 'elasticloadbalancing',
  version: '2015-12-01',
  label: 'ELB',
  actions: [
    'CreateTargetGroup',
    'DescribeTargetGroups',
    'DeleteTargetGroup',
    'DescribeTargetHealth',
    'DescribeRules',
    'CreateRule',
    'ModifyRule',
    'DeleteRule',
    'DescribeTags',
    'ModifyTargetGroupAttributes',
  ],
} as const;

/**
 * Seconds a retired environment's target keeps its requests in flight after it leaves the group; ELB's default,
 * 300 s, would keep every retired task (and its cost) five minutes longer for a preview nobody waits on.
 */
export const DEREGISTRATION_DELAY_SECONDS = 30;

type ElbAction = (typeof ELB.actions)[number];

/** DescribeTags takes at most 20 resources per call. */
const TAGS_PER_CALL = 20;
/** The largest page DescribeRules and DescribeTargetGroups hand out. */
const MAX_PAGE_SIZE = 400;
/** Two runs creating rules at once may pick the same free priority; the loser reads the rules again. */
const PRIORITY_ATTEMPTS = 3;

export interface ElbSettings {
  /** The ALB's HTTPS listener that carries the preview domain (its certificate covers `*.<domain>`). */
  listenerArn: string;
  /** e.g. `showtime.example.org` (a leading `*.` is ignored): PR 7 answers at `pr-7.showtime.example.org`. */
  domain: string;
  /** The load balancer's VPC, where the target groups are made. */
  vpcId: string;
  containerPort: number;
  /** What the load balancer's health check requests, e.g. `/health`. */
  healthCheckPath: string;
  /** Items per DescribeRules / DescribeTargetGroups page (1–400; default 400). */
  pageSize?: number;
}

export interface TargetHealth {
  id: string;
  port?: number;
  /** `initial`, `healthy`, `unhealthy`, `unused`, `draining`, `unavailable`. */
  state: string;
  reason?: string;
  description?: string;
}

export interface PrRule {
  ruleArn: string;
  pr: number;
  /** Set for an environment's own host (`pr-<N>-<sha7>`), absent for the PR's host. */
  sha7?: string;
  host: string;
  priority: number;
  /** The target groups the rule forwards to (one, for rules this adapter made). */
  targetGroupArns: string[];
  /** The environment whose target group the rule forwards to, when it is one this adapter named. */
  routesTo?: string;
  /** Tagged managed-by=showtime: only such rules are changed or deleted. */
  managed: boolean;
}

export interface ManagedTargetGroup {
  targetGroupArn: string;
  name: string;
  pr: number;
  sha7: string;
  /** Load balancers whose rules forward to it: a target group in use cannot be deleted. */
  loadBalancerArns: string[];
  /** From its created-at tag. */
  createdAt?: Date;
}

export interface ManagedRouting {
  rules: PrRule[];
  targetGroups: ManagedTargetGroup[];
}

export type RouteChange = 'created' | 'switched' | 'unchanged';

/** How an environment receives traffic in load-balancer mode. */
export interface TrafficRouter {
  /** The environment's target group, made when missing (idempotent: the same environment gets the same one). */
  ensureTargetGroup(environment: EnvironmentTagFields): Promise<string>;
  targetHealth(targetGroupArn: string): Promise<TargetHealth[]>;
  /**
   * Points a host at the target group: the PR's (`{ pr }`) or an environment's own (`{ pr, sha7 }`): a new rule, or
   * one ModifyRule on the host's rule.
   */
  route(target: RoutedHost, targetGroupArn: string): Promise<RouteChange>;
  ruleOf(target: RoutedHost): Promise<PrRule | undefined>;
  /**
   * Deletes the host's rule; for a PR (`{ pr }`) also the rules of its environments' own hosts. A host without one
   * is already done. Returns how many rules went.
   */
  removeRoute(target: RoutedHost): Promise<number>;
  /** One managed rule, by its ARN (the sweep's leftovers); 'gone' when it no longer existed. */
  deleteRule(rule: PrRule): Promise<'deleted' | 'gone'>;
  /** 'gone' when it no longer existed. */
  deleteTargetGroup(targetGroupArn: string): Promise<'deleted' | 'gone'>;
  /** Deletes the environment's target group, found by its name; 'gone' when there is none. */
  removeTargetGroup(pr: number, sha7: string): Promise<'deleted' | 'gone'>;
  /** The environment's target group, when it exists (and is this adapter's). */
  targetGroupOf(pr: number, sha7: string): Promise<string | undefined>;
  /** Every rule and target group this adapter manages on this listener, all pages read. */
  listManaged(): Promise<ManagedRouting>;
  /**
   * The action's own HTTP health check through the load balancer: GETs `url` with `Host: <host>` (and that name for
   * TLS) until it answers 2xx or the budget runs out.
   */
  checkThrough(host: string, url: string, options: BalancerCheckOptions): Promise<HealthResult>;
}

export type BalancerCheckOptions = Pick<HealthOptions, 'budgetMs' | 'intervalMs' | 'requestTimeoutMs'>;

/** An ELB call that failed, named with its action and resource; `code` is ELB's error code when it answered. */
export class ElbError extends Error {
  constructor(
    readonly action: string,
    readonly resource: string,
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ElbError';
  }
}

function elbError(action: string, resource: string, error: unknown): ElbError {
  const code = error instanceof QueryApiError ? error.code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new ElbError(
    action,
    resource,
    code,
    `ELB ${action} (${resource}) failed: ${code ?? 'no answer'}: ${detail}`,
    {
      cause: error,
    },
  );
}

const hasCode = (error: unknown, ...codes: string[]) =>
  error instanceof ElbError && error.code !== undefined && codes.includes(error.code);

interface Tag {
  key: string;
  value: string;
}

function tagParams(tags: Tag[]): Record<string, string> {
  const params: Record<string, string> = {};
  tags.forEach((tag, index) => {
    params[`Tags.member.${index + 1}.Key`] = tag.key;
    params[`Tags.member.${index + 1}.Value`] = tag.value;
  });
  return params;
}

function parseTags(member: XmlElement): Tag[] {
  return members(child(member, 'Tags')).map((tag) => ({
    key: textAt(tag, 'Key') ?? '',
    value: textAt(tag, 'Value') ?? '',
  }));
}

const tagOf = (tags: Tag[], key: string) => tags.find((tag) => tag.key === key)?.value;
const isManagedTags = (tags: Tag[]) => tagOf(tags, TAG_KEYS.managedBy) === MANAGED_BY;

interface RawRule {
  ruleArn: string;
  priority: number | undefined;
  hosts: string[];
  targetGroupArns: string[];
}

function parseRule(member: XmlElement): RawRule {
  const hosts = members(child(member, 'Conditions'))
    .filter((condition) => textAt(condition, 'Field') === 'host-header')
    .flatMap((condition) => [
      ...members(child(condition, 'Values')),
      ...members(child(condition, 'HostHeaderConfig', 'Values')),
    ])
    .map((value) => value.text);
  const forwards = members(child(member, 'Actions')).filter((action) => textAt(action, 'Type') === 'forward');
  const targetGroupArns = forwards.flatMap((action) => [
    ...(textAt(action, 'TargetGroupArn') ? [textAt(action, 'TargetGroupArn') as string] : []),
    ...members(child(action, 'ForwardConfig', 'TargetGroups')).map(
      (group) => textAt(group, 'TargetGroupArn') ?? '',
    ),
  ]);
  const priority = textAt(member, 'Priority');
  return {
    ruleArn: textAt(member, 'RuleArn') ?? '',
    // The default rule's priority is the word `default`.
    priority: priority !== undefined && /^\d+$/.test(priority) ? Number(priority) : undefined,
    hosts: [...new Set(hosts.map((host) => host.toLowerCase()))],
    targetGroupArns: [...new Set(targetGroupArns.filter((arn) => arn !== ''))],
  };
}

interface RawTargetGroup {
  targetGroupArn: string;
  name: string;
  port?: number;
  vpcId?: string;
  targetType?: string;
  loadBalancerArns: string[];
}

function parseTargetGroup(member: XmlElement): RawTargetGroup {
  const port = textAt(member, 'Port');
  const vpcId = textAt(member, 'VpcId');
  const targetType = textAt(member, 'TargetType');
  return {
    targetGroupArn: textAt(member, 'TargetGroupArn') ?? '',
    name: textAt(member, 'TargetGroupName') ?? '',
    ...(port !== undefined ? { port: Number(port) } : {}),
    ...(vpcId !== undefined ? { vpcId } : {}),
    ...(targetType !== undefined ? { targetType } : {}),
    loadBalancerArns: members(child(member, 'LoadBalancerArns')).map((arn) => arn.text),
  };
}

export interface ElbRouterDeps {
  sleep?: (ms: number) => Promise<void>;
  /** Told of every ELB request (one per call, whatever the retries), e.g. ApiCallCounter.record. */
  record?: (client: string, action: string) => void;
}

class ElbRouter implements TrafficRouter {
  private readonly api: QueryApi<ElbAction>;
  private readonly scope: string;
  private readonly domain: string;
  private readonly pageSize: string;

  constructor(
    ecs: ECSClient,
    private readonly settings: ElbSettings,
    private readonly deps: ElbRouterDeps,
  ) {
    this.api = queryApi(ecs, ELB, deps.sleep ?? realSleep);
    this.scope = listenerScope(settings.listenerArn);
    this.domain = normalDomain(settings.domain);
    this.pageSize = String(Math.min(Math.max(settings.pageSize ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE));
  }

  /** One call → the `<…Result>` element of its answer; every failure becomes an ElbError naming call and resource. */
  private async send(resource: string, params: QueryParams<ElbAction>): Promise<XmlElement | undefined> {
    this.deps.record?.('ELB', params.Action);
    let xml: string;
    try {
      xml = await this.api.call(params);
    } catch (error) {
      throw elbError(params.Action, resource, error);
    }
    try {
      return child(parseXml(xml), `${params.Action}Result`);
    } catch (error) {
      throw elbError(params.Action, resource, error);
    }
  }

  /** Every page of a Marker-paged Describe call, its list members in order. */
  private async allPages(
    resource: string,
    params: QueryParams<'DescribeRules' | 'DescribeTargetGroups'>,
    list: string,
  ): Promise<XmlElement[]> {
    const items: XmlElement[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    do {
      const result = await this.send(resource, {
        ...params,
        PageSize: this.pageSize,
        ...(marker !== undefined ? { Marker: marker } : {}),
      });
      items.push(...members(child(result, list)));
      marker = textAt(result, 'NextMarker') || undefined;
      // A marker handed out twice would page forever.
      if (marker !== undefined) {
        if (seen.has(marker))
          throw elbError(params.Action, resource, new Error(`the marker ${marker} came twice`));
        seen.add(marker);
      }
    } while (marker !== undefined);
    return items;
  }

  private async tagsOf(arns: string[]): Promise<Map<string, Tag[]>> {
    const tags = new Map<string, Tag[]>();
    for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
      const chunk = arns.slice(i, i + TAGS_PER_CALL);
      const params: Record<string, string> = {};
      chunk.forEach((arn, index) => {
        params[`ResourceArns.member.${index + 1}`] = arn;
      });
      const result = await this.send(
        chunk.length === 1 ? (chunk[0] as string) : `${chunk.length} resources`,
        {
          Action: 'DescribeTags',
          ...params,
        },
      );
      for (const description of members(child(result, 'TagDescriptions'))) {
        tags.set(textAt(description, 'ResourceArn') ?? '', parseTags(description));
      }
    }
    return tags;
  }

  private async listenerRules(): Promise<RawRule[]> {
    const items = await this.allPages(
      `listener ${this.settings.listenerArn}`,
      { Action: 'DescribeRules', ListenerArn: this.settings.listenerArn },
      'Rules',
    );
    return items.map(parseRule);
  }

  private async findTargetGroup(name: string): Promise<RawTargetGroup | undefined> {
    try {
      const result = await this.send(`target group ${name}`, {
        Action: 'DescribeTargetGroups',
        'Names.member.1': name,
      });
      const found = members(child(result, 'TargetGroups')).map(parseTargetGroup);
      return found.find((group) => group.name === name);
    } catch (error) {
      if (hasCode(error, 'TargetGroupNotFound')) return undefined;
      throw error;
    }
  }

  private refusal(group: RawTargetGroup, why: string): ElbError {
    return new ElbError(
      'DescribeTargetGroups',
      `target group ${group.name}`,
      undefined,
      `ELB target group ${group.name} exists but ${why}`,
    );
  }

  /** A group of an environment's name is acted on only when this adapter made it (its tags say so). */
  private async checkOwned(group: RawTargetGroup, doing: string): Promise<string> {
    const tags = (await this.tagsOf([group.targetGroupArn])).get(group.targetGroupArn) ?? [];
    if (!isManagedTags(tags))
      throw this.refusal(group, `is not tagged ${TAG_KEYS.managedBy}=${MANAGED_BY}; not ${doing} it`);
    return group.targetGroupArn;
  }

  /** An existing group of the environment's name must be the one this adapter would make, or nothing is reused. */
  private async checkExisting(group: RawTargetGroup): Promise<string> {
    const refuse = (why: string) => this.refusal(group, why);
    await this.checkOwned(group, 'reusing');
    if (group.vpcId !== undefined && group.vpcId !== this.settings.vpcId) {
      throw refuse(`is in ${group.vpcId}, not in ${this.settings.vpcId}`);
    }
    if (group.port !== undefined && group.port !== this.settings.containerPort) {
      throw refuse(`sends to port ${group.port}, not to the container port ${this.settings.containerPort}`);
    }
    if (group.targetType !== undefined && group.targetType !== 'ip') {
      throw refuse(`has target type ${group.targetType}, not ip`);
    }
    return group.targetGroupArn;
  }

  async ensureTargetGroup(environment: EnvironmentTagFields): Promise<string> {
    const name = targetGroupName(environment.pr, environment.sha7, this.scope);
    const existing = await this.findTargetGroup(name);
    if (existing) return this.checkExisting(existing);
    const tags = environmentTags(environment).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' }));
    try {
      const result = await this.send(`target group ${name}`, {
        Action: 'CreateTargetGroup',
        Name: name,
        Protocol: 'HTTP',
        Port: String(this.settings.containerPort),
        VpcId: this.settings.vpcId,
        TargetType: 'ip',
        HealthCheckProtocol: 'HTTP',
        HealthCheckPath: this.settings.healthCheckPath,
        // A preview should turn healthy in about 20 s, not the default 2.5 minutes (5 checks 30 s apart).
        HealthCheckIntervalSeconds: '10',
        HealthCheckTimeoutSeconds: '5',
        HealthyThresholdCount: '2',
        UnhealthyThresholdCount: '3',
        'Matcher.HttpCode': '200',
        ...tagParams(tags),
      });
      const arn = textAt(members(child(result, 'TargetGroups'))[0], 'TargetGroupArn');
      if (!arn)
        throw new ElbError(
          'CreateTargetGroup',
          `target group ${name}`,
          undefined,
          'ELB CreateTargetGroup answered no ARN',
        );
      await this.send(`target group ${name}`, {
        Action: 'ModifyTargetGroupAttributes',
        TargetGroupArn: arn,
        'Attributes.member.1.Key': 'deregistration_delay.timeout_seconds',
        'Attributes.member.1.Value': String(DEREGISTRATION_DELAY_SECONDS),
      });
      return arn;
    } catch (error) {
      // Another run made it in between: take that one, under the same checks.
      if (!hasCode(error, 'DuplicateTargetGroupName')) throw error;
      const raced = await this.findTargetGroup(name);
      if (!raced) throw error;
      return this.checkExisting(raced);
    }
  }

  async targetHealth(targetGroupArn: string): Promise<TargetHealth[]> {
    const result = await this.send(`target group ${targetGroupArn}`, {
      Action: 'DescribeTargetHealth',
      TargetGroupArn: targetGroupArn,
    });
    return members(child(result, 'TargetHealthDescriptions')).map((description) => {
      const port = textAt(description, 'Target', 'Port');
      const reason = textAt(description, 'TargetHealth', 'Reason');
      const text = textAt(description, 'TargetHealth', 'Description');
      return {
        id: textAt(description, 'Target', 'Id') ?? '',
        ...(port !== undefined ? { port: Number(port) } : {}),
        state: textAt(description, 'TargetHealth', 'State') ?? 'unknown',
        ...(reason ? { reason } : {}),
        ...(text ? { description: text } : {}),
      };
    });
  }

  private prRule(rule: RawRule, target: RoutedHost, managed: boolean): PrRule {
    // arn:…:targetgroup/<name>/<id>
    const name = /:targetgroup\/([^/]+)\//.exec(rule.targetGroupArns[0] ?? '')?.[1] ?? '';
    const routed = rule.targetGroupArns.length === 1 ? parseTargetGroupName(name, this.scope) : undefined;
    return {
      ...(routed && routed.pr === target.pr ? { routesTo: routed.sha7 } : {}),
      ruleArn: rule.ruleArn,
      pr: target.pr,
      ...(target.sha7 !== undefined ? { sha7: target.sha7 } : {}),
      host: hostOf(target, this.domain),
      priority: rule.priority ?? 0,
      targetGroupArns: rule.targetGroupArns,
      managed,
    };
  }

  /** The rules whose hosts are all one of `targets`, with their tags read. */
  private async rulesFor(
    targets: (rule: RawRule) => RoutedHost | undefined,
    rules?: RawRule[],
  ): Promise<PrRule[]> {
    const matching = (rules ?? (await this.listenerRules())).flatMap((rule) => {
      const target = targets(rule);
      return target === undefined ? [] : [{ rule, target }];
    });
    if (matching.length === 0) return [];
    const tags = await this.tagsOf(matching.map(({ rule }) => rule.ruleArn));
    return matching.map(({ rule, target }) =>
      this.prRule(rule, target, isManagedTags(tags.get(rule.ruleArn) ?? [])),
    );
  }

  /** The rules for one host (normally none or one). */
  private rulesOf(target: RoutedHost, rules?: RawRule[]): Promise<PrRule[]> {
    const host = hostOf(target, this.domain);
    return this.rulesFor((rule) => (rule.hosts.includes(host) ? target : undefined), rules);
  }

  /** The host's one rule: two rules for one host are an error to resolve by hand, never a guess. */
  private single(target: RoutedHost, rules: PrRule[]): PrRule | undefined {
    if (rules.length > 1) {
      throw new ElbError(
        'DescribeRules',
        `listener ${this.settings.listenerArn}`,
        undefined,
        `ELB listener ${this.settings.listenerArn} has ${rules.length} rules for ${hostOf(target, this.domain)}: ${rules.map((r) => r.ruleArn).join(', ')}`,
      );
    }
    return rules[0];
  }

  async ruleOf(target: RoutedHost): Promise<PrRule | undefined> {
    return this.single(target, await this.rulesOf(target));
  }

  async route(target: RoutedHost, targetGroupArn: string): Promise<RouteChange> {
    for (let attempt = 1; ; attempt += 1) {
      const all = await this.listenerRules();
      const rule = this.single(target, await this.rulesOf(target, all));
      if (rule) return this.switchRule(rule, targetGroupArn);
      const host = hostOf(target, this.domain);
      const used = new Set(all.flatMap((r) => (r.priority === undefined ? [] : [r.priority])));
      const priority = freePriority(target.pr, used);
      const resource = `rule for ${host}`;
      if (priority === undefined) {
        throw new ElbError(
          'CreateRule',
          resource,
          undefined,
          `ELB listener ${this.settings.listenerArn} has no free rule priority`,
        );
      }
      try {
        await this.send(resource, {
          Action: 'CreateRule',
          ListenerArn: this.settings.listenerArn,
          Priority: String(priority),
          'Conditions.member.1.Field': 'host-header',
          'Conditions.member.1.HostHeaderConfig.Values.member.1': host,
          'Actions.member.1.Type': 'forward',
          'Actions.member.1.TargetGroupArn': targetGroupArn,
          ...tagParams([
            { key: TAG_KEYS.managedBy, value: MANAGED_BY },
            { key: TAG_KEYS.pr, value: String(target.pr) },
            ...(target.sha7 !== undefined ? [{ key: TAG_KEYS.sha, value: target.sha7 }] : []),
          ]),
        });
        return 'created';
      } catch (error) {
        // Another rule took the priority meanwhile (or a retried CreateRule had already made this one): read again.
        if (!hasCode(error, 'PriorityInUse') || attempt >= PRIORITY_ATTEMPTS) throw error;
      }
    }
  }

  private async switchRule(rule: PrRule, targetGroupArn: string): Promise<RouteChange> {
    if (!rule.managed) {
      throw new ElbError(
        'ModifyRule',
        `rule ${rule.ruleArn}`,
        undefined,
        `ELB rule ${rule.ruleArn} routes ${rule.host} but is not tagged ${TAG_KEYS.managedBy}=${MANAGED_BY}; not changing it`,
      );
    }
    if (rule.targetGroupArns.length === 1 && rule.targetGroupArns[0] === targetGroupArn) return 'unchanged';
    await this.send(`rule ${rule.ruleArn} for ${rule.host}`, {
      Action: 'ModifyRule',
      RuleArn: rule.ruleArn,
      'Actions.member.1.Type': 'forward',
      'Actions.member.1.TargetGroupArn': targetGroupArn,
    });
    return 'switched';
  }

  async removeRoute(target: RoutedHost): Promise<number> {
    const rules =
      target.sha7 !== undefined
        ? await this.rulesOf(target)
        : await this.rulesFor((rule) => {
            const routed = this.routedBy(rule);
            return routed?.pr === target.pr ? routed : undefined;
          });
    const foreign = rules.filter((rule) => !rule.managed);
    if (foreign.length > 0) {
      throw new ElbError(
        'DeleteRule',
        `rule ${foreign[0]?.ruleArn}`,
        undefined,
        `ELB rule ${foreign[0]?.ruleArn} routes ${foreign[0]?.host} but is not tagged ${TAG_KEYS.managedBy}=${MANAGED_BY}; not deleting it`,
      );
    }
    for (const rule of rules) await this.deleteRule(rule);
    return rules.length;
  }

  async deleteRule(rule: PrRule): Promise<'deleted' | 'gone'> {
    if (!rule.managed) {
      throw new ElbError(
        'DeleteRule',
        `rule ${rule.ruleArn}`,
        undefined,
        `ELB rule ${rule.ruleArn} routes ${rule.host} but is not tagged ${TAG_KEYS.managedBy}=${MANAGED_BY}; not deleting it`,
      );
    }
    try {
      await this.send(`rule ${rule.ruleArn} for ${rule.host}`, {
        Action: 'DeleteRule',
        RuleArn: rule.ruleArn,
      });
      return 'deleted';
    } catch (error) {
      if (hasCode(error, 'RuleNotFound')) return 'gone';
      throw error;
    }
  }

  /** The one PR host or environment host a rule routes, when all its hosts name the same one. */
  private routedBy(rule: RawRule): RoutedHost | undefined {
    const targets = rule.hosts.map((host) => parseHost(host, this.domain));
    const first = targets[0];
    if (first === undefined) return undefined;
    return targets.every((t) => t !== undefined && t.pr === first.pr && t.sha7 === first.sha7)
      ? first
      : undefined;
  }

  async deleteTargetGroup(targetGroupArn: string): Promise<'deleted' | 'gone'> {
    try {
      await this.send(`target group ${targetGroupArn}`, {
        Action: 'DeleteTargetGroup',
        TargetGroupArn: targetGroupArn,
      });
      return 'deleted';
    } catch (error) {
      if (hasCode(error, 'TargetGroupNotFound')) return 'gone';
      if (hasCode(error, 'ResourceInUse') && error instanceof ElbError) {
        throw new ElbError(
          error.action,
          error.resource,
          error.code,
          `ELB target group ${targetGroupArn} is still in use by a listener rule: move or remove the PR's route first (${error.message})`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async targetGroupOf(pr: number, sha7: string): Promise<string | undefined> {
    const group = await this.findTargetGroup(targetGroupName(pr, sha7, this.scope));
    return group ? this.checkOwned(group, 'routing to') : undefined;
  }

  checkThrough(host: string, url: string, options: BalancerCheckOptions): Promise<HealthResult> {
    return checkHealth(url, {
      ...options,
      fetch: hostHeaderFetch(host),
      sleep: this.deps.sleep ?? realSleep,
    });
  }

  async removeTargetGroup(pr: number, sha7: string): Promise<'deleted' | 'gone'> {
    const group = await this.findTargetGroup(targetGroupName(pr, sha7, this.scope));
    if (!group) return 'gone';
    // Only a group this adapter made (the cleanup, which makes none, knows no VPC or port to compare).
    return this.deleteTargetGroup(await this.checkOwned(group, 'deleting'));
  }

  async listManaged(): Promise<ManagedRouting> {
    const candidates = (await this.listenerRules()).flatMap((rule) => {
      const target = this.routedBy(rule);
      return target === undefined ? [] : [{ rule, target }];
    });
    const groups = (
      await this.allPages('target groups', { Action: 'DescribeTargetGroups' }, 'TargetGroups')
    ).flatMap((member) => {
      const group = parseTargetGroup(member);
      const parsed = parseTargetGroupName(group.name, this.scope);
      return parsed ? [{ group, ...parsed }] : [];
    });
    const tags = await this.tagsOf([
      ...candidates.map(({ rule }) => rule.ruleArn),
      ...groups.map(({ group }) => group.targetGroupArn),
    ]);
    const rules = candidates.flatMap(({ rule, target }): PrRule[] => {
      const own = tags.get(rule.ruleArn) ?? [];
      // Managed, and its tags agree with its host: anything else is someone else's rule.
      if (!isManagedTags(own) || tagOf(own, TAG_KEYS.pr) !== String(target.pr)) return [];
      if (target.sha7 !== undefined && tagOf(own, TAG_KEYS.sha) !== target.sha7) return [];
      return [this.prRule(rule, target, true)];
    });
    const targetGroups = groups.flatMap(({ group, pr, sha7 }): ManagedTargetGroup[] => {
      const own = tags.get(group.targetGroupArn) ?? [];
      if (
        !isManagedTags(own) ||
        tagOf(own, TAG_KEYS.pr) !== String(pr) ||
        tagOf(own, TAG_KEYS.sha) !== sha7
      ) {
        return [];
      }
      const createdAt = parseEnvironmentTags(own).createdAt;
      return [
        {
          targetGroupArn: group.targetGroupArn,
          name: group.name,
          pr,
          sha7,
          loadBalancerArns: group.loadBalancerArns,
          ...(createdAt ? { createdAt } : {}),
        },
      ];
    });
    return { rules, targetGroups };
  }
}

export function createElbRouter(
  ecs: ECSClient,
  settings: ElbSettings,
  deps: ElbRouterDeps = {},
): TrafficRouter {
  return new ElbRouter(ecs, settings, deps);
}
