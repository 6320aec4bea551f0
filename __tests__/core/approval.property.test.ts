// The security invariant of fork PRs as a property: whatever the interleaving of pushes by a non-writer, writers'
// pushes, force-pushes (between an approval and the plan that reads it, and between the plan and the claim's
// re-plan) and approvals in every form, a commit of a fork PR is deployed only if a writer approved it in full.
import fc from 'fast-check';
import { plan } from '../../src/core/planner.js';
import { TRIGGER_START, LEGACY_TRIGGER } from '../../src/core/labels.js';
import type { Actor, Decision, PrState, ShowtimeEvent } from '../../src/core/types.js';
import { NOW, POLICY, PR, env, pr } from './planner.cases.js';
import { requireSha, requireSha7 } from '../../src/core/values.js';

const FORKER: Actor = { login: 'forker', permission: 'none' };
const WRITER: Actor = { login: 'maintainer', permission: 'write' };
const TRIAGER: Actor = { login: 'triager', permission: 'triage' };

// Few distinct SHAs, several sharing their first 7 characters: prefix collisions are the attack.
const SHAS = ['abc1234', 'abc1234', 'abc1234', 'def5678', 'def5678'].map((prefix, i) =>
  `${prefix}${String(i).repeat(33)}`.slice(0, 40),
);
const sha = fc.constantFrom(...SHAS);

type Step =
  | { kind: 'push'; sha: string; by: Actor }
  | { kind: 'silent-force-push'; sha: string }
  | { kind: 'approve-full'; sha: string; by: Actor; racedBy?: string }
  | { kind: 'approve-short'; sha: string; by: Actor }
  | { kind: 'start'; by: Actor; how: 'label' | 'testenv-up' | 'command' | 'dispatch'; racedBy?: string }
  | { kind: 'dispatch-full'; sha: string; by: Actor };

const actor = fc.constantFrom(FORKER, WRITER, TRIAGER);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), sha, by: actor }),
  fc.record({ kind: fc.constant('silent-force-push' as const), sha }),
  fc.record(
    { kind: fc.constant('approve-full' as const), sha, by: actor, racedBy: sha },
    { requiredKeys: ['kind', 'sha', 'by'] },
  ),
  fc.record({ kind: fc.constant('approve-short' as const), sha, by: actor }),
  fc.record(
    {
      kind: fc.constant('start' as const),
      by: actor,
      how: fc.constantFrom('label' as const, 'testenv-up' as const, 'command' as const, 'dispatch' as const),
      racedBy: sha,
    },
    { requiredKeys: ['kind', 'by', 'how'] },
  ),
  fc.record({ kind: fc.constant('dispatch-full' as const), sha, by: actor }),
);

function eventOf(s: Step, head: string): ShowtimeEvent | undefined {
  switch (s.kind) {
    case 'push':
      return { kind: 'synchronize', pr: PR, headSha: requireSha(s.sha), actor: s.by, fromFork: true };
    case 'approve-full':
      return { kind: 'command', pr: PR, actor: s.by, command: { kind: 'start', sha: s.sha } };
    case 'approve-short':
      return { kind: 'command', pr: PR, actor: s.by, command: { kind: 'start', sha: s.sha.slice(0, 7) } };
    case 'dispatch-full':
      return { kind: 'dispatch', pr: PR, actor: s.by, sha: requireSha(s.sha) };
    case 'start':
      if (s.how === 'label')
        return { kind: 'labeled', pr: PR, label: TRIGGER_START, headSha: requireSha(head), actor: s.by };
      if (s.how === 'testenv-up')
        return { kind: 'labeled', pr: PR, label: LEGACY_TRIGGER, headSha: requireSha(head), actor: s.by };
      if (s.how === 'command') return { kind: 'command', pr: PR, actor: s.by, command: { kind: 'start' } };
      return { kind: 'dispatch', pr: PR, actor: s.by };
    case 'silent-force-push':
      return undefined;
  }
}

/** The full SHA a writer named in this very event: the only approval there is. */
function namedInFull(s: Step): string | undefined {
  if ((s.kind === 'approve-full' || s.kind === 'dispatch-full') && s.by === WRITER) return s.sha;
  return undefined;
}

function forkState(head: string, active: string | undefined): PrState {
  const sha7 = active === undefined ? undefined : requireSha7(active);
  return pr(
    { headSha: requireSha(head), fromFork: true, ...(sha7 ? { active: sha7 } : {}) },
    ...(sha7 ? [env(sha7, 'running')] : []),
  );
}

const builds = (d: Decision): boolean => d.action === 'create' || d.action === 'rolling-update';

test('property: a fork commit is deployed only by a writer naming that commit in full', () => {
  fc.assert(
    fc.property(sha, fc.array(step, { maxLength: 25 }), (first, steps) => {
      let head = first;
      let active: string | undefined;
      const commits = new Set<string>([first]);
      for (const s of steps) {
        if (s.kind === 'push' || s.kind === 'silent-force-push') {
          head = s.sha;
          commits.add(s.sha);
          if (s.kind === 'silent-force-push') continue;
        }
        const event = eventOf(s, head);
        if (event === undefined) continue;
        // A force-push may land between the event and the plan that reads the PR.
        const raced = 'racedBy' in s && s.racedBy !== undefined ? s.racedBy : undefined;
        if (raced) {
          head = raced;
          commits.add(raced);
        }
        const input = {
          event,
          state: forkState(head, active),
          policy: POLICY,
          now: NOW,
          commits: [...commits],
        };
        let decision = plan(input);
        if (builds(decision)) {
          // ...and another between the plan and the claim, which plans again on what it re-read.
          decision = plan({ ...input, state: forkState(head, active) });
        }
        if (builds(decision)) {
          expect(decision.targetSha).toBeDefined();
          expect(decision.targetSha).toBe(namedInFull(s));
          expect(commits.has(decision.targetSha ?? '')).toBe(true);
          active = decision.targetSha;
        }
        if (decision.action === 'await-approval') {
          expect(decision.message).toContain(`/showtime start ${decision.targetSha}`);
          expect(decision.targetSha).toMatch(/^[0-9a-f]{40}$/);
        }
      }
    }),
    { numRuns: 500 },
  );
});
