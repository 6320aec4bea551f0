// Waiting for a target group to report a healthy target: the load balancer's own health check of a new environment,
// which must pass before the action's check through the load balancer and the switch.
import type { TargetHealth, TrafficRouter } from './elb.js';
import type { Clock, Sleep } from './health.js';
import { realSleep } from './health.js';

export interface TargetWaitOptions {
  budgetMs: number;
  intervalMs: number;
  sleep?: Sleep;
  now?: Clock;
}

export interface TargetWaitResult {
  healthy: boolean;
  attempts: number;
  /** The states the last DescribeTargetHealth reported, in words (`10.0.1.5:8080 unhealthy (Target.Timeout)`). */
  last: string;
}

function describe(targets: TargetHealth[]): string {
  if (targets.length === 0) return 'no target registered yet';
  return targets
    .map((t) => `${t.id}${t.port ? `:${t.port}` : ''} ${t.state}${t.reason ? ` (${t.reason})` : ''}`)
    .join(', ');
}

export async function waitForHealthyTarget(
  router: Pick<TrafficRouter, 'targetHealth'>,
  targetGroupArn: string,
  options: TargetWaitOptions,
): Promise<TargetWaitResult> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const start = now();
  for (let attempts = 1; ; attempts += 1) {
    const targets = await router.targetHealth(targetGroupArn);
    if (targets.some((target) => target.state === 'healthy'))
      return { healthy: true, attempts, last: describe(targets) };
    const elapsed = now() - start;
    if (elapsed >= options.budgetMs) return { healthy: false, attempts, last: describe(targets) };
    await sleep(Math.min(options.intervalMs, options.budgetMs - elapsed));
  }
}
