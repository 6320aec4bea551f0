import fc from 'fast-check';
import { answerRead, answerUnread, answerUnreadable, eventsOf } from '../../src/core/intake.js';
import { TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED } from '../../src/core/labels.js';
import { INTAKE_REASONS } from '../../src/core/reasons.js';
import type { IntakeCase } from './intake.cases.js';
import { commandsOf, INTAKE_CASES } from './intake.cases.js';
import { MAINTAINER } from './planner.cases.js';
import { requireSha } from '../../src/core/values.js';

function answerOf(c: IntakeCase) {
  const commands = commandsOf(c);
  const unread = answerUnread(c.facts, commands);
  if (unread !== undefined || c.state === undefined) return unread;
  const read = answerRead(c.facts, c.state);
  if (read !== undefined) return read;
  return answerUnreadable(eventsOf(c.facts, MAINTAINER, commands), commands);
}

describe('intake', () => {
  test.each(INTAKE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const answer = answerOf(c);
    expect(answer?.reason).toBe(c.expect);
    if (answer !== undefined)
      expect([answer.action, answer.buildNeeded, answer.consume]).toEqual(['nothing', false, []]);
  });

  test('property: a request label, added or removed by anyone, always reaches the planner', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, '🎪 conf-enable-ALERT_REPORTS'),
        fc.constantFrom('labeled' as const, 'unlabeled' as const),
        fc.string({ minLength: 1, maxLength: 39 }),
        (label, kind, sender) => {
          const facts = { kind, pr: 1, headSha: requireSha('a'.repeat(40)), label, sender };
          expect(answerUnread(facts, { commands: [], errors: [] })).toBeUndefined();
        },
      ),
    );
  });

  test('property: a label outside the 🎪 grammar is answered without a read', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 50 }).filter((label) => !label.includes('🎪')),
        (label) => {
          const facts = {
            kind: 'labeled' as const,
            pr: 1,
            headSha: requireSha('a'.repeat(40)),
            label,
            sender: 'x',
          };
          expect(answerUnread(facts, { commands: [], errors: [] })?.reason).toBe('not-a-request-label');
        },
      ),
    );
  });

  test('every intake reason appears in some case', () => {
    const seen = new Set(INTAKE_CASES.map((c) => c.expect));
    expect(INTAKE_REASONS.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});
