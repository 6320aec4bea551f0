// The run step: carries the plan record's decisions out, writes the status comment and answers the asker.
import { isWriter } from '../core/approval.js';
import { COMMAND_USAGE } from '../core/commands.js';
import { commandErrorLine, renderReply, renderRunSummary } from '../core/report.js';
import type { Decision, Status } from '../core/types.js';
import type { Deps } from './context.js';
import type { Outcome } from './common.js';
import { consume, nothing, relabel, repoUrlOf, writeStatusComment } from './common.js';
import { reconfigure, extend, setFrozen, sleep, wake } from './controls.js';
import { announce, deploy } from './deploy.js';
import { destroy } from './teardown.js';
import type { PlanRecord } from './plan-record.js';
import { PrSession } from './session.js';

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

/** A refusal that only answers who asked: it writes nothing a person sees but the removal of the label they added. */
function isSilentRefusal(decision: Decision): boolean {
  return decision.reason === 'not-authorized' && (decision.restore ?? []).length === 0;
}

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
    case 'sleep':
      return sleep(deps, session, decision);
    case 'wake':
      return wake(deps, session, decision);
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
