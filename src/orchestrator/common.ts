// Small pieces every orchestration step uses: the outcome of one decision, label writes that honour the GitHub
// dry run, status changes, and the status comment.
import { parseLabel, statusLabel } from '../core/labels.js';
import { renderStatusComment, STATUS_MARKER } from '../core/report.js';
import type { Decision, EnvConfig, Environment, Status } from '../core/types.js';
import type { Deps } from './context.js';
import type { PrSession } from './session.js';

export const nothing = (reason: string, message: string): Decision => ({
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

export function environmentName(pr: number): string {
  return `showtime-pr-${pr}`;
}

export async function writeStatusComment(
  deps: Deps,
  session: PrSession,
  last: {
    message: string;
    outcome: 'done' | 'refused' | 'failed' | 'info';
    actor?: string;
    details: string[];
    urls?: Record<string, string>;
  },
): Promise<void> {
  const body = renderStatusComment({
    state: session.state(),
    lastEvent: { message: last.message, actor: last.actor, outcome: last.outcome },
    urls: last.urls,
    run: deps.run.url ? { url: deps.run.url } : undefined,
    now: deps.clock(),
    defaultSize: deps.settings.policy.defaultSize,
    costPerHour: deps.settings.costPerHour,
    details: last.details,
  });
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: status comment would read:\n${body}`);
    return;
  }
  await deps.github.upsertComment(session.number, STATUS_MARKER, body).catch((error: unknown) => {
    deps.log.warning(`could not update the status comment: ${String(error)}`);
  });
}
