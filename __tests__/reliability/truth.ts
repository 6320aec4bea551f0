// "Labels describe the truth", defined once and used by every reliability test.
//
// The truth is what ECS runs (moto, read directly, never through the fault proxy) and which runs hold a live lock.
// For one PR, its labels describe the truth when:
//   1. they are well formed: buildPrState reports no problem (one 🎯 at most, one 🏗️ at most, one value per field),
//      except a failed environment that no pointer names, which is how a failed deploy is left on purpose;
//   2. every environment that says it is served (🚦 running, updating, configuring) has an ACTIVE ECS service, and
//      its 🌐 is the address ECS gives its task (the only address the scheduler stand-in hands out, on the port the
//      action was told);
//   3. every environment that says it is in progress (building, built, deploying, destroying) is held by a run: its
//      lock label exists with a lease that has not run out. At rest (no run in flight) nothing is in progress, except
//      a `destroying` that no run holds: a teardown that failed, whose deletion is owed (no 🌐; the sweep retries it;
//      counted as a leftover);
//   4. 🎯 points at a served environment, at one whose deletion is owed, or at a failed one (kept on purpose: the
//      sweep keeps 🎯 on an environment whose service vanished so that its TTL still retires it); a failed
//      environment has no 🌐, since nothing answers there; 🏗️ points at an environment in progress (so, at rest,
//      there is none);
//   5. TRACKED is on the PR exactly when the PR has environment labels (the sweep finds PRs by it alone);
//   6. every environment has a 🚦 status.
// And ECS agrees with the labels when every ACTIVE service showtime manages is claimed by its PR's labels (any
// status): a service no label claims is a leak. A `failed` environment whose service is still ACTIVE is honest (the
// labels say the deletion failed) but costs money: it is counted apart, as a leftover.
import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import type { Service } from '@aws-sdk/client-ecs';
import { parseServiceName } from '../../src/aws/service-names.js';
import { isManaged, parseEnvironmentTags } from '../../src/aws/tags.js';
import { lockLabel, parseLabel, TRACKED } from '../../src/core/labels.js';
import { parseLockDescription } from '../../src/core/locks.js';
import { buildPrState, UNKNOWN_HEAD } from '../../src/core/state.js';
import type { Status } from '../../src/core/types.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { CLUSTER, FULL, TASK_IP } from '../../test-support/action-world.js';

const SERVED: ReadonlySet<Status> = new Set(['running', 'updating', 'configuring']);
const IN_PROGRESS: ReadonlySet<Status> = new Set(['building', 'built', 'deploying', 'destroying']);

export interface ManagedServiceView {
  name: string;
  pr: number;
  sha: string;
}

export interface TruthReport {
  /** Labels that say something ECS or the locks contradict (rules 1-6), as readable sentences. */
  lies: string[];
  /** ACTIVE managed services that no label claims. */
  leaks: string[];
  /** `failed` environments whose service is still ACTIVE. */
  leftovers: string[];
  /** Every ACTIVE managed service, for the tests' own assertions. */
  services: ManagedServiceView[];
}

export interface TruthOptions {
  /** The PRs to judge (default: every PR of the repository that has a label). */
  prs?: number[];
  /** No run is in flight: nothing may be in progress, whatever the locks say. */
  atRest: boolean;
  /** The container port the action deploys with (the 🌐 port). */
  port: number;
  /** Judges leases at this time (default: now). */
  now?: Date;
}

/** Every ACTIVE service showtime manages (by its tags, else by its name), read from moto directly. */
export async function managedServices(world: ActionWorld): Promise<ManagedServiceView[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await world.clients.ecs.send(
      new ListServicesCommand({ cluster: CLUSTER, maxResults: 100, nextToken }),
    );
    arns.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const services: Service[] = [];
  for (let i = 0; i < arns.length; i += 10) {
    const described = await world.clients.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: arns.slice(i, i + 10), include: ['TAGS'] }),
    );
    services.push(...(described.services ?? []));
  }
  return services.flatMap((service) => {
    const name = service.serviceName ?? '';
    const fromName = parseServiceName(name);
    if (service.status !== 'ACTIVE' || (!isManaged(service.tags) && fromName === undefined)) return [];
    const tags = parseEnvironmentTags(service.tags);
    const pr = tags.pr ?? fromName?.pr;
    const sha = tags.sha ?? fromName?.sha;
    return pr === undefined || sha === undefined ? [] : [{ name, pr, sha }];
  });
}

function numbersWithLabels(world: ActionWorld): number[] {
  const repo = world.github.store.repo(FULL);
  return [...repo.issues.values()]
    .filter((issue) => world.labels(issue.number).length > 0)
    .map((issue) => issue.number);
}

function liveLock(world: ActionWorld, pr: number, sha: string, now: Date): boolean {
  const lock = world.github.store.findLabel(FULL, lockLabel(pr, sha));
  const lease = lock ? parseLockDescription(lock.description ?? '') : undefined;
  return lease !== undefined && lease.expiresAt.getTime() > now.getTime();
}

/** Judges the labels of the PRs against ECS and the locks; see the module comment for the rules. */
export async function observeTruth(world: ActionWorld, options: TruthOptions): Promise<TruthReport> {
  const now = options.now ?? new Date();
  const services = await managedServices(world);
  const served = new Set(services.map((s) => `${s.pr}/${s.sha}`));
  const prs = options.prs ?? numbersWithLabels(world);
  const lies: string[] = [];
  const leftovers: string[] = [];
  const claimed = new Set<string>();

  for (const pr of prs) {
    const labels = world.labels(pr);
    const issue = world.github.store.issue(FULL, pr);
    const state = buildPrState({ number: pr, headSha: UNKNOWN_HEAD, open: issue.state === 'open', labels });
    const lie = (text: string): void => {
      lies.push(`#${pr}: ${text} (labels: ${labels.join(' | ')})`);
    };
    for (const problem of state.problems) {
      const unpointedFailure =
        problem.code === 'status-without-pointer' &&
        Object.values(state.environments).some(
          (env) => env.status === 'failed' && problem.labels.every((label) => env.labels.includes(label)),
        );
      if (!unpointedFailure) lie(`damaged: ${problem.message}`);
    }
    const envs = Object.values(state.environments);
    for (const env of envs) {
      const id = `${pr}/${env.sha}`;
      claimed.add(id);
      const status = env.status;
      if (status === undefined) {
        lie(`${env.sha} has labels but no status`);
        continue;
      }
      if (SERVED.has(status)) {
        if (!served.has(id)) lie(`${env.sha} says ${status} but ECS has no ACTIVE service for it`);
        const address = env.address;
        if (address === undefined) lie(`${env.sha} says ${status} but has no 🌐 address`);
        else if (address.host !== TASK_IP || address.port !== options.port) {
          lie(`${env.sha}'s 🌐 ${address.host}:${address.port} is not where ECS runs it`);
        }
      }
      const owed = status === 'destroying' && !liveLock(world, pr, env.sha, now);
      if (owed) {
        // A teardown that failed: the labels say a deletion is owed, and the sweep retries it.
        if (env.address !== undefined) lie(`${env.sha} owes a deletion but still shows a 🌐 address`);
        leftovers.push(`#${pr}: ${env.sha} owes a deletion${served.has(id) ? ', its service ACTIVE' : ''}`);
      } else if (IN_PROGRESS.has(status)) {
        if (options.atRest) lie(`${env.sha} says ${status} although no run is in flight`);
        else if (!liveLock(world, pr, env.sha, now))
          lie(`${env.sha} says ${status} but no run holds its lock`);
      }
      if (status === 'failed' && env.address !== undefined)
        lie(`${env.sha} is failed but still shows a 🌐 address`);
      if (status === 'failed' && served.has(id))
        leftovers.push(`#${pr}: ${env.sha} is failed, its service ACTIVE`);
    }
    if (state.active !== undefined) {
      const status = state.environments[state.active]?.status;
      if (status === undefined || (!SERVED.has(status) && status !== 'failed' && status !== 'destroying')) {
        lie(`🎯 ${state.active} points at a ${status ?? 'missing'} environment`);
      }
    }
    if (state.building !== undefined) {
      const status = state.environments[state.building]?.status;
      if (status === undefined || !IN_PROGRESS.has(status) || options.atRest) {
        lie(
          `🏗️ ${state.building} points at a ${status ?? 'missing'} environment${options.atRest ? ' at rest' : ''}`,
        );
      }
    }
    const tracked = labels.some((label) => parseLabel(label).kind === 'tracked');
    const hasState = envs.length > 0 || state.active !== undefined || state.building !== undefined;
    if (hasState && !tracked) lie(`environment labels without ${TRACKED}: the sweep cannot find them`);
    if (!hasState && tracked && options.atRest) lie(`${TRACKED} on a PR without environment labels`);
  }

  const judged = new Set(prs);
  const leaks = services
    .filter((s) => judged.has(s.pr) || options.prs === undefined)
    .filter((s) => !claimed.has(`${s.pr}/${s.sha}`))
    .map((s) => `service ${s.name} (PR #${s.pr}, ${s.sha}) is ACTIVE but no label claims it`);
  return { lies, leaks, leftovers, services };
}

/** Human-readable summary of a report, for failure messages. */
export function describeTruth(report: TruthReport): string {
  return [
    `${report.lies.length} lie(s), ${report.leaks.length} leak(s), ${report.leftovers.length} leftover(s)`,
    ...report.lies.map((line) => `  lie: ${line}`),
    ...report.leaks.map((line) => `  leak: ${line}`),
    ...report.leftovers.map((line) => `  leftover: ${line}`),
  ].join('\n');
}
