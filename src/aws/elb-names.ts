// Names in load-balancer mode: a PR's host under the preview domain and an environment's target group. Pure.
import { createHash } from 'node:crypto';

/** ELB's limit for target group names (letters, digits and inner hyphens only). */
export const MAX_TARGET_GROUP_NAME = 32;
/** Listener rule priorities run from 1 to 50000 (the default rule has none). */
export const MAX_RULE_PRIORITY = 50_000;

/**
 * Target group names are unique per account and region, not per load balancer: two repositories (or two listeners)
 * sharing an account would collide on `pr-1-<sha7>`. Six hex digits of the listener's ARN keep each listener's names
 * apart and are the same on every run.
 */
export function listenerScope(listenerArn: string): string {
  return createHash('sha256').update(listenerArn).digest('hex').slice(0, 6);
}

/** `pr-<N>-<sha7>-<scope>`: at most 3 + 10 + 1 + 7 + 1 + 6 = 28 characters. */
export function targetGroupName(pr: number, sha7: string, scope: string): string {
  return `pr-${pr}-${sha7}-${scope}`;
}

const TARGET_GROUP_NAME = /^pr-([1-9][0-9]{0,9})-([0-9a-f]{7})-([0-9a-f]{6})$/;

/** PR and sha7 of a target group name this adapter gave under this scope; undefined for any other name. */
export function parseTargetGroupName(name: string, scope: string): { pr: number; sha7: string } | undefined {
  const match = TARGET_GROUP_NAME.exec(name);
  if (!match || match[3] !== scope) return undefined;
  return { pr: Number(match[1]), sha7: match[2] as string };
}

/** The preview domain as hosts end in it: `*.showtime.example.org.` and `Showtime.Example.org` → `showtime.example.org`. */
export function normalDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

export function prHost(pr: number, domain: string): string {
  return `pr-${pr}.${normalDomain(domain)}`;
}

/**
 * An environment's own host, `pr-<N>-<sha7>.<domain>` (one DNS label, so the wildcard certificate and record cover
 * it): the action's health check reaches a new environment through the load balancer here before the PR's host
 * moves to it.
 */
export function environmentHost(pr: number, sha7: string, domain: string): string {
  return `pr-${pr}-${sha7}.${normalDomain(domain)}`;
}

/** What a host routes for: a PR (`pr-<N>`), or one environment of it (`pr-<N>-<sha7>`). */
export interface RoutedHost {
  pr: number;
  sha7?: string;
}

/** Hosts compare without case, as ELB's do; any host but those two forms under the domain is undefined. */
export function parseHost(host: string, domain: string): RoutedHost | undefined {
  const suffix = `.${normalDomain(domain)}`;
  const lower = host.toLowerCase();
  if (!lower.endsWith(suffix)) return undefined;
  const match = /^pr-([1-9][0-9]{0,9})(?:-([0-9a-f]{7}))?$/.exec(lower.slice(0, -suffix.length));
  if (!match) return undefined;
  return match[2] === undefined ? { pr: Number(match[1]) } : { pr: Number(match[1]), sha7: match[2] };
}

export function hostOf(target: RoutedHost, domain: string): string {
  return target.sha7 === undefined
    ? prHost(target.pr, domain)
    : environmentHost(target.pr, target.sha7, domain);
}

/**
 * A free priority for a PR's new rule: the PR number itself when free (rules then read in PR order), else the next
 * free one above it, wrapping round. Undefined when the listener has no free priority left.
 */
export function freePriority(pr: number, used: ReadonlySet<number>): number | undefined {
  const start = ((pr - 1) % MAX_RULE_PRIORITY) + 1;
  for (let offset = 0; offset < MAX_RULE_PRIORITY; offset += 1) {
    const candidate = ((start - 1 + offset) % MAX_RULE_PRIORITY) + 1;
    if (!used.has(candidate)) return candidate;
  }
  return undefined;
}
