// Load-balancer mode's steps of a deploy and a teardown (issue 17): each PR answers at `pr-<N>.<domain>` through a
// listener rule, each environment has its own target group. A new environment is reached through the load balancer
// at its own host first; only when that answers does one ModifyRule move the PR's host to it.
import { waitForHealthyTarget } from '../aws/balancer-health.js';
import { environmentHost, prHost } from '../aws/elb-names.js';
import { HTTPS_PORT } from '../core/labels.js';
import type { Address } from '../core/types.js';
import type { Router } from '../ports.js';
import type { EnvironmentTagFields } from '../aws/tags.js';
import type { LoadBalancerSettings } from '../settings.js';
import type { Deps } from './context.js';
import { messageOf } from './context.js';

/** The router and its settings, when the run is in load-balancer mode. */
export function balancerOf(deps: Deps): { router: Router; balancer: LoadBalancerSettings } | undefined {
  const balancer = deps.settings.aws.loadBalancer;
  return deps.router && balancer ? { router: deps.router, balancer } : undefined;
}

/**
 * What the PR's 🌐 label, comment and deployment show for an environment whose task answers at `task`: the PR's
 * stable host in load-balancer mode (a new task does not change it), else the task's own address.
 */
export function shownAddress(deps: Deps, pr: number, task: Address): Address {
  const mode = balancerOf(deps);
  return mode ? { host: prHost(pr, mode.balancer.domain), port: HTTPS_PORT } : task;
}

/**
 * The environment's target group, with the rule of its own host forwarding to it: ECS creates a service with a
 * load balancer only on a target group that a load balancer already uses (CreateService refuses one that none does).
 */
export async function prepareTargetGroup(router: Router, environment: EnvironmentTagFields): Promise<string> {
  const targetGroupArn = await router.ensureTargetGroup(environment);
  await router.route({ pr: environment.pr, sha7: environment.sha7 }, targetGroupArn);
  return targetGroupArn;
}

/**
 * Waits until the load balancer reports a healthy target of the environment's group (its own host routes there since
 * prepareTargetGroup), then sends the action's health check through the load balancer to that host. Throws what
 * failed, in words.
 */
export async function checkThroughBalancer(
  deps: Deps,
  router: Router,
  balancer: LoadBalancerSettings,
  environment: { pr: number; sha7: string; targetGroupArn: string },
): Promise<void> {
  const { pr, sha7, targetGroupArn } = environment;
  const aws = deps.settings.aws;
  const interval = Math.min(2_000, aws.pollIntervalMs);
  const targets = await waitForHealthyTarget(router, targetGroupArn, {
    budgetMs: aws.healthTimeoutMs,
    intervalMs: interval,
  });
  if (!targets.healthy) {
    throw new Error(
      `the load balancer reports no healthy target for ${sha7} after ${targets.attempts} checks (last: ${targets.last})`,
    );
  }
  const host = environmentHost(pr, sha7, balancer.domain);
  const url = `${balancer.checkAddress ?? `https://${host}`}${aws.healthCheckPath}`;
  const result = await router.checkThrough(host, url, {
    budgetMs: aws.healthTimeoutMs,
    intervalMs: interval,
    requestTimeoutMs: 10_000,
  });
  if (!result.healthy) {
    throw new Error(
      `health check of ${host}${aws.healthCheckPath} through the load balancer failed after ${result.attempts} attempts (last: ${result.lastProblem ?? 'unknown'})`,
    );
  }
  deps.log.info(`${sha7} answers through the load balancer at ${host}`);
}

/**
 * The PR's host, when it still routes to `sha7` (a run that died between the switch and its labels leaves it so):
 * to the environment the labels make active, or nowhere when there is none; ELB would refuse to delete a target group
 * a rule forwards to, and the teardown would be retried for ever.
 */
export async function rerouteFrom(router: Router, pr: number, sha7: string, active?: string): Promise<void> {
  const rule = await router.ruleOf({ pr });
  if (!rule || rule.routesTo !== sha7) return;
  const to = active !== undefined && active !== sha7 ? await router.targetGroupOf(pr, active) : undefined;
  if (to) await router.route({ pr }, to);
  else await router.deleteRule(rule);
}

/**
 * Takes an environment out of the load balancer: its own host's rule and its target group (unless `keepTargetGroup`:
 * requests still draining after a switch), after moving the PR's host off it (rerouteFrom). Returns what could not
 * be removed, as lines for the PR; the next teardown or the sweep retries.
 */
export async function releaseRouting(
  deps: Deps,
  pr: number,
  sha7: string,
  options: { active?: string; keepTargetGroup?: boolean } = {},
): Promise<string[]> {
  const mode = balancerOf(deps);
  if (!mode) return [];
  const problems: string[] = [];
  await rerouteFrom(mode.router, pr, sha7, options.active).catch((error: unknown) => {
    problems.push(`Could not move PR #${pr}'s host off ${sha7}: ${messageOf(error)}`);
  });
  await mode.router.removeRoute({ pr, sha7 }).catch((error: unknown) => {
    problems.push(`Could not delete the listener rule of ${sha7}: ${messageOf(error)}`);
  });
  if (options.keepTargetGroup) return problems;
  await mode.router.removeTargetGroup(pr, sha7).catch((error: unknown) => {
    problems.push(`Could not delete the target group of ${sha7}: ${messageOf(error)}`);
  });
  return problems;
}
