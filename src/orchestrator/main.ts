// The main action: the plan step decides (and claims what it will build, so losers skip the checkout), the run
// step carries the decisions out. State lives in the PR's labels only; the plan step hands its decisions to the run
// step through a JSON file in the runner's temp directory.
import { isWriter } from '../core/approval.js';
import { COMMAND_USAGE, parseCommands } from '../core/commands.js';
import {
  buildingLabel,
  configCommandLabel,
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
import type { PayloadFacts } from '../core/payload.js';
import { parsePayload } from '../core/payload.js';
import { answerRead, answerUnread, answerUnreadable, eventsOf, isGuardedRemoval } from '../core/intake.js';
import { mergeConfigChanges, plan, withConfig } from '../core/planner.js';
import { commandErrorLine, renderReply, renderRunSummary } from '../core/report.js';
import type {
  Actor,
  CommandError,
  ClaimOutcome,
  Decision,
  PlanInput,
  EnvConfig,
  FleetEntry,
  PrState,
  Status,
  Ttl,
} from '../core/types.js';
import { buildPrState } from '../core/state.js';
import { missingCreated } from '../core/state-guard.js';
import { toSha7 } from '../core/values.js';
import type { Deps } from './context.js';
import type { PullSnapshot } from './session.js';
import { PrSession } from './session.js';
import type { Outcome } from './common.js';
import { consume, defaultConfig, nothing, relabel, repoUrlOf, writeStatusComment } from './common.js';
import { reconfigure, extend, setFrozen } from './controls.js';
import type { Claim } from './deploy.js';
import { announce, deploy, destroy } from './deploy.js';

/** Version of the plan record; a reader refuses any other (the plan and the run or deploy of different releases). */
export const PLAN_VERSION = 2;

/** The image the split form's build job builds, as the plan named it (and its digest when the registry had it). */
export interface PlannedImage {
  tag: string;
  digest?: string;
}

export interface PlanRecord {
  version: typeof PLAN_VERSION;
  pr?: number;
  actor?: Actor;
  commentId?: number;
  decisions: Decision[];
  commandErrors: CommandError[];
  /** Set when this run won the claim of a create / rolling update: it holds the lock of that SHA. */
  claim?: Claim;
  buildNeeded: boolean;
  targetSha?: string;
  /** Set by the split form's plan job when this run claimed a build. */
  image?: PlannedImage;
  /**
   * The status comment's id, as the plan step found or created it (GitHub's answer, never text a person wrote): the
   * run step edits it without listing the PR's comments.
   */
  statusCommentId?: number;
  /** The PR as the plan step left it after a claim: the run step's deploy starts from it (see runStep). */
  pull?: PullSnapshot;
}

export interface RunOutcome {
  action: string;
  reason: string;
  status?: Status | 'none';
  url?: string;
  targetSha?: string;
  summary: string;
  /** True when something went wrong that the run should fail for. */
  failed: boolean;
}

function record(decisions: Decision[], extra: Partial<PlanRecord> = {}): PlanRecord {
  const build = decisions.find((decision) => decision.buildNeeded);
  return {
    version: PLAN_VERSION,
    decisions,
    commandErrors: [],
    buildNeeded: build !== undefined && extra.claim !== undefined,
    targetSha: build?.targetSha ?? decisions[0]?.targetSha,
    ...extra,
  };
}

async function actorOf(deps: Deps, login: string): Promise<Actor> {
  try {
    return { login, permission: await deps.github.getPermission(login) };
  } catch (error) {
    // Fail closed: a permission we cannot read is no permission.
    deps.log.warning(`could not read the permission of @${login}, denying: ${String(error)}`);
    return { login, permission: 'unknown' };
  }
}

/** Every environment of the repository, for quotas: one label search, no call per PR. */
async function readFleet(deps: Deps): Promise<FleetEntry[]> {
  // A partial answer undercounts the fleet, so a quota may let one more start through: it never destroys anything.
  const { pulls, incomplete } = await deps.github.searchPullRequests({ labels: [TRACKED], state: 'open' });
  if (incomplete) deps.log.warning('GitHub search returned partial results: the quota count may be low.');
  return pulls.flatMap((pull) => {
    const state = buildPrState({
      number: pull.number,
      headSha: '0'.repeat(40),
      open: pull.open,
      labels: pull.labels,
    });
    return Object.values(state.environments)
      .filter((env) => env.status !== 'failed')
      .map((env) => ({ pr: pull.number, sha: env.sha, requester: env.requester }));
  });
}

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

/**
 * The plan step. Reads the event, decides, and for a create or rolling update claims the work: consumes the trigger
 * label (only one run's DELETE succeeds), takes the SHA's lock (only one run's POST /labels succeeds) and writes the
 * building labels in one call. Events that cannot concern the action cost no API call at all.
 */
export async function planStep(deps: Deps, eventName: string, payload: unknown): Promise<PlanRecord> {
  const facts = parsePayload(eventName, payload);
  const commands =
    facts.kind === 'comment' ? parseCommands(facts.body) : { commands: [], errors: [] as CommandError[] };
  const unread = answerUnread(facts, commands);
  if (unread !== undefined) return record([unread], 'pr' in facts ? { pr: facts.pr } : {});
  if (facts.kind === 'ignored' || facts.kind === 'schedule')
    throw new Error('intake answers every such event');
  const guarded = isGuardedRemoval(facts);
  // Refusals are cheap: anyone on GitHub can comment, so a non-writer's comment costs the permission check and
  // nothing else: no PR read, no reaction, no reply, and none of their text is echoed anywhere.
  const commenter = facts.kind === 'comment' ? await actorOf(deps, facts.sender) : undefined;
  if (facts.kind === 'comment' && commenter && !isWriter(commenter)) {
    return refusedComment(deps, facts, commenter, commands);
  }

  const session = await PrSession.open(deps.github, facts.pr);
  // A removed 📅 is put back as it was by the planner (a fresh one would reset the TTL), so not written here.
  const undated = guarded ? [] : missingCreated(session.state(), deps.clock());
  if (undated.length > 0 && !deps.settings.dryRun.github) {
    // An active environment with no 📅 would never expire: it counts as created now, the first time it is seen so.
    await session.add(undated);
  }
  let state = session.state();
  const read = answerRead(facts, state);
  if (read !== undefined) return record([read], { pr: facts.pr });

  if (facts.kind === 'comment') {
    await deps.github.reactToComment(facts.commentId, 'eyes').catch((error: unknown) => {
      deps.log.warning(`could not react to comment ${facts.commentId}: ${String(error)}`);
    });
  }
  // Closing needs no permission: tearing down is always safe. Everything else is checked, and a failed check denies.
  const actor: Actor =
    facts.kind === 'closed'
      ? { login: facts.sender, permission: 'unknown' }
      : (commenter ?? (await actorOf(deps, facts.sender)));

  const now = deps.clock();
  const events = eventsOf(facts, actor, commands);
  // A dispatch may name an older commit of the PR: only the PR's own commits are candidates (one more read).
  const commits =
    facts.kind === 'dispatch' && facts.sha?.length === 40 && facts.sha !== session.pullRequest.headSha
      ? await deps.github.listPullRequestCommits(facts.pr)
      : undefined;
  // The SHA's lock is not read here (no `lock` for the planner): claiming it is the check. A live lease refuses the
  // claim and an expired one is taken over, so the planner treats an in-progress SHA as claimable and the lock decides.

  const decisions: Decision[] = [];
  let claim: PlanRecord['claim'];
  for (const event of events) {
    const input = { event, state, policy: deps.settings.policy, now, commits };
    // Every decision of this event, first or re-made on fresher facts, is the planner's (repairs and approval included).
    const decideOn = (given: PlanInput): Decision => plan(given);
    let decision = decideOn(input);
    if (decision.reason === 'sha-not-in-pr') {
      // The dispatch names a commit that is not the PR's: nothing is claimed or written, the run fails saying why.
      throw new Error(decision.message);
    }
    if (decision.action === 'create' && hasQuota(deps)) {
      // Only a create can be refused by a quota, so only then is the fleet worth a search.
      decision = decideOn({ ...input, fleet: await readFleet(deps) });
    }
    if (
      decision.reason === 'config-pending' &&
      event.kind === 'command' &&
      event.command.kind === 'configure' &&
      !deps.settings.dryRun.github
    ) {
      // A command has no label to stay pending on: record it as one, so the next deploy applies it.
      await session.add([configCommandLabel(event.command.change)]);
      state = session.state();
    }
    if ((decision.action === 'create' || decision.action === 'rolling-update') && claim === undefined) {
      const replan = (fresh: PrState, outcome: ClaimOutcome): Decision =>
        decideOn({ ...input, state: fresh, claim: outcome });
      const claimed = await claimDeploy(deps, session, decision, actor, replan);
      if (claimed.claim) claim = claimed.claim;
      decision = claimed.decision;
      state = session.state();
    }
    if (decision.action === 'redeploy-config' && decision.config && decision.targetSha) {
      // Later commands of the same comment build on this configuration, not on the one the labels still show.
      state = withConfig(state, decision.targetSha, decision.config);
    }
    decisions.push(decision);
  }
  const unreadable = answerUnreadable(events, commands);
  if (unreadable !== undefined) decisions.push(unreadable);
  const building = decisions.find((decision) => claim !== undefined && decision.targetSha === claim.sha);
  let statusCommentId: number | undefined;
  if (building) {
    // Builds take minutes: the PR shows the claim at once, with the run's logs, rather than when the run ends.
    statusCommentId = await writeStatusComment(deps, session, {
      message: building.message,
      outcome: 'info',
      actor: actor.login,
      details: [],
    });
  }
  return record(mergeConfigChanges(decisions), {
    pr: facts.pr,
    actor,
    commentId: facts.kind === 'comment' ? facts.commentId : undefined,
    commandErrors: commands.errors,
    claim,
    statusCommentId,
    pull: claim === undefined ? undefined : session.snapshot(),
  });
}

/**
 * A non-writer's comment, decided on who wrote it alone: the planner refuses every request of a non-writer before it
 * looks at the PR, so the labels it is given here are none. The record carries no comment id (no reaction) and no
 * command errors (their text is not echoed).
 */
function refusedComment(
  deps: Deps,
  facts: Extract<PayloadFacts, { kind: 'comment' }>,
  actor: Actor,
  commands: ReturnType<typeof parseCommands>,
): PlanRecord {
  const unread = buildPrState({ number: facts.pr, headSha: '0'.repeat(40), open: true, labels: [] });
  const now = deps.clock();
  const decisions = eventsOf(facts, actor, commands).map((event) =>
    plan({ event, state: unread, policy: deps.settings.policy, now }),
  );
  if (decisions.length === 0) {
    decisions.push(
      nothing('not-authorized', `@${actor.login} has no write permission; the comment is ignored.`),
    );
  }
  return record(decisions, { pr: facts.pr, actor });
}

/** A refusal that only answers who asked: it writes nothing a person sees but the removal of the label they added. */
function isSilentRefusal(decision: Decision): boolean {
  return decision.reason === 'not-authorized' && (decision.restore ?? []).length === 0;
}

function hasQuota(deps: Deps): boolean {
  const policy = deps.settings.policy;
  return policy.maxEnvironments !== undefined || policy.maxEnvironmentsPerRequester !== undefined;
}

function lockName(pr: number, sha7: string): string {
  return lockLabel(pr, sha7);
}

async function claimDeploy(
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

// ---------------------------------------------------------------------------------------------------------------
// Run step

export async function runStep(deps: Deps, plan: PlanRecord): Promise<RunOutcome> {
  const first = plan.decisions[0];
  // A 'nothing' that consumes labels (stop wins over start with nothing to stop) still has to remove them, or the
  // stale triggers would answer the next start with "stop wins" (reliability tests: start and stop racing).
  const quiet =
    plan.decisions.every((d) => d.action === 'nothing' && d.consume.length === 0) &&
    plan.commandErrors.length === 0;
  if (plan.pr !== undefined && first !== undefined && plan.decisions.every(isSilentRefusal)) {
    const pr = plan.pr;
    const labels = [...new Set(plan.decisions.flatMap((decision) => decision.consume))];
    for (const label of labels) {
      if (deps.settings.dryRun.github) deps.log.info(`dry run: would remove ${label}`);
      else await deps.github.removeLabel(pr, label);
    }
    return {
      action: first.action,
      reason: first.reason,
      summary: renderRunSummary({ pr, decisions: plan.decisions, outcome: first.message }),
      failed: false,
    };
  }
  if (plan.pr === undefined || first === undefined || quiet) {
    const decision = first ?? nothing('nothing-to-do', 'Nothing to do.');
    return {
      action: decision.action,
      reason: decision.reason,
      targetSha: decision.targetSha,
      summary: renderRunSummary({ pr: plan.pr ?? 0, decisions: plan.decisions, outcome: decision.message }),
      failed: false,
    };
  }
  // A deploy reads the PR again before anything it does rests on the labels (stillOurs, before CreateService), so a
  // run that only deploys the claimed SHA starts from the labels the plan step left: one read fewer. Every other
  // decision acts on the labels as they are now.
  const claimed = plan.claim?.sha;
  const deploysOnly =
    claimed !== undefined &&
    plan.decisions.every(
      (d) => (d.action === 'create' || d.action === 'rolling-update') && d.targetSha === claimed,
    );
  const session =
    deploysOnly && plan.pull !== undefined && plan.pull.number === plan.pr
      ? PrSession.resume(deps.github, plan.pull)
      : await PrSession.open(deps.github, plan.pr);
  const outcomes: Outcome[] = [];
  for (const decision of plan.decisions) {
    outcomes.push(await execute(deps, session, plan, decision));
  }
  const last = outcomes[outcomes.length - 1] ?? { outcome: 'info', message: 'Nothing to do.', failed: false };
  const failed = outcomes.some((outcome) => outcome.failed);
  const details = [
    ...outcomes.flatMap((outcome) => outcome.details ?? []),
    ...plan.commandErrors.map(commandErrorLine),
  ];
  const url = outcomes.map((outcome) => outcome.url).find((u) => u !== undefined);
  const urls = url && plan.targetSha ? { [plan.targetSha.slice(0, 7)]: url } : undefined;
  const sticky = await writeStatusComment(
    deps,
    session,
    {
      message: outcomes.map((outcome) => outcome.message).join(' '),
      outcome: failed ? 'failed' : outcomes.some((o) => o.outcome === 'refused') ? 'refused' : last.outcome,
      actor: plan.actor?.login,
      details,
      urls,
      approval: plan.decisions.find((d) => d.approval !== undefined)?.approval,
    },
    plan.statusCommentId,
  );
  await replyToAsker(deps, session, plan, sticky, urls);
  if (plan.commentId !== undefined) {
    const reaction =
      failed || plan.commandErrors.length > 0 || outcomes.some((o) => o.outcome === 'refused')
        ? 'confused'
        : '+1';
    await deps.github.reactToComment(plan.commentId, reaction).catch(() => undefined);
  }
  const state = session.state();
  const target = plan.targetSha ? state.environments[plan.targetSha.slice(0, 7)] : undefined;
  return {
    action: first.action,
    reason: first.reason,
    targetSha: plan.targetSha,
    status: target?.status ?? 'none',
    url,
    failed,
    summary: renderRunSummary({
      pr: plan.pr,
      decisions: plan.decisions,
      outcome: outcomes.map((outcome) => outcome.message).join(' '),
      url,
    }),
  };
}

async function execute(
  deps: Deps,
  session: PrSession,
  plan: PlanRecord,
  decision: Decision,
): Promise<Outcome> {
  switch (decision.action) {
    case 'create':
    case 'rolling-update':
      if (plan.claim === undefined || decision.targetSha !== plan.claim.sha) {
        return { outcome: 'info', message: decision.message, failed: false };
      }
      return deploy(deps, session, plan.claim, decision);
    case 'stop': {
      await consume(deps, session, decision.consume);
      const stopped = Object.keys(session.state().environments).filter(
        (sha7) => decision.targetSha === undefined || decision.targetSha.startsWith(sha7),
      );
      const outcome = await destroy(deps, session, decision.message, decision.targetSha?.slice(0, 7));
      // The sweep calls destroy() too and announces on its own, so the notice lives here, not in destroy().
      if (!outcome.failed) {
        for (const sha of stopped)
          await announce(deps, { kind: 'destroyed', pr: session.number, sha, reason: decision.reason });
      }
      return outcome;
    }
    case 'redeploy-config':
      return reconfigure(deps, session, decision);
    case 'extend':
      return extend(deps, session, decision);
    case 'freeze':
    case 'unfreeze':
      return setFrozen(deps, session, decision);
    case 'refuse':
      await consume(deps, session, decision.consume);
      if (decision.restore && decision.restore.length > 0) await relabel(deps, session, decision.restore, []);
      return { outcome: 'refused', message: decision.message, failed: false };
    case 'status':
      // The answer goes to the asker in a reply of its own (replyToAsker); the status comment records the state.
      return { outcome: 'info', message: decision.message, failed: false };
    case 'await-approval':
      await consume(deps, session, decision.consume);
      return { outcome: 'info', message: decision.message, failed: false };
    case 'warn-expiry':
      return { outcome: 'info', message: decision.message, failed: false };
    case 'nothing':
      await consume(deps, session, decision.consume);
      return { outcome: 'info', message: decision.message, failed: false };
  }
}

/**
 * `/showtime status` and `/showtime help` are answered where they were asked: a short new comment that mentions the
 * asker (an edit of the status comment far up the thread notifies nobody). Only a writer's command gets here (the
 * planner refuses everyone else's before), and the reply quotes none of the asker's text: their login, the state,
 * and the command list.
 */
async function replyToAsker(
  deps: Deps,
  session: PrSession,
  plan: PlanRecord,
  sticky: number | undefined,
  urls: Record<string, string> | undefined,
): Promise<void> {
  const asks = plan.decisions.filter((d) => d.action === 'status').map((d) => d.reason);
  if (plan.commentId === undefined || plan.actor === undefined || !isWriter(plan.actor)) return;
  if (asks.length === 0) return;
  const body = renderReply({
    asker: plan.actor.login,
    help: asks.includes('help-requested'),
    status: asks.includes('status-requested'),
    state: session.state(),
    urls,
    now: deps.clock(),
    defaultTtl: deps.settings.policy.defaultTtl,
    statusCommentUrl:
      sticky === undefined ? undefined : `${repoUrlOf(deps)}/pull/${session.number}#issuecomment-${sticky}`,
    usage: COMMAND_USAGE,
  });
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would reply:\n${body}`);
    return;
  }
  await deps.github.createComment(session.number, body).catch((error: unknown) => {
    deps.log.warning(`could not reply to @${plan.actor?.login}: ${String(error)}`);
  });
}
