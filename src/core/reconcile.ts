// The sweep's reconciler: from what one sweep has read (the PRs' labels, the managed services, the repository's
// labels with their leases) and the clock it was given, which environment needs a write, which service, leftover or
// label definition may go. It decides only. Anything destructive that rests on the search (an orphan service, a
// leftover, a label definition) comes out as a *candidate*: the sweep confirms it with a consistent read of its own
// (the PR read again, the issues listing) and confirmUnclaimed / confirmUncarried say whether to act on that read.
import type { LabelDefinition } from './labels.js';
import { CIRCUS, lockLabel, parseLabel } from './labels.js';
import { fencedLeaseText, fencedLockName, fenceName, isFenceName, parseLockDescription } from './locks.js';
import { plan } from './planner.js';
import { missingCreated } from './state-guard.js';
import { BUSY, SERVED } from './statuses.js';
import type { Address, Decision, Lease, Policy, PrState } from './types.js';

/** What the reconciler needs of a managed ECS service (aws/ecs.ts's ManagedService has it). */
export interface ServiceSummary {
  serviceName: string;
  /** From the tags, else from the service name; undefined only when both are damaged. */
  pr?: number;
  sha?: string;
  createdAt?: Date;
  status: string;
}

/** Something a teardown should have deleted with its environment (an image tag, an admin password). */
export interface LeftoverSummary {
  pr: number;
  sha7: string;
  createdAt?: Date;
}

/** Everything one sweep knows at the moment it asks. */
export interface SweepView {
  now: Date;
  policy: Policy;
  orphanGraceMinutes: number;
  /** Every PR's state and labels, by number (as last read). */
  prs: ReadonlyMap<number, { state: PrState; labels: readonly string[] }>;
  /** Undefined when ECS could not be listed: nothing that rests on the listing is decided then. */
  services: readonly ServiceSummary[] | undefined;
  /** The repository's labels by lower-cased name (empty when the sweep did not list them). */
  labels: ReadonlyMap<string, LabelDefinition>;
  /** `pr/sha` of the environments a stop of this sweep already went through. */
  handled: ReadonlySet<string>;
  /**
   * Public-IP mode: where the task of each running environment's service answers now, by `pr/sha`. Undefined when
   * not read (load-balancer mode, whose address never moves, or ECS could not be read): no address is refreshed.
   */
  addresses?: ReadonlyMap<string, Address>;
}

export const envKey = (pr: number, sha: string): string => `${pr}/${sha}`;

/** The lease of lock `name`, when the repository has that label with a lease in it. */
export function leaseOf(view: SweepView, name: string): Lease | undefined {
  const label = view.labels.get(name.toLowerCase());
  return label ? parseLockDescription(label.description) : undefined;
}

export function isLive(view: Pick<SweepView, 'now'>, lease: Lease | undefined): boolean {
  return lease !== undefined && lease.expiresAt.getTime() > view.now.getTime();
}

/** The lock of the SHA a run would be working on, for the planner's lease-expired rule. */
function planLease(view: SweepView, state: PrState): Lease | undefined {
  const sha = state.building ?? Object.values(state.environments).find((env) => BUSY.has(env.status))?.sha;
  return sha === undefined ? undefined : leaseOf(view, lockLabel(state.number, sha));
}

/** The planner's answer for a scheduled look at this PR. */
export function decideSchedule(view: SweepView, state: PrState): Decision {
  return plan({
    event: { kind: 'schedule' },
    state,
    policy: view.policy,
    now: view.now,
    lock: planLease(view, state),
  });
}

/** True while any run holds a lock of this PR: its labels and services may be mid-change. */
export function prIsLocked(view: SweepView, pr: number): boolean {
  return [...view.labels.values()].some((label) => {
    const parsed = parseLabel(label.name);
    return (
      parsed.kind === 'lock' && parsed.pr === pr && isLive(view, parseLockDescription(label.description))
    );
  });
}

/** Environments whose labels say a service serves them, while ECS has no live service for them. */
export function missingServices(view: SweepView, state: PrState): string[] {
  if (view.services === undefined || prIsLocked(view, state.number)) return [];
  const live = new Set(
    view.services.flatMap((s) => (s.status === 'ACTIVE' && s.pr && s.sha ? [envKey(s.pr, s.sha)] : [])),
  );
  // Services of environments labelled by an earlier generation were never tagged: their absence proves nothing.
  const legacy = new Set(state.legacyLabels);
  return Object.values(state.environments)
    .filter((env) => SERVED.has(env.status) && !live.has(envKey(state.number, env.sha)))
    .filter((env) => !env.labels.some((label) => legacy.has(label)))
    .filter((env) => !view.handled.has(envKey(state.number, env.sha)))
    .map((env) => env.sha);
}

/**
 * Running environments whose 🌐 label no longer says where their task answers: Fargate replaced the task (it failed
 * its checks, was retired for maintenance, or a Spot task was reclaimed) and the new one has another IP. Nothing is
 * decided while a run holds a lock of the PR, or for an environment whose task is between two (no address now).
 */
export function movedAddresses(view: SweepView, state: PrState): { sha: string; address: Address }[] {
  if (view.addresses === undefined || prIsLocked(view, state.number)) return [];
  const addresses = view.addresses;
  return Object.values(state.environments).flatMap((env) => {
    const key = envKey(state.number, env.sha);
    const now = addresses.get(key);
    if (env.status !== 'running' || now === undefined || view.handled.has(key)) return [];
    // A replacement runs the same task definition, so only the IP moves: the port stays the label's (the sweep does
    // not know the container port).
    if (env.address?.host === now.host) return [];
    return [{ sha: env.sha, address: { host: now.host, port: env.address?.port ?? now.port } }];
  });
}

/** A closed PR that carries only the index label: untracking it keeps it out of every later search. */
export function onlyTracked(state: PrState, labels: readonly string[]): boolean {
  return (
    !state.open &&
    state.active === undefined &&
    state.building === undefined &&
    Object.keys(state.environments).length === 0 &&
    labels.some((label) => parseLabel(label).kind === 'tracked')
  );
}

/** Whether this PR calls for a write (and so for a fresh read of it). */
export function needsAction(view: SweepView, state: PrState, labels: readonly string[]): boolean {
  const action = decideSchedule(view, state).action;
  return (
    action === 'stop' ||
    action === 'warn-expiry' ||
    action === 'sleep' ||
    missingServices(view, state).length > 0 ||
    movedAddresses(view, state).length > 0 ||
    missingCreated(state, view.now).length > 0 ||
    onlyTracked(state, labels)
  );
}

/**
 * A sweep is quiet when, by the search results and the service listing alone, nothing can be due: no PR whose
 * planner decision or labels call for a write, no environment a run may be busy with (its lease would matter), no
 * environment whose service is missing, no service that no PR claims. Conservative: `view` has no repository labels
 * yet, so every check assumes no lock is held, and anything a lock could change makes the sweep not quiet.
 */
export function isQuiet(
  view: SweepView,
  pulls: readonly { state: PrState; labels: readonly string[] }[],
): boolean {
  if (view.services === undefined) return false;
  const claimed = new Set<string>();
  for (const { state, labels } of pulls) {
    const busy =
      state.building !== undefined || Object.values(state.environments).some((env) => BUSY.has(env.status));
    if (busy || needsAction(view, state, labels)) return false;
    if (labels.some((label) => parseLabel(label).kind === 'lock')) return false;
    for (const sha of Object.keys(state.environments)) claimed.add(envKey(state.number, sha));
  }
  return view.services.every(
    (service) =>
      service.status !== 'ACTIVE' ||
      service.pr === undefined ||
      service.sha === undefined ||
      claimed.has(envKey(service.pr, service.sha)),
  );
}

function claimedEnvironments(view: SweepView): Set<string> {
  const claimed = new Set<string>();
  for (const { state } of view.prs.values()) {
    for (const sha of Object.keys(state.environments)) claimed.add(envKey(state.number, sha));
  }
  return claimed;
}

export type OrphanVerdict<S extends ServiceSummary = ServiceSummary> =
  /** Nothing identifies what it belongs to: reported, never deleted. */
  | { kind: 'keep-unidentified'; service: S }
  /** No PR claims it yet, but it may be a start whose labels are not written yet. */
  | { kind: 'keep-young'; service: S; pr: number }
  /** No PR's labels claim it: deleted once a fresh read of its PR confirms (confirmUnclaimed). */
  | { kind: 'orphan-candidate'; service: S; pr: number; sha: string };

/**
 * Active managed services no PR claims. Claimed ones, those a stop of this sweep went through and those whose lock
 * is live yield nothing; a service without a created-at tag cannot be dated and is a candidate (the fresh read
 * decides).
 */
export function orphanVerdicts<S extends ServiceSummary>(
  view: SweepView & { services: readonly S[] | undefined },
): OrphanVerdict<S>[] {
  if (view.services === undefined) return [];
  const claimed = claimedEnvironments(view);
  const graceMs = view.orphanGraceMinutes * 60_000;
  const verdicts: OrphanVerdict<S>[] = [];
  for (const service of view.services) {
    if (service.status !== 'ACTIVE') continue;
    const { pr, sha } = service;
    if (pr === undefined || sha === undefined) {
      verdicts.push({ kind: 'keep-unidentified', service });
      continue;
    }
    const id = envKey(pr, sha);
    if (claimed.has(id) || view.handled.has(id)) continue;
    if (isLive(view, leaseOf(view, lockLabel(pr, sha)))) continue;
    if (service.createdAt && view.now.getTime() - service.createdAt.getTime() < graceMs) {
      verdicts.push({ kind: 'keep-young', service, pr });
      continue;
    }
    verdicts.push({ kind: 'orphan-candidate', service, pr, sha });
  }
  return verdicts;
}

/**
 * Leftovers no environment claims: not claimed by a PR's labels, a listed (not inactive) service or a live lock,
 * and older than the grace. Undefined services: nothing, since what runs cannot be told from what was left.
 */
export function leftoverCandidates<L extends LeftoverSummary>(view: SweepView, leftovers: readonly L[]): L[] {
  if (view.services === undefined) return [];
  const claimed = claimedEnvironments(view);
  for (const service of view.services) {
    if (service.status !== 'INACTIVE' && service.pr && service.sha)
      claimed.add(envKey(service.pr, service.sha));
  }
  const graceMs = view.orphanGraceMinutes * 60_000;
  return leftovers.filter((leftover) => {
    if (claimed.has(envKey(leftover.pr, leftover.sha7))) return false;
    if (isLive(view, leaseOf(view, lockLabel(leftover.pr, leftover.sha7)))) return false;
    return !(leftover.createdAt && view.now.getTime() - leftover.createdAt.getTime() < graceMs);
  });
}

/**
 * The second step of every deletion that rests on the search: the SHAs a fresh read of the PR claims (undefined
 * when it could not be read; an empty set when the PR is gone). Only a read that shows no claim licenses it.
 */
export function confirmUnclaimed(sha: string, claims: ReadonlySet<string> | undefined): 'act' | 'keep' {
  return claims !== undefined && !claims.has(sha) ? 'act' : 'keep';
}

/** The same for a label definition: only a consistent listing that shows nothing carries it licenses deleting it. */
export function confirmUncarried(carriers: { carried: boolean } | undefined): 'act' | 'keep' {
  return carriers !== undefined && !carriers.carried ? 'act' : 'keep';
}

/** A fence is stale once its lock is not live and the lease it fenced ended more than a lease ago. */
export function fenceIsStale(view: SweepView, fence: LabelDefinition): boolean {
  if (isLive(view, leaseOf(view, fencedLockName(fence.name) ?? ''))) return false;
  const leaseText = fencedLeaseText(fence.description);
  const fenced = leaseText === undefined ? undefined : parseLockDescription(leaseText);
  const leaseMs = view.policy.leaseMinutes * 60_000;
  return fenced === undefined || fenced.expiresAt.getTime() + leaseMs <= view.now.getTime();
}

/**
 * An expired lock may go, unless a takeover of exactly this expired lease is under way (its fence exists and is
 * not stale). A run that takes the lock over between our listing and our DELETE loses it; that run then holds no
 * label, the next acquirer creates a fresh one, and the 🏗️ pointer still tells the two runs apart.
 */
export function lockIsDeletable(view: SweepView, lock: LabelDefinition): boolean {
  if (isLive(view, parseLockDescription(lock.description))) return false;
  const fence = view.labels.get(fenceName(lock.name, lock.description).toLowerCase());
  return fence === undefined || fenceIsStale(view, fence);
}

export type LabelVerdict =
  /** A lock or fence: its own text proves it unused (leases are not in the search index). */
  | { kind: 'delete-label'; name: string; why: string }
  /** A state label or pointer the search shows unused: deleted once the issues listing confirms (confirmUncarried). */
  | { kind: 'label-candidate'; name: string };

/**
 * Which 🎪 repository labels may be deleted. Never: the catalogue, triggers, 🧊/🔒, `conf-*` commands (a small
 * vocabulary people reuse), malformed labels (not ours to judge), live locks. State labels and pointers are
 * candidates when no PR carries them and their SHA is not claimed by any PR, service or live lock. Expired locks
 * and stale fences go as lockIsDeletable and fenceIsStale say.
 */
export function labelVerdicts(view: SweepView): LabelVerdict[] {
  const used = new Set<string>();
  const claimedShas = new Set<string>();
  for (const { state, labels } of view.prs.values()) {
    for (const label of labels) used.add(label.toLowerCase());
    for (const sha of Object.keys(state.environments)) claimedShas.add(sha);
  }
  for (const service of view.services ?? []) if (service.sha) claimedShas.add(service.sha);
  for (const label of view.labels.values()) {
    const parsed = parseLabel(label.name);
    if (parsed.kind === 'lock' && parsed.sha && isLive(view, parseLockDescription(label.description))) {
      claimedShas.add(parsed.sha);
    }
  }
  const verdicts: LabelVerdict[] = [];
  for (const label of view.labels.values()) {
    const name = label.name;
    if (!name.startsWith(`${CIRCUS} `)) continue;
    if (isFenceName(name)) {
      if (fenceIsStale(view, label))
        verdicts.push({ kind: 'delete-label', name, why: 'stale fence of a lock takeover' });
      continue;
    }
    const parsed = parseLabel(name);
    if (parsed.kind === 'lock') {
      if (lockIsDeletable(view, label)) verdicts.push({ kind: 'delete-label', name, why: 'expired lock' });
      continue;
    }
    const isState = parsed.kind === 'pointer' || 'form' in parsed;
    if (!isState || used.has(name.toLowerCase())) continue;
    const sha = 'sha' in parsed ? parsed.sha : undefined;
    if (sha !== undefined && claimedShas.has(sha)) continue;
    verdicts.push({ kind: 'label-candidate', name });
  }
  return verdicts;
}
