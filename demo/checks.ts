// What the demo expects after each step, as small pure checks over a snapshot of the world. A check returns the
// problem it sees (or undefined), so a failing step can say exactly which expectation it missed.
import { buildPrState } from '../src/core/state.js';
import type { PrState } from '../src/core/types.js';
import { requireSha } from '../src/core/values.js';

export interface ServiceView {
  name: string;
  /** Task definition family:revision the service runs. */
  taskDefinition: string;
  /** SUPERSET_FEATURE_* variables of the application container, without the prefix. */
  featureFlags: Record<string, string>;
}

export interface DeploymentView {
  id: number;
  sha7: string;
  /** Latest status (success, inactive, …), or "none" when no status was ever posted. */
  state: string;
}

export interface Snapshot {
  pr: number;
  headSha: string;
  open: boolean;
  labels: string[];
  /** The sticky status comment, as posted; undefined when there is none. */
  comment?: string;
  deployments: DeploymentView[];
  /** ACTIVE services of this PR. */
  services: ServiceView[];
  /** GitHub API requests the step's runs made. */
  githubCalls: number;
}

export type Check = (snapshot: Snapshot) => string | undefined;

export function stateOf(snapshot: Snapshot): PrState {
  return buildPrState({
    number: snapshot.pr,
    headSha: requireSha(snapshot.headSha),
    open: snapshot.open,
    labels: snapshot.labels,
  });
}

export function serviceName(pr: number, sha7: string): string {
  return `pr-${pr}-${sha7}-service`;
}

/** Runs every check; the problems found, in check order. */
export function problemsOf(snapshot: Snapshot, checks: readonly Check[]): string[] {
  return checks.map((check) => check(snapshot)).filter((problem) => problem !== undefined);
}

export const checks = {
  running(sha7: string): Check {
    return (snapshot) => {
      const state = stateOf(snapshot);
      const status = state.environments[sha7]?.status;
      if (status !== 'running') return `environment ${sha7} is ${status ?? 'absent'}, expected running`;
      if (state.active !== sha7) return `the 🎯 pointer is on ${state.active ?? 'nothing'}, expected ${sha7}`;
      return undefined;
    };
  },

  noEnvironment(sha7: string): Check {
    return (snapshot) => {
      const left = snapshot.labels.filter((label) => label.includes(sha7));
      return left.length === 0 ? undefined : `labels of ${sha7} remain: ${left.join(', ')}`;
    };
  },

  noShowtimeLabels(): Check {
    return (snapshot) => {
      const left = snapshot.labels.filter((label) => label.startsWith('🎪'));
      return left.length === 0 ? undefined : `🎪 labels remain: ${left.join(', ')}`;
    };
  },

  label(name: string): Check {
    return (snapshot) => (snapshot.labels.includes(name) ? undefined : `label "${name}" is missing`);
  },

  noLabel(name: string): Check {
    return (snapshot) => (snapshot.labels.includes(name) ? `label "${name}" is still there` : undefined);
  },

  ttlAtLeast(sha7: string, hours: number): Check {
    return (snapshot) => {
      const ttl = stateOf(snapshot).environments[sha7]?.ttl;
      if (ttl?.kind === 'duration' && ttl.hours >= hours) return undefined;
      const shown = ttl === undefined ? 'none' : ttl.kind === 'duration' ? `${ttl.hours}h` : ttl.kind;
      return `TTL of ${sha7} is ${shown}, expected at least ${hours}h`;
    };
  },

  flagLabel(sha7: string, flag: string): Check {
    return (snapshot) =>
      stateOf(snapshot).environments[sha7]?.config.flags[flag] === true
        ? undefined
        : `no ⚙️ label of ${sha7} enables ${flag}`;
  },

  services(names: string[]): Check {
    return (snapshot) => {
      const actual = snapshot.services.map((service) => service.name).sort();
      const expected = [...names].sort();
      return actual.join(',') === expected.join(',')
        ? undefined
        : `ECS services are [${actual.join(', ')}], expected [${expected.join(', ')}]`;
    };
  },

  serviceFlag(name: string, flag: string, value: string): Check {
    return (snapshot) => {
      const service = snapshot.services.find((candidate) => candidate.name === name);
      if (service === undefined) return `service ${name} is not active`;
      const actual = service.featureFlags[flag];
      return actual === value
        ? undefined
        : `${service.taskDefinition} has SUPERSET_FEATURE_${flag}=${actual ?? '(unset)'}, expected ${value}`;
    };
  },

  /** The newest deployment of `sha7` is in `state`. */
  deployment(sha7: string, state: string): Check {
    return (snapshot) => {
      const newest = snapshot.deployments.filter((d) => d.sha7 === sha7).sort((a, b) => b.id - a.id)[0];
      if (newest === undefined) return `no deployment of ${sha7}`;
      return newest.state === state
        ? undefined
        : `deployment ${newest.id} of ${sha7} is ${newest.state}, expected ${state}`;
    };
  },

  noLiveDeployment(): Check {
    return (snapshot) => {
      const live = snapshot.deployments.filter((d) => d.state === 'success' || d.state === 'in_progress');
      return live.length === 0
        ? undefined
        : `deployments still live: ${live.map((d) => `${d.id} (${d.sha7}, ${d.state})`).join(', ')}`;
    };
  },

  commentSays(text: string): Check {
    return (snapshot) =>
      snapshot.comment?.includes(text)
        ? undefined
        : `the status comment does not say "${text}"${snapshot.comment === undefined ? ' (no comment)' : ''}`;
  },

  githubCallsAtMost(max: number): Check {
    return (snapshot) =>
      snapshot.githubCalls <= max
        ? undefined
        : `${snapshot.githubCalls} GitHub API calls, expected at most ${max}`;
  },
};
