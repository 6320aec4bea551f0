// Intake's table as data: intake.test.ts runs every case, scripts/decision-table.ts renders them in the decision
// table's first section. A case is a payload's facts (and, for the answers that need them, the PR's labels read).
import { parseCommands } from '../../src/core/commands.js';
import { FREEZE, TRIGGER_START } from '../../src/core/labels.js';
import type { PayloadFacts } from '../../src/core/payload.js';
import type { Reason } from '../../src/core/reasons.js';
import type { PrState } from '../../src/core/types.js';
import { env, H7, HEAD, NEWER, pr, serving } from './planner.cases.js';
import { requireSha } from '../../src/core/values.js';

export interface IntakeCase {
  name: string;
  /** The event, as the decision table names it. */
  event: string;
  given: string;
  facts: PayloadFacts;
  /** The comment's body, for comments. */
  body?: string;
  /** The PR as read; without it the answer must come before any read. */
  state?: PrState;
  /** The answer's reason, or undefined when the event goes on to the planner. */
  expect: Reason | undefined;
}

const PR_NUMBER = 4242;
const label = (kind: 'labeled' | 'unlabeled', name: string, sender = 'maintainer'): PayloadFacts => ({
  kind,
  pr: PR_NUMBER,
  headSha: HEAD,
  label: name,
  sender,
});
const comment = (body: string): PayloadFacts => ({
  kind: 'comment',
  pr: PR_NUMBER,
  body,
  commentId: 1,
  sender: 'maintainer',
});
const pushOf = (headSha: string): PayloadFacts => ({
  kind: 'synchronize',
  pr: PR_NUMBER,
  headSha: requireSha(headSha),
  sender: 'writer',
  fromFork: false,
});

export const INTAKE_CASES: IntakeCase[] = [
  {
    name: 'an event the action is not for',
    event: 'issue_comment on an issue',
    given: 'not a pull request',
    facts: { kind: 'ignored', reason: 'The comment is on an issue, not a pull request.' },
    expect: 'ignored-event',
  },
  {
    name: 'a schedule',
    event: 'schedule',
    given: 'the PR workflow',
    facts: { kind: 'schedule' },
    expect: 'schedule-is-cleanup',
  },
  {
    name: 'a foreign label',
    event: 'labeled `bug`',
    given: 'any',
    facts: label('labeled', 'bug'),
    expect: 'not-a-request-label',
  },
  {
    name: 'a state label removed by the action itself',
    event: `unlabeled \`🎪 ${H7} 🚦 running\` by the bot`,
    given: 'any',
    facts: label('unlabeled', `🎪 ${H7} 🚦 running`, 'github-actions[bot]'),
    expect: 'not-a-request-label',
  },
  {
    name: 'a state label removed by a person',
    event: `unlabeled \`🎪 ${H7} 🚦 running\``,
    given: 'any',
    facts: label('unlabeled', `🎪 ${H7} 🚦 running`),
    expect: undefined,
  },
  {
    name: 'the start label',
    event: `labeled \`${TRIGGER_START}\``,
    given: 'any',
    facts: label('labeled', TRIGGER_START),
    state: pr(),
    expect: undefined,
  },
  {
    name: 'the freeze label',
    event: `labeled \`${FREEZE}\``,
    given: 'any',
    facts: label('labeled', FREEZE),
    state: serving(H7),
    expect: undefined,
  },
  {
    name: 'a comment without a command',
    event: 'comment `looks good`',
    given: 'any',
    facts: comment('looks good'),
    body: 'looks good',
    expect: 'no-command',
  },
  {
    name: 'a comment whose commands cannot be read',
    event: 'comment `/showtime launch`',
    given: 'any',
    facts: comment('/showtime launch'),
    body: '/showtime launch',
    state: serving(H7),
    expect: 'command-errors',
  },
  {
    name: 'a push overtaken by a newer one',
    event: `synchronize to ${H7}`,
    given: `the PR's head is already ${NEWER.slice(0, 7)}`,
    facts: pushOf(HEAD),
    state: serving(H7, { headSha: NEWER }),
    expect: 'push-superseded',
  },
  {
    name: 'a push to a PR without an environment',
    event: 'synchronize',
    given: 'no environment',
    facts: pushOf(HEAD),
    state: pr(),
    expect: 'no-environment',
  },
  {
    name: 'a push while a build runs',
    event: 'synchronize',
    given: `${H7} is building`,
    facts: pushOf(HEAD),
    state: pr({ building: H7 }, env(H7, 'building')),
    expect: undefined,
  },
  {
    name: 'closing a PR without an environment',
    event: 'closed',
    given: 'no environment',
    facts: { kind: 'closed', pr: PR_NUMBER, headSha: HEAD, sender: 'maintainer' },
    state: pr(),
    expect: 'no-environment',
  },
];

export const commandsOf = (c: IntakeCase) => parseCommands(c.body ?? '');
