// State labels are maintainers' only. The PR's labels are the action's only record, and GitHub lets anyone with
// triage permission remove a label: removing 🔒 blocked or 🧊 freeze would undo a maintainer's decision, removing a
// 📅 would make an environment never expire, removing 🚦/🎯 could get a live service swept as an orphan. So when
// someone without write permission removes a label the action owns, the action puts it back (and says so), and an
// active environment found without a readable 📅 counts as created the moment the action first sees it missing:
// its 📅 is written back, never read as "no deadline". Pure.
import { BLOCKED, FREEZE, TRACKED, createdLabel, parseLabel } from './labels.js';
import type { Actor, PrState } from './types.js';

/** App and GitHub Actions identities: the action's own writes (with an App token, they trigger events too). */
export function isBot(login: string): boolean {
  return login.endsWith('[bot]');
}

/** Labels whose removal by a non-writer is undone: per-SHA state, the pointers, the index, blocked and freeze. */
export function isOwnedStateLabel(label: string): boolean {
  const kind = parseLabel(label).kind;
  return (
    kind === 'status' ||
    kind === 'created' ||
    kind === 'address' ||
    kind === 'ttl' ||
    kind === 'requester' ||
    kind === 'config' ||
    kind === 'pointer' ||
    kind === 'tracked' ||
    kind === 'freeze' ||
    kind === 'blocked'
  );
}

/**
 * The labels to put back after `actor` removed `label`, read against the PR's labels after the removal: empty when
 * the actor may change state, or when putting it back would contradict the PR as it is now (the environment is gone,
 * another label of that kind took its place, a run stopped it meanwhile).
 */
export function labelsToRestore(
  label: string,
  actor: Actor,
  state: PrState,
  writer: (actor: Actor) => boolean,
): string[] {
  if (writer(actor) || isBot(actor.login) || !isOwnedStateLabel(label)) return [];
  const parsed = parseLabel(label);
  const anything =
    Object.keys(state.environments).length > 0 || state.active !== undefined || state.building !== undefined;
  switch (parsed.kind) {
    case 'freeze':
      return state.frozen ? [] : [FREEZE];
    case 'blocked':
      return state.blocked ? [] : [BLOCKED];
    case 'tracked':
      return anything ? [TRACKED] : [];
    case 'pointer': {
      const taken = parsed.pointer === 'active' ? state.active : state.building;
      return state.environments[parsed.sha] !== undefined && taken === undefined ? [label] : [];
    }
    case 'status':
    case 'created':
    case 'address':
    case 'ttl':
    case 'requester':
    case 'config': {
      if (parsed.sha === undefined) return [];
      const env = state.environments[parsed.sha];
      if (env === undefined) return [];
      const sameKind = env.labels.some((other) => parseLabel(other).kind === parsed.kind);
      return sameKind && parsed.kind !== 'config' ? [] : [label];
    }
    default:
      return [];
  }
}

/** 📅 labels to write for active environments that have none readable: created now, the first time it is seen. */
export function missingCreated(state: PrState, now: Date): string[] {
  const active = state.active === undefined ? undefined : state.environments[state.active];
  if (active === undefined || active.createdAt !== undefined) return [];
  // A 📅 that is there but unreadable stays (it is reported as damaged); only the absence of any is repaired.
  if (active.labels.some((label) => /^🎪 [0-9a-f]{7} 📅 /.test(label))) return [];
  return [createdLabel(active.sha, now)];
}
