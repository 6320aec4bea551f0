// Small pieces every orchestration step uses: the outcome of one decision, label writes that honour the GitHub
// dry run, status changes, and the status comment.
import { environmentNames } from '../aws/service-names.js';
import { containerLogsUrl } from '../aws/task-definition.js';
import type { ApprovalRequest } from '../core/approval.js';
import { parseLabel, statusLabel } from '../core/labels.js';
import { renderStatusComment, STATUS_MARKER } from '../core/report.js';
import type { Reason } from '../core/reasons.js';
import type { Decision, EnvConfig, Environment, Status } from '../core/types.js';
import type { Deps } from './context.js';
import type { PrSession } from './session.js';

export const nothing = (reason: Reason, message: string): Decision => ({
  action: 'nothing',
  buildNeeded: false,
  reason,
  message,
  consume: [],
});

export function defaultConfig(deps: Deps): EnvConfig {
  return { flags: Object.fromEntries(deps.settings.defaultFlags.map((flag) => [flag, true])), debug: false };
}

export interface Outcome {
  outcome: 'done' | 'refused' | 'failed' | 'info';
  message: string;
  failed: boolean;
  url?: string;
  details?: string[];
}

export async function consume(deps: Deps, session: PrSession, labels: string[]): Promise<void> {
  const present = labels.filter((label) => session.has(label));
  if (present.length === 0) return;
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would remove ${present.join(', ')}`);
    return;
  }
  await session.remove(present);
}

/** Writes labels unless GitHub is dry-run; the session mirror is only updated by real writes. */
export async function relabel(
  deps: Deps,
  session: PrSession,
  add: string[],
  remove: string[],
): Promise<void> {
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would add [${add.join(', ')}] and remove [${remove.join(', ')}]`);
    return;
  }
  await session.replace(add, remove);
}

/**
 * Removes each label with its own call and returns the ones GitHub refused after the adapter's retries, so that one
 * refusal does not leave the others on the PR.
 */
export async function removeEach(deps: Deps, session: PrSession, names: string[]): Promise<string[]> {
  const missed: string[] = [];
  for (const name of new Set(names)) {
    if (!session.has(name)) continue;
    try {
      await relabel(deps, session, [], [name]);
    } catch (error) {
      deps.log.warning(`could not remove ${name}: ${String(error)}`);
      missed.push(name);
    }
  }
  return missed;
}

export function statusLabelsOf(env: Environment | undefined): string[] {
  return (env?.labels ?? []).filter((label) => parseLabel(label).kind === 'status');
}

export async function setStatus(deps: Deps, session: PrSession, sha7: string, status: Status): Promise<void> {
  const env = session.state().environments[sha7];
  const label = statusLabel(sha7, status);
  // Nothing is served at a failed environment's address, nor at one whose teardown is owed (its service is gone, or
  // scaled to zero): a 🌐 kept beside it would send people to an address where nothing answers (reliability tests:
  // the truth after a sweep).
  const address =
    status === 'failed' || status === 'destroying'
      ? (env?.labels ?? []).filter((name) => parseLabel(name).kind === 'address')
      : [];
  await relabel(
    deps,
    session,
    [label],
    [...statusLabelsOf(env).filter((name) => name !== label), ...address],
  );
}

/** `https://github.com/owner/repo`: the runner's server and repository, never anything the PR says. */
export function repoUrlOf(deps: Deps): string {
  const server = (deps.run.server ?? 'https://github.com').replace(/\/+$/, '');
  return `${server}/${deps.github.repo.owner}/${deps.github.repo.repo}`;
}

/** The container-logs page of each environment, when the task definition sends its logs to a log group. */
function containerLogsOf(deps: Deps, pr: number, shas: string[]): Record<string, string> | undefined {
  const { region, logGroup, containerName } = deps.settings.aws;
  if (logGroup === undefined) return undefined;
  return Object.fromEntries(
    shas.map((sha7) => [
      sha7,
      containerLogsUrl({ region, logGroup, family: environmentNames(pr, sha7).family, containerName }),
    ]),
  );
}

export function environmentName(pr: number): string {
  return `showtime-pr-${pr}`;
}

/**
 * Writes the one status comment; returns its id (for links to it, and for the next step of this run to pass back as
 * `verifiedId`), or undefined in a dry run or when it failed. `verifiedId`: the id an earlier step of this workflow
 * run got back from here (the plan record carries it), which spares listing the PR's comments; never an id from a
 * label or anything else a person can write.
 */
export async function writeStatusComment(
  deps: Deps,
  session: PrSession,
  last: {
    message: string;
    outcome: 'done' | 'refused' | 'failed' | 'info';
    actor?: string;
    details: string[];
    urls?: Record<string, string>;
    approval?: ApprovalRequest;
  },
  verifiedId?: number,
): Promise<number | undefined> {
  const state = session.state();
  const body = renderStatusComment({
    state,
    lastEvent: { message: last.message, actor: last.actor, outcome: last.outcome },
    urls: last.urls,
    run: deps.run.url ? { url: deps.run.url } : undefined,
    now: deps.clock(),
    defaultSize: deps.settings.policy.defaultSize,
    defaultTtl: deps.settings.policy.defaultTtl,
    costPerHour: deps.settings.costPerHour,
    details: last.details,
    repoUrl: repoUrlOf(deps),
    containerLogs: containerLogsOf(deps, session.number, Object.keys(state.environments)),
    approval: last.approval,
  });
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: status comment would read:\n${body}`);
    return undefined;
  }
  return deps.github
    .upsertComment(session.number, STATUS_MARKER, body, verifiedId)
    .then((written) => written.id)
    .catch((error: unknown) => {
      deps.log.warning(`could not update the status comment: ${String(error)}`);
      return undefined;
    });
}
