// The plan step: reads the event, decides, and for a create or rolling update claims the work. Events that cannot
// concern the action cost no API call at all (core/intake.ts).
import { isWriter } from '../core/approval.js';
import { parseCommands } from '../core/commands.js';
import { answerRead, answerUnread, answerUnreadable, eventsOf, isGuardedRemoval } from '../core/intake.js';
import { configCommandLabel, TRACKED } from '../core/labels.js';
import type { PayloadFacts } from '../core/payload.js';
import { parsePayload } from '../core/payload.js';
import { mergeConfigChanges, plan, withConfig } from '../core/planner.js';
import type {
  Actor,
  CommandError,
  Decision,
  FleetEntry,
  PlanInput,
  ClaimOutcome,
  PrState,
} from '../core/types.js';
import { buildPrState, UNKNOWN_HEAD } from '../core/state.js';
import { missingCreated } from '../core/state-guard.js';
import type { Deps } from './context.js';
import { phase } from './context.js';
import { claimDeploy } from './claim.js';
import { nothing, writeStatusComment } from './common.js';
import type { PlanRecord } from './plan-record.js';
import { record } from './plan-record.js';
import { PrSession } from './session.js';

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
      headSha: UNKNOWN_HEAD,
      open: pull.open,
      labels: pull.labels,
    });
    return Object.values(state.environments)
      .filter((env) => env.status !== 'failed')
      .map((env) => ({ pr: pull.number, sha: env.sha, requester: env.requester }));
  });
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
      const planned = decision;
      const claimed = await phase(deps.log, `Claim ${planned.targetSha?.slice(0, 7) ?? ''}`, () =>
        claimDeploy(deps, session, planned, actor, replan),
      );
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
  const unread = buildPrState({ number: facts.pr, headSha: UNKNOWN_HEAD, open: true, labels: [] });
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

function hasQuota(deps: Deps): boolean {
  const policy = deps.settings.policy;
  return policy.maxEnvironments !== undefined || policy.maxEnvironmentsPerRequester !== undefined;
}
