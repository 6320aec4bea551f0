// Intake: what an event is, before the planner decides anything about it. The answers here are the events that ask
// nothing of the action (they cost no API call, or one read), each with its reason; everything else becomes the
// planner's events. Pure: the caller reads the PR and the sender's permission.
import { isBot, isOwnedStateLabel } from './state-guard.js';
import { parseLabel } from './labels.js';
import type { ParsedCommands } from './commands.js';
import type { PayloadFacts } from './payload.js';
import type { Reason } from './reasons.js';
import type { Actor, Decision, PrState, ShowtimeEvent } from './types.js';

const answer = (reason: Reason, message: string): Decision => ({
  action: 'nothing',
  buildNeeded: false,
  reason,
  message,
  consume: [],
});

/** Labels whose addition or removal is a request to the action; everything else on a PR is ignored for free. */
function isRequestLabel(label: string): boolean {
  const parsed = parseLabel(label);
  return (
    parsed.kind === 'trigger' ||
    parsed.kind === 'freeze' ||
    parsed.kind === 'blocked' ||
    parsed.kind === 'config-command'
  );
}

/** A state label removed by a person is checked (a non-writer's removal is undone); by the action itself, ignored. */
export function isGuardedRemoval(facts: PayloadFacts): boolean {
  return facts.kind === 'unlabeled' && isOwnedStateLabel(facts.label) && !isBot(facts.sender);
}

/** The answer to an event that needs no read at all, or undefined when the PR has to be read. */
export function answerUnread(facts: PayloadFacts, commands: ParsedCommands): Decision | undefined {
  if (facts.kind === 'ignored') return answer('ignored-event', facts.reason);
  if (facts.kind === 'schedule') {
    return answer('schedule-is-cleanup', 'Scheduled sweeps are the cleanup action’s job.');
  }
  if ((facts.kind === 'labeled' || facts.kind === 'unlabeled') && !isRequestLabel(facts.label)) {
    // Not echoed: whoever set it (triage can) is not known yet, and a non-writer's text is never repeated.
    if (!isGuardedRemoval(facts)) {
      return answer('not-a-request-label', 'The label that changed asks nothing of showtime.');
    }
  }
  if (facts.kind === 'comment' && commands.commands.length === 0 && commands.errors.length === 0) {
    return answer('no-command', 'The comment holds no /showtime command.');
  }
  return undefined;
}

/** The answer once the PR is read (its head and labels), or undefined when the planner decides. */
export function answerRead(facts: PayloadFacts, state: PrState): Decision | undefined {
  if (facts.kind === 'synchronize' && facts.headSha !== state.headSha) {
    // GitHub does not order workflow runs: this push was overtaken by a newer one, whose own run deploys the head.
    // Deploying this commit now would replace the newer one with it (reliability tests: pushes out of order).
    return answer(
      'push-superseded',
      `${facts.headSha.slice(0, 7)} is no longer the head of the PR; the newer push's run takes over.`,
    );
  }
  const hasAnything =
    Object.keys(state.environments).length > 0 || state.building !== undefined || state.triggers.legacyUp;
  if (
    (facts.kind === 'synchronize' || facts.kind === 'closed' || facts.kind === 'reopened') &&
    !hasAnything
  ) {
    return answer('no-environment', 'This pull request has no environment.');
  }
  return undefined;
}

/** The planner's events of a payload: one per command of a comment, one for anything else. */
export function eventsOf(facts: PayloadFacts, actor: Actor, commands: ParsedCommands): ShowtimeEvent[] {
  switch (facts.kind) {
    case 'labeled':
    case 'unlabeled':
      return [{ kind: facts.kind, label: facts.label, pr: facts.pr, headSha: facts.headSha, actor }];
    case 'synchronize':
      return [{ kind: 'synchronize', pr: facts.pr, headSha: facts.headSha, actor, fromFork: facts.fromFork }];
    case 'closed':
    case 'reopened':
      return [{ kind: facts.kind, pr: facts.pr, headSha: facts.headSha, actor }];
    case 'comment':
      return commands.commands.map((command) => ({ kind: 'command', pr: facts.pr, command, actor }));
    case 'dispatch':
      return [{ kind: 'dispatch', pr: facts.pr, sha: facts.sha, actor }];
    default:
      return [];
  }
}

/** A comment none of whose commands could be read: the errors are reported, nothing else happens. */
export function answerUnreadable(
  events: readonly ShowtimeEvent[],
  commands: ParsedCommands,
): Decision | undefined {
  if (events.length > 0 || commands.errors.length === 0) return undefined;
  return answer('command-errors', 'The comment’s commands could not be read.');
}
