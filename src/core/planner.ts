// The planner: one event on one PR, plus what the PR's labels say, in; one decision out. Pure: no I/O, no clock
// (`now` is passed in), nothing thrown, the input never modified. The rules, in the order they are applied:
//
// Authorization fails closed. A writer is an actor whose permission is admin, maintain or write; `unknown` (the
// permission check failed) is never a writer.
// - `closed` tears down whatever exists, whoever closed the PR: cleanup is always safe. Pending start/stop trigger
//   labels are consumed so a reopened PR does not carry a stale request.
// - A non-writer's request (a showtime label added or removed, a command, a dispatch) is refused `not-authorized`
//   and the label they added is consumed, `testenv-up` included: otherwise a triage user could leave a trigger for
//   the next maintainer event to pick up. Labels showtime does not own are ignored whoever adds them, and removing a
//   trigger or conf label is how runs consume them, so neither is ever refused.
// - A push by a non-writer (a fork's author, usually) goes through the same checks as a writer's push below, but
//   where a writer's push would deploy it yields `await-approval`: a maintainer approves that one commit with
//   `/showtime start <40-hex>`, and the environment keeps serving the commit it had.
// - Fork PRs: every decision that would build a commit of a fork goes through approval.ts last, which turns it into
//   `await-approval` unless a writer named that very commit in full (see there for the rule and why).
//
// Start (label TRIGGER_START or `testenv-up`, `/showtime start [sha]`, dispatch [sha]):
// - the stop trigger on the PR as well → stop wins, both triggers consumed (whichever event came first);
// - a closed PR → refuse `pr-not-open`; BLOCKED → refuse `blocked`;
// - the target is the SHA the event pins: the labeled event's head, the command's sha (which must be a prefix of
//   the PR head, else `sha-not-head`), the dispatch's sha (a prefix of the head, or the full SHA of a commit of the
//   PR, which the caller read into `commits`; else `sha-not-in-pr`) or else the head.
//   A pinned commit that is no longer the head is still deployed, since it is what was approved, with reason
//   `pinned-sha-not-head`; the newer commit's own push event takes it from there;
// - an environment for the target exists: running → `redeploy-config` (same image, current config); in progress →
//   `nothing` while the PR's lock is live, else take over; failed or unreadable → rebuild (`retry-failed-sha`);
// - whether a build becomes `create` or `rolling-update` depends only on whether another environment of the PR is
//   live (running or in progress): a live one keeps serving until its successor is healthy. Quotas apply to
//   `create` only, counting the fleet outside this PR; without a fleet (the caller did not look) there is no quota;
// - FREEZE does not stop an explicit start: it only stops following pushes.
// Every answer to a start consumes TRIGGER_START (a refusal answers it too); `testenv-up` is state in the workflow
// this action replaces and is never consumed. Pending conf labels are consumed only when a deployment applies them.
//
// Stop (TRIGGER_STOP, `/showtime stop`, removal of `testenv-up`) proceeds when blocked or frozen: `stop` when any
// environment or pointer exists, else `nothing-to-stop`; the stop (and start) trigger is consumed either way.
// A `stop` decision without targetSha tears down every environment of the PR; with one, only that environment.
//
// BLOCKED forbids create, update, configure and extend; stop, close and expiry still work. Adding it is `nothing`
// `blocked`; removing it is `unblocked` and starts nothing. FREEZE (label or command) → `freeze`; unfreeze →
// `unfreeze`, or a `rolling-update` `unfrozen-behind-head` when the active environment is behind the head and the
// PR is not blocked. The unfreeze command consumes FREEZE so the run removes it.
//
// Push (synchronize): blocked → `blocked`; frozen → `frozen`; no environment → `no-environment`, except with
// `testenv-up` on the PR, which creates one as the old workflow did; active environment at the head →
// `up-to-date`; the head already being built under a live lock → `already-in-progress`; otherwise a
// `rolling-update` to the pushed SHA, superseding whatever is running or in progress.
//
// Configuration (a conf label added, a configure command): blocked → refuse; a running active environment →
// `redeploy-config` with its config plus every pending conf change and the command's change, in that order, all conf
// labels consumed; otherwise `config-pending`: the labels stay and the next deployment applies them.
// extend / keep-alive (TTL `close`) → `extend` of the active (else the building) environment, `no-environment`
// when there is none. status and help → `status`. `reopened` starts nothing (add the start label to deploy).
//
// The sweep (schedule, one PR at a time): a closed PR with anything left → `stop` `leftover-closed-pr`; the active
// environment past its TTL (its own, else the policy default, counted from its 📅) → `stop` `ttl-expired`; an
// environment left `destroying` (its teardown failed) while no live lock exists → `stop` `deletion-owed` of it; an
// environment in progress, older than the lease, while no live lock exists → `stop` `lease-expired` of that
// environment alone (a missing 📅 counts as old, since no run holds the lock); within the warning window of the TTL
// → `warn-expiry`. TTLs `close` and `manual` never expire; an active environment without 📅 has no known deadline
// and is left alone (the PR state reports the damaged labels).
import { sleepIsDue } from './schedule.js';
import { BUSY, DEPLOYING, IN_PROGRESS } from './statuses.js';
import type {
  ActionKind,
  Actor,
  ClaimOutcome,
  ConfigChange,
  Decision,
  EnvConfig,
  Environment,
  Lease,
  PlanInput,
  PrState,
  ShowtimeEvent,
  Ttl,
} from './types.js';
import { approvalCommand, isWriter, requireApproval } from './approval.js';
import {
  BLOCKED,
  buildingLabel,
  FREEZE,
  LEGACY_TRIGGER,
  parseLabel,
  TRIGGER_START,
  TRIGGER_STOP,
} from './labels.js';
import { inlineCode } from './markdown.js';
import { labelsToRestore } from './state-guard.js';
import {
  describeTtl,
  FORMS,
  formatDuration,
  formatTime,
  MAX_TTL_HOURS,
  parseFullSha,
  parseSha,
  sha7Of,
  toSha7,
  ttlDeadline,
} from './values.js';
import type { Sha, Sha7 } from './values.js';

import type { Reason } from './reasons.js';

export { REASONS } from './reasons.js';
export type { Reason } from './reasons.js';

export { isWriter };

export function plan(input: PlanInput): Decision {
  if (input.claim !== undefined) return planClaim(input, input.claim);
  // A repair rebuilds the head, and answers to the approval rule like any other build.
  return requireApproval(input, repairIfDamaged(planEvent(input), input.state));
}

/** A create or rolling update decided again on what claiming it met; `create`/`rolling-update` of `sha` goes on. */
function planClaim(input: PlanInput, claim: ClaimOutcome): Decision {
  const sha7 = toSha7(claim.sha) ?? claim.sha.slice(0, 7);
  const { state } = input;
  switch (claim.kind) {
    case 'trigger-gone': {
      const taken = state.building === sha7 || state.environments[sha7] !== undefined;
      return taken
        ? decide(
            'nothing',
            'claimed-by-another-run',
            `Another run already took the start request for ${sha7}.`,
          )
        : decide(
            'nothing',
            'start-withdrawn',
            `The start request for ${sha7} was withdrawn before this run could take it (a stop, which wins over a start, or a person removed it).`,
          );
    }
    case 'lock-held':
      return decide(
        'nothing',
        'already-in-progress',
        `${sha7} is already being deployed by ${claim.holder ?? 'another run'}.`,
      );
    case 'locked': {
      // The first decision rested on labels read before the lock was ours: another run may have deployed, stopped
      // or superseded this SHA and released its lock in between (reliability tests: a late claim).
      const again = plan({ ...input, claim: undefined });
      return again.targetSha !== claim.sha && again.buildNeeded
        ? decide('nothing', 'head-moved', again.message)
        : again;
    }
  }
}

function planEvent(input: PlanInput): Decision {
  const { event } = input;
  switch (event.kind) {
    case 'closed':
      return planClosed(input.state);
    case 'schedule':
      return planSweep(input);
    case 'reopened':
      return decide(
        'nothing',
        'reopened',
        'Reopening a PR starts nothing; add the start label to deploy it.',
      );
    case 'synchronize':
      return planPush(input, event);
    default:
      return planRequest(input, event);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Repairs and merges: what a decision becomes on damaged labels, and several changes of one comment.

/**
 * A run that dies between the two writes of a label change (add the new labels, then remove the old ones) leaves
 * traces: two statuses for one SHA, two 🎯, a 🏗️ on an environment no longer being built. Reconfiguring cannot mend
 * them (with two 🎯 it even refuses: no single active environment), so a request that would reconfigure such an
 * environment deploys its SHA again instead: the claim rewrites its labels and the blue-green switch retires every
 * other environment and pointer. The image is already in the registry, so nothing is rebuilt. The SHA's lock still
 * keeps this away from a run that is in the middle of such a change right now (reliability tests: killed runs).
 */
function repairIfDamaged(decision: Decision, state: PrState): Decision {
  const head = state.headSha;
  if (decision.action !== 'redeploy-config' || decision.targetSha === undefined) return decision;
  const sha7 = decision.targetSha.slice(0, 7);
  const env = state.environments[sha7];
  if (env === undefined || !head.startsWith(sha7)) return decision;
  const statuses = env.labels.filter((label) => parseLabel(label).kind === 'status').length;
  const staleBuilding = env.labels.includes(buildingLabel(sha7)) && !DEPLOYING.has(env.status);
  const severalActive = state.problems.some((problem) => problem.code === 'several-active-pointers');
  if (statuses <= 1 && !staleBuilding && !severalActive) return decision;
  const live = Object.values(state.environments).some(
    (other) => other.sha !== sha7 && (other.status === 'running' || DEPLOYING.has(other.status)),
  );
  return {
    ...decision,
    action: live ? 'rolling-update' : 'create',
    targetSha: head,
    buildNeeded: true,
    reason: 'repair-interrupted-change',
    message: `The labels of ${sha7} were left half-written by an interrupted run, so ${sha7} is deployed again.`,
  };
}

export function withConfig(state: PrState, sha: string, config: EnvConfig): PrState {
  const env = state.environments[sha.slice(0, 7)];
  if (env === undefined) return state;
  return { ...state, environments: { ...state.environments, [env.sha]: { ...env, config } } };
}

/**
 * One comment may change the configuration several times (`enable A`, `debug on`): each decision already carries the
 * whole configuration so far, so only the last one per environment is deployed, consuming what all of them consumed.
 */
export function mergeConfigChanges(decisions: Decision[]): Decision[] {
  const merged: Decision[] = [];
  for (const decision of decisions) {
    const earlier = merged.findIndex(
      (other) => other.action === 'redeploy-config' && other.targetSha === decision.targetSha,
    );
    if (decision.action !== 'redeploy-config' || earlier < 0) {
      merged.push(decision);
      continue;
    }
    const previous = merged[earlier] as Decision;
    merged[earlier] = {
      ...decision,
      message: `${previous.message} ${decision.message}`,
      consume: [...new Set([...previous.consume, ...decision.consume])],
    };
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests: what a label change, command or dispatch asks for, before authorization.

type Request =
  | {
      kind: 'start';
      /** The SHA the event pins, unvalidated; undefined means the PR head. */
      sha?: string;
      /**
       * Which full SHAs other than the head may be deployed: `pinned` (a label pins the head of its time), `pr-commit`
       * (a dispatch: a commit of the PR) or none.
       */
      allowOtherCommit: false | 'pinned' | 'pr-commit';
      source: string;
    }
  | { kind: 'stop'; reason: Reason }
  | { kind: 'freeze' }
  | { kind: 'unfreeze'; command: boolean }
  | { kind: 'block' }
  | { kind: 'unblock' }
  | { kind: 'configure'; change?: ConfigChange }
  | { kind: 'extend'; ttl: Ttl; reason: Reason }
  | { kind: 'sleep' }
  | { kind: 'wake' }
  | { kind: 'status'; reason: Reason };

interface Envelope {
  request: Request;
  /** The label the event added, which a refusal consumes. */
  added?: string;
  /** What was asked, for a refusal: "may not <what>". */
  what: string;
}

type RequestEvent = Extract<ShowtimeEvent, { kind: 'labeled' | 'unlabeled' | 'command' | 'dispatch' }>;

function readRequest(event: RequestEvent, state: PrState): Envelope | Decision {
  switch (event.kind) {
    case 'labeled':
      return labelAdded(event.label, event.headSha, state);
    case 'unlabeled':
      return labelRemoved(event.label);
    case 'dispatch':
      return {
        request: {
          kind: 'start',
          sha: event.sha,
          allowOtherCommit: 'pr-commit',
          source: 'a workflow dispatch',
        },
        what: 'start an environment',
      };
    case 'command':
      return commandRequest(event.command);
  }
}

function labelAdded(label: string, headSha: string, state: PrState): Envelope | Decision {
  const start = (source: string): Envelope => ({
    request: { kind: 'start', sha: headSha, allowOtherCommit: 'pinned', source },
    added: label,
    what: 'start an environment',
  });
  switch (canonical(label)) {
    case TRIGGER_START:
      return start('the start label');
    case LEGACY_TRIGGER:
      return start(`the ${LEGACY_TRIGGER} label`);
    case TRIGGER_STOP:
      return { request: { kind: 'stop', reason: 'stop-requested' }, added: label, what: 'stop environments' };
    case FREEZE:
      return { request: { kind: 'freeze' }, added: label, what: 'freeze the environment' };
    case BLOCKED:
      return { request: { kind: 'block' }, added: label, what: 'block showtime' };
  }
  // state.ts owns the conf label grammar: a conf label is one it read as a pending change.
  if (state.pendingConfig.some((pending) => sameLabel(pending.label, label))) {
    return { request: { kind: 'configure' }, added: label, what: 'change the configuration' };
  }
  return decide('nothing', 'label-ignored', `The label ${inlineCode(label)} is not one showtime acts on.`);
}

function labelRemoved(label: string): Envelope | Decision {
  switch (canonical(label)) {
    case LEGACY_TRIGGER:
      return { request: { kind: 'stop', reason: 'legacy-trigger-removed' }, what: 'stop environments' };
    case FREEZE:
      return { request: { kind: 'unfreeze', command: false }, what: 'unfreeze the environment' };
    case BLOCKED:
      return { request: { kind: 'unblock' }, what: 'unblock showtime' };
  }
  // Runs consume trigger and conf labels by removing them; a removal is never a request.
  return decide(
    'nothing',
    'label-removed',
    `Removing the label ${inlineCode(label)} asks showtime for nothing.`,
  );
}

function commandRequest(command: Extract<ShowtimeEvent, { kind: 'command' }>['command']): Envelope {
  switch (command.kind) {
    case 'start':
      return {
        request: { kind: 'start', sha: command.sha, allowOtherCommit: false, source: '/showtime start' },
        what: 'start an environment',
      };
    case 'stop':
      return { request: { kind: 'stop', reason: 'stop-requested' }, what: 'stop environments' };
    case 'freeze':
      return { request: { kind: 'freeze' }, what: 'freeze the environment' };
    case 'unfreeze':
      return { request: { kind: 'unfreeze', command: true }, what: 'unfreeze the environment' };
    case 'configure':
      return { request: { kind: 'configure', change: command.change }, what: 'change the configuration' };
    case 'extend':
      return {
        request: { kind: 'extend', ttl: command.ttl, reason: 'extend-requested' },
        what: 'extend the environment',
      };
    case 'keep-alive':
      return {
        request: { kind: 'extend', ttl: { kind: 'close' }, reason: 'keep-alive' },
        what: 'keep the environment alive',
      };
    case 'sleep':
      return { request: { kind: 'sleep' }, what: 'put the environment to sleep' };
    case 'wake':
      return { request: { kind: 'wake' }, what: 'wake the environment' };
    case 'status':
      return { request: { kind: 'status', reason: 'status-requested' }, what: 'ask for the status' };
    case 'help':
      return { request: { kind: 'status', reason: 'help-requested' }, what: 'ask for help' };
  }
}

function planRequest(input: PlanInput, event: RequestEvent): Decision {
  if (event.kind === 'unlabeled') {
    // State labels are maintainers' only: what a non-writer removed is put back (state-guard.ts).
    const restore = labelsToRestore(event.label, event.actor, input.state, isWriter);
    if (restore.length > 0) {
      return decide(
        'refuse',
        'state-label-restored',
        `${who(event.actor)} may not remove ${inlineCode(event.label)}${whyNot(event.actor)}, so it is put back.`,
        { restore },
      );
    }
  }
  const read = readRequest(event, input.state);
  if ('action' in read) return read;
  if (!isWriter(event.actor)) {
    return decide(
      'refuse',
      'not-authorized',
      `${who(event.actor)} may not ${read.what}${whyNot(event.actor)}.`,
      {
        consume: read.added === undefined ? [] : [read.added],
      },
    );
  }
  const { request } = read;
  const { state } = input;
  switch (request.kind) {
    case 'start':
      return planStart(input, request, event.actor, read.added);
    case 'stop':
      return planStop(state, request.reason, read.added);
    case 'freeze':
      return decide(
        'freeze',
        'freeze-requested',
        'The environment is frozen: new commits will not be deployed.',
      );
    case 'unfreeze':
      return planUnfreeze(input, request.command);
    case 'block':
      return decide(
        'nothing',
        'blocked',
        'Showtime is blocked on this PR: environments can be stopped but not created, updated, configured or extended.',
      );
    case 'unblock':
      return decide(
        'nothing',
        'unblocked',
        'Showtime is unblocked on this PR; add the start label to deploy it.',
      );
    case 'configure':
      return planConfigure(state, request.change);
    case 'extend':
      return planExtend(state, request.ttl, request.reason, input.now);
    case 'sleep':
      return planSleep(state);
    case 'wake':
      return planWake(state, 'wake-requested', []);
    case 'status':
      return decide(
        'status',
        request.reason,
        request.reason === 'help-requested'
          ? 'Replying with the list of commands.'
          : `Replying with the state of PR #${state.number}.`,
      );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start.

function planStart(
  input: PlanInput,
  request: Extract<Request, { kind: 'start' }>,
  actor: Actor,
  added: string | undefined,
): Decision {
  const { state } = input;
  if (state.triggers.stop) return planStop(state, 'stop-wins-over-start', added);
  const consume = state.triggers.start || sameLabel(added, TRIGGER_START) ? [TRIGGER_START] : [];
  if (!state.open) {
    return decide('refuse', 'pr-not-open', `PR #${state.number} is closed: reopen it to deploy it.`, {
      consume,
    });
  }
  if (state.blocked) {
    return decide(
      'refuse',
      'blocked',
      `Showtime is blocked on PR #${state.number}: no environment is started.`,
      {
        consume,
      },
    );
  }
  const target = resolveTarget(request, state, input.commits);
  if (typeof target !== 'string') return { ...target, consume };
  const sha7 = shortSha(target);
  const existing = state.environments[sha7];
  // An approved commit that is no longer the head is still what was approved; the newer push plans itself.
  const pinned = target !== state.headSha;
  const note = pinned ? `, as pinned by ${request.source} (the head has since moved to ${head7(state)})` : '';
  const reasonFor = (reason: Reason): Reason => (pinned ? 'pinned-sha-not-head' : reason);

  // Asleep at the very commit asked for: waking it is all a start needs (no build, no new environment).
  if (existing?.status === 'sleeping' && state.active === sha7 && !pinned)
    return planWake(state, 'wake-on-start', consume);
  if (existing?.status === 'running') {
    return redeploy(
      state,
      existing,
      reasonFor('redeploy-running-sha'),
      `Redeploying ${sha7} (already built) with the current configuration${note}.`,
      consume,
    );
  }
  if (BUSY.has(existing?.status) && lockIsLive(input.lock, input.now)) {
    return decide(
      'nothing',
      'already-in-progress',
      `Environment ${sha7} is ${existing?.status} by a run that holds the lock until ${iso(input.lock?.expiresAt)}.`,
      { consume, targetSha: sha7 },
    );
  }
  const others = Object.values(state.environments).filter((env) => env.sha !== sha7);
  const live = others.find((env) => env.status === 'running' || IN_PROGRESS.has(env.status));
  let reason: Reason;
  let message: string;
  if (existing !== undefined && BUSY.has(existing.status)) {
    reason = 'take-over-expired-lease';
    message = `Environment ${sha7} was left ${existing.status} without a live lock, so this run rebuilds it`;
  } else if (existing !== undefined) {
    reason = 'retry-failed-sha';
    message = `Environment ${sha7} is ${existing.status ?? 'in an unreadable state'}, so it is rebuilt`;
  } else if (live) {
    reason = 'replace-live';
    message = `Building ${sha7} to replace ${live.sha}, which serves until ${sha7} is healthy`;
  } else if (others.length > 0) {
    reason = 'replace-stale';
    message = `Building ${sha7} to replace ${others.map(describe).join(', ')}, none of which serves`;
  } else {
    reason = 'first-start';
    message = `Building and deploying ${sha7}, the first environment of PR #${state.number}`;
  }
  // Whether the PR keeps serving during the build decides the kind, whatever brought the build about.
  const action = live ? 'rolling-update' : 'create';
  if (action === 'create') {
    const refusal = quotaRefusal(input, actor.login);
    if (refusal) return { ...refusal, consume };
  }
  return build(state, action, target, reasonFor(reason), `${message}${note}.`, consume);
}

/** The full SHA to deploy, or a refusal naming the text that was given and the accepted form. */
function resolveTarget(
  request: Extract<Request, { kind: 'start' }>,
  state: PrState,
  commits?: readonly string[],
): Sha | Decision {
  const given = request.sha ?? state.headSha;
  const sha = parseSha(given);
  if (sha === undefined) {
    return decide(
      'refuse',
      'invalid-sha',
      `${inlineCode(given)} from ${request.source} is not a commit SHA: expected ${FORMS.sha}.`,
    );
  }
  if (state.headSha.startsWith(sha)) return state.headSha;
  const full = parseFullSha(sha);
  if (request.allowOtherCommit === 'pinned' && full) return full;
  if (request.allowOtherCommit === 'pr-commit') {
    if (full && commits?.includes(full)) return full;
    // Nothing is claimed or written for a SHA that is not the PR's: the run fails with this message.
    return decide(
      'refuse',
      'sha-not-in-pr',
      `workflow_dispatch input 'sha' is ${sha}, which is not a commit of PR #${state.number}: expected its head (${state.headSha}) or the full 40-character SHA of one of its commits.`,
    );
  }
  return decide(
    'refuse',
    'sha-not-head',
    `${sha} from ${request.source} is not the head of PR #${state.number} (${head7(state)}): approve the head, or push again.`,
  );
}

function quotaRefusal(input: PlanInput, requester: string): Decision | undefined {
  const { fleet, policy, state } = input;
  if (fleet === undefined) return undefined;
  const others = fleet.filter((entry) => entry.pr !== state.number);
  const holders = (entries: typeof others): string =>
    entries
      .map((entry) => (entry.requester ? `#${entry.pr} (${entry.requester})` : `#${entry.pr}`))
      .join(', ');
  const max = policy.maxEnvironments;
  if (max !== undefined && others.length >= max) {
    return decide(
      'refuse',
      'quota-exceeded',
      `The repository already runs ${others.length} of at most ${max} environments (${holders(others)}): stop one first.`,
    );
  }
  const perRequester = policy.maxEnvironmentsPerRequester;
  const mine = others.filter((entry) => entry.requester?.toLowerCase() === requester.toLowerCase());
  if (perRequester !== undefined && mine.length >= perRequester) {
    return decide(
      'refuse',
      'quota-exceeded',
      `@${requester} already holds ${mine.length} of at most ${perRequester} environments (${holders(mine)}): stop one first.`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Stop, close, freeze, configure, extend.

function planStop(state: PrState, reason: Reason, added: string | undefined): Decision {
  const consume = pendingTriggers(state, added);
  const both = consume.length === 2;
  if (!hasAnything(state)) {
    return decide('nothing', 'nothing-to-stop', `PR #${state.number} has no environment to stop.`, {
      consume,
    });
  }
  return decide(
    'stop',
    both ? 'stop-wins-over-start' : reason,
    both
      ? `Both the start and stop labels are on PR #${state.number}: stop wins, so its environments are torn down.`
      : `Tearing down the environments of PR #${state.number} (${listEnvironments(state)}).`,
    { consume },
  );
}

function planClosed(state: PrState): Decision {
  const consume = pendingTriggers(state, undefined);
  if (!hasAnything(state)) {
    return decide('nothing', 'nothing-to-stop', `PR #${state.number} was closed with no environment.`, {
      consume,
    });
  }
  return decide(
    'stop',
    'pr-closed',
    `PR #${state.number} was closed: tearing down ${listEnvironments(state)}.`,
    {
      consume,
    },
  );
}

function planUnfreeze(input: PlanInput, command: boolean): Decision {
  const { state } = input;
  const consume = command && state.frozen ? [FREEZE] : [];
  const head = head7(state);
  const active = state.active;
  if (!state.blocked && active !== undefined && active !== head && state.building !== head) {
    return build(
      state,
      'rolling-update',
      state.headSha,
      'unfrozen-behind-head',
      `Unfrozen: ${active} is behind the head, so ${head} is built to replace it.`,
      consume,
    );
  }
  return decide('unfreeze', 'unfreeze-requested', 'Unfrozen: new commits will be deployed again.', {
    consume,
  });
}

function planConfigure(state: PrState, change: ConfigChange | undefined): Decision {
  if (state.blocked) {
    return decide(
      'refuse',
      'blocked',
      `Showtime is blocked on PR #${state.number}: the configuration is not changed.`,
    );
  }
  const active = activeEnvironment(state);
  if (active?.status !== 'running') {
    return decide(
      'nothing',
      'config-pending',
      active === undefined
        ? 'No environment runs yet: the change is applied when one is created.'
        : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}: the change is applied by the next deployment.`,
    );
  }
  return redeploy(
    state,
    active,
    'config-changed',
    `Redeploying ${active.sha} with the new configuration (no rebuild).`,
    [],
    change,
  );
}

function planExtend(state: PrState, ttl: Ttl, reason: Reason, now: Date): Decision {
  if (state.blocked) {
    return decide(
      'refuse',
      'blocked',
      `Showtime is blocked on PR #${state.number}: the environment is not extended.`,
    );
  }
  const sha7 = state.active ?? state.building;
  if (sha7 === undefined) {
    return decide('refuse', 'no-environment', `PR #${state.number} has no environment to extend.`);
  }
  // A TTL counts from the creation, so "N more hours from now" is written as the hours already lived plus N, rounded
  // up to the hour; past the limit the request is refused here, so the outputs and the comment say the same.
  const createdAt = state.environments[sha7]?.createdAt;
  let written = ttl;
  if (ttl.kind === 'duration' && createdAt !== undefined) {
    const lived = Math.max(0, Math.ceil((now.getTime() - createdAt.getTime()) / 3_600_000));
    if (lived + ttl.hours > MAX_TTL_HOURS) {
      return decide(
        'refuse',
        'ttl-over-limit',
        `An environment lives at most ${MAX_TTL_HOURS / 168} weeks from its creation; ${sha7} has lived ${lived}h, ` +
          `so ${describeTtl(ttl)} more is past it: use \`/showtime keep-alive\` to keep it until the PR closes.`,
        { targetSha: sha7 },
      );
    }
    written = { kind: 'duration', hours: lived + ttl.hours };
  }
  const until =
    ttl.kind === 'duration'
      ? `for ${describeTtl(ttl)} from now`
      : `until ${ttl.kind === 'close' ? 'the PR closes' : 'someone stops it'}`;
  return decide('extend', reason, `Environment ${sha7} is kept ${until}.`, {
    targetSha: sha7,
    ttl,
    ttlWritten: written,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sleep and wake (issue 17): a sleeping environment's service runs no task; its labels and TTL stay.

function planSleep(state: PrState): Decision {
  const active = activeEnvironment(state);
  if (active?.status !== 'running') {
    return decide(
      'nothing',
      'nothing-to-sleep',
      active === undefined
        ? `PR #${state.number} has no environment to put to sleep.`
        : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}, not running: it is not put to sleep.`,
    );
  }
  return decide(
    'sleep',
    'sleep-requested',
    `Environment ${active.sha} goes to sleep: nothing runs until \`/showtime wake\`.`,
    { targetSha: active.sha },
  );
}

function planWake(state: PrState, reason: Reason, consume: string[]): Decision {
  if (state.blocked) {
    return decide('refuse', 'blocked', `Showtime is blocked on PR #${state.number}: nothing is woken.`, {
      consume,
    });
  }
  const active = activeEnvironment(state);
  if (active?.status !== 'sleeping') {
    return decide(
      'nothing',
      'nothing-to-wake',
      active === undefined
        ? `PR #${state.number} has no environment to wake.`
        : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}, not asleep.`,
      { consume },
    );
  }
  return decide('wake', reason, `Waking ${active.sha}: its service starts a task again.`, {
    targetSha: active.sha,
    consume,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Push.

function planPush(input: PlanInput, event: Extract<ShowtimeEvent, { kind: 'synchronize' }>): Decision {
  const { state } = input;
  if (state.blocked)
    return decide(
      'nothing',
      'blocked',
      `Showtime is blocked on PR #${state.number}: the push is not deployed.`,
    );
  if (state.frozen) {
    return decide(
      'nothing',
      'frozen',
      `The environment of PR #${state.number} is frozen: the push is not deployed.`,
    );
  }
  const target = resolveTarget(
    { kind: 'start', sha: event.headSha, allowOtherCommit: 'pinned', source: 'the push' },
    state,
  );
  if (typeof target !== 'string') return target;
  const sha7 = shortSha(target);
  const writer = isWriter(event.actor);
  const legacyCreate = !hasAnything(state) && state.triggers.legacyUp;
  if (!hasAnything(state) && !legacyCreate) {
    return decide('nothing', 'no-environment', `PR #${state.number} has no environment to update.`);
  }
  if (state.active === sha7)
    return decide('nothing', 'up-to-date', `Environment ${sha7} already serves the head.`);
  if (state.building === sha7 && lockIsLive(input.lock, input.now)) {
    return decide(
      'nothing',
      'already-in-progress',
      `Environment ${sha7} is already being deployed by another run.`,
      {
        targetSha: sha7,
      },
    );
  }
  if (!writer) {
    const fork = event.fromFork ? ' from a fork' : '';
    return decide(
      'await-approval',
      'awaiting-approval',
      `${who(event.actor)} pushed ${sha7}${fork} without write permission; a maintainer deploys it with \`${approvalCommand(target)}\`.`,
      { targetSha: target, approval: { sha: target, ...(state.active ? { since: state.active } : {}) } },
    );
  }
  if (legacyCreate) {
    const refusal = quotaRefusal(input, event.actor.login);
    if (refusal) return refusal;
    return build(
      state,
      'create',
      target,
      'legacy-trigger-present',
      `The ${LEGACY_TRIGGER} label is on the PR, so ${sha7} is built and deployed.`,
      [],
    );
  }
  return build(
    state,
    'rolling-update',
    target,
    'new-commit',
    `Building ${sha7} to replace ${listEnvironments(state)}; the current environment serves until ${sha7} is healthy.`,
    [],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The sweep.

function planSweep(input: PlanInput): Decision {
  const { state, policy, now } = input;
  if (!state.open) {
    return hasAnything(state)
      ? decide(
          'stop',
          'leftover-closed-pr',
          `PR #${state.number} is closed but still has ${listEnvironments(state)}.`,
        )
      : decide('nothing', 'nothing-to-do', `PR #${state.number} is closed and has nothing left.`);
  }
  const active = activeEnvironment(state);
  const deadline = active?.createdAt && ttlDeadline(active.ttl ?? policy.defaultTtl, active.createdAt);
  if (active && deadline && deadline.getTime() <= now.getTime()) {
    return decide(
      'stop',
      'ttl-expired',
      `Environment ${active.sha} expired at ${iso(deadline)}: tearing it down.`,
    );
  }
  if (!lockIsLive(input.lock, now)) {
    // A teardown that failed leaves its environment `destroying`: the labels say a deletion is owed, and every sweep
    // retries it until AWS lets it through (deleting is idempotent, so meeting a stop still under way costs nothing).
    const owed = Object.values(state.environments).find((env) => env.status === 'destroying');
    if (owed) {
      return decide(
        'stop',
        'deletion-owed',
        `The teardown of ${owed.sha} did not finish: deleting what is left of it.`,
        { targetSha: owed.sha },
      );
    }
    const leaseMs = policy.leaseMinutes * 60_000;
    const stuck = Object.values(state.environments).find(
      (env) =>
        BUSY.has(env.status) &&
        (env.createdAt === undefined || now.getTime() - env.createdAt.getTime() > leaseMs),
    );
    if (stuck) {
      return decide(
        'stop',
        'lease-expired',
        `Environment ${stuck.sha} has been ${stuck.status} for over ${formatDuration(policy.leaseMinutes * 60_000)} with no run holding the lock.`,
        { targetSha: stuck.sha },
      );
    }
  }
  if (active && deadline && deadline.getTime() - now.getTime() <= policy.expiryWarningMinutes * 60_000) {
    return decide(
      'warn-expiry',
      'expiry-warning',
      `Environment ${active.sha} expires at ${iso(deadline)}; \`/showtime extend\` or \`/showtime keep-alive\` keeps it.`,
      { targetSha: active.sha },
    );
  }
  // The sleep schedule, once expiry has had its say: an environment about to expire is still warned about first.
  if (active?.status === 'running' && sleepIsDue(policy.sleepSchedule, now) && !lockIsLive(input.lock, now)) {
    return decide(
      'sleep',
      'sleep-scheduled',
      `Environment ${active.sha} goes to sleep by the schedule (${policy.sleepSchedule?.text ?? ''}); \`/showtime wake\` wakes it.`,
      { targetSha: active.sha },
    );
  }
  return decide('nothing', 'nothing-to-do', `PR #${state.number} needs no cleanup.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

function decide(
  action: ActionKind,
  reason: Reason,
  message: string,
  extra: Partial<Decision> = {},
): Decision {
  return { action, reason, message, buildNeeded: false, consume: [], ...extra };
}

/** A new image: create or rolling-update, with every pending conf change applied and its label consumed. */
function build(
  state: PrState,
  action: 'create' | 'rolling-update',
  target: Sha,
  reason: Reason,
  message: string,
  consume: string[],
): Decision {
  const base = activeEnvironment(state)?.config ?? state.environments[shortSha(target)]?.config;
  return decide(action, reason, message, {
    targetSha: target,
    buildNeeded: true,
    consume: [...consume, ...state.pendingConfig.map((pending) => pending.label)],
    config: withPending(base, state),
  });
}

/** Same image, new deployment: the current config, every pending conf change, then the command's change. */
function redeploy(
  state: PrState,
  env: Environment,
  reason: Reason,
  message: string,
  consume: string[],
  change?: ConfigChange,
): Decision {
  const config = withPending(activeEnvironment(state)?.config ?? env.config, state);
  return decide('redeploy-config', reason, message, {
    targetSha: env.sha,
    consume: [...consume, ...state.pendingConfig.map((pending) => pending.label)],
    config: change === undefined ? config : applyChange(config, change),
  });
}

function withPending(base: EnvConfig | undefined, state: PrState): EnvConfig {
  const start: EnvConfig = base ? { ...base, flags: { ...base.flags } } : { flags: {}, debug: false };
  return state.pendingConfig.reduce((config, pending) => applyChange(config, pending.change), start);
}

function applyChange(config: EnvConfig, change: ConfigChange): EnvConfig {
  switch (change.kind) {
    case 'flag':
      return { ...config, flags: { ...config.flags, [change.flag]: change.enabled } };
    case 'debug':
      return { ...config, debug: change.enabled };
    case 'size':
      return { ...config, size: change.size };
  }
}

// GitHub compares label names case-insensitively, so a label differing only in case is the same label.
const OWN_LABELS = [TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, LEGACY_TRIGGER];

function sameLabel(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The constant spelling of one of showtime's own labels, or the label as given. */
function canonical(label: string): string {
  return OWN_LABELS.find((own) => sameLabel(label, own)) ?? label;
}

/** The start and stop triggers on the PR (or just added by the event), in that order. */
function pendingTriggers(state: PrState, added: string | undefined): string[] {
  return [
    ...(state.triggers.start || sameLabel(added, TRIGGER_START) ? [TRIGGER_START] : []),
    ...(state.triggers.stop || sameLabel(added, TRIGGER_STOP) ? [TRIGGER_STOP] : []),
  ];
}

function activeEnvironment(state: PrState): Environment | undefined {
  return state.active === undefined ? undefined : state.environments[state.active];
}

function hasAnything(state: PrState): boolean {
  return (
    state.active !== undefined || state.building !== undefined || Object.keys(state.environments).length > 0
  );
}

function lockIsLive(lock: Lease | undefined, now: Date): boolean {
  return lock !== undefined && lock.expiresAt.getTime() > now.getTime();
}

function shortSha(sha: Sha | Sha7): Sha7 {
  return sha7Of(sha);
}

function head7(state: PrState): Sha7 {
  return shortSha(state.headSha);
}

function describe(env: Environment): string {
  return `${env.sha} (${env.status ?? 'unreadable'})`;
}

function listEnvironments(state: PrState): string {
  const shas = new Set([...Object.keys(state.environments), state.active, state.building]);
  return [...shas]
    .filter((sha): sha is string => sha !== undefined)
    .map((sha) => {
      const env = state.environments[sha];
      return env ? describe(env) : sha;
    })
    .join(', ');
}

/** The actor and their access, named once: "none" is no permission, so it reads as "no access". */
function who(actor: Actor): string {
  if (actor.permission === 'unknown') return `@${actor.login}`;
  return actor.permission === 'none'
    ? `@${actor.login} (no access)`
    : `@${actor.login} (${actor.permission})`;
}

function whyNot(actor: Actor): string {
  return actor.permission === 'unknown'
    ? ': their permission could not be checked, and showtime fails closed'
    : ': showtime needs write, maintain or admin permission';
}

function iso(date: Date | undefined): string {
  return date ? formatTime(date) : 'an unknown time';
}
