// The claim: of several runs for one click or one push, exactly one builds and deploys a SHA. Its compare-and-swaps
// are the start trigger's removal and the SHA's lock label; what they met goes back to the planner.
import {
  buildingLabel,
  configLabels,
  createdLabel,
  lockLabel,
  requesterLabel,
  shortenRequester,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  ttlLabel,
} from '../core/labels.js';
import type { Actor, ClaimOutcome, Decision, EnvConfig, PrState, Ttl } from '../core/types.js';
import { toSha7 } from '../core/values.js';
import type { Deps } from './context.js';
import { defaultConfig } from './common.js';
import type { PlanRecord } from './plan-record.js';
import type { PrSession } from './session.js';

function leaseFor(deps: Deps, now: Date): Date {
  return new Date(now.getTime() + deps.settings.policy.leaseMinutes * 60_000);
}

/** The labels that describe a new environment while it is being built. */
function buildingLabels(sha7: string, requester: string, ttl: Ttl, config: EnvConfig, now: Date): string[] {
  return [
    TRACKED,
    statusLabel(sha7, 'building'),
    buildingLabel(sha7),
    createdLabel(sha7, now),
    ttlLabel(sha7, ttl),
    requesterLabel(sha7, shortenRequester(requester)),
    ...configLabels(sha7, config),
  ];
}

function lockName(pr: number, sha7: string): string {
  return lockLabel(pr, sha7);
}

export async function claimDeploy(
  deps: Deps,
  session: PrSession,
  planned: Decision,
  actor: Actor,
  replan: (state: PrState, outcome: ClaimOutcome) => Decision,
): Promise<{ decision: Decision; claim?: PlanRecord['claim'] }> {
  let decision = planned;
  const sha = decision.targetSha;
  const sha7 = sha === undefined ? undefined : toSha7(sha);
  if (sha === undefined || sha7 === undefined) {
    // The planner gives every create and rolling update its commit (planner tests); this is a bug, not an input.
    throw new Error(`the planner decided ${decision.action} (${decision.reason}) without a commit to deploy`);
  }
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would claim ${sha7} and write its building labels`);
    return { decision, claim: { sha, lock: lockName(session.number, sha7) } };
  }
  // The trigger label is the first compare-and-swap: of several runs for one click, one removes it.
  if (decision.consume.includes(TRIGGER_START)) {
    const removed = await session.remove([TRIGGER_START]);
    if (removed.length === 0) {
      // Gone already: another run of the same click took it, or a stop or a person removed it; the labels tell which.
      return { decision: replan(session.state(), { kind: 'trigger-gone', sha }) };
    }
  }
  const now = deps.clock();
  const lock = lockName(session.number, sha7);
  const result = await deps.github.acquireLock(lock, deps.run.holder, leaseFor(deps, now), now);
  if (!result.acquired) {
    return { decision: replan(session.state(), { kind: 'lock-held', sha, holder: result.holder }) };
  }
  // Decided again on the labels as they are now that the lock is ours (the planner's `locked` claim).
  const again = replan(await session.refresh(), { kind: 'locked', sha });
  if (again.targetSha !== sha || (again.action !== 'create' && again.action !== 'rolling-update')) {
    await deps.github.releaseLock(lock, deps.run.holder).catch((error: unknown) => {
      deps.log.warning(`could not release ${lock}; it expires on its own: ${String(error)}`);
    });
    return { decision: again };
  }
  decision = again;
  const state = session.state();
  const current = state.environments[sha7];
  const previousConfig = state.active ? state.environments[state.active]?.config : undefined;
  const config = decision.config ?? previousConfig ?? defaultConfig(deps);
  const ttl = state.active
    ? (state.environments[state.active]?.ttl ?? deps.settings.policy.defaultTtl)
    : deps.settings.policy.defaultTtl;
  const requester =
    decision.action === 'rolling-update'
      ? (state.environments[state.active ?? '']?.requester ?? actor.login)
      : actor.login;
  const fresh = buildingLabels(sha7, requester, ttl, config, now);
  // A newer SHA supersedes whatever was building: its run sees the pointer moved and retires itself.
  const stale = [
    ...(state.building && state.building !== sha7 ? [buildingLabel(state.building)] : []),
    ...(current?.labels.filter((label) => !fresh.includes(label)) ?? []),
    ...decision.consume.filter((label) => label !== TRIGGER_START),
  ];
  await session.replace(fresh, stale);
  // The lease as granted: the run step releases a lock far from its expiry without reading it first (no other run
  // can have taken over a lease that has not expired).
  return { decision, claim: { sha, lock, leaseExpiresAt: result.expiresAt?.toISOString() } };
}
