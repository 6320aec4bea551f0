import { approvalLinks, approvedInFull, headIsUntrusted } from '../../src/core/approval.js';
import { BLOCKED, FREEZE, TRACKED } from '../../src/core/labels.js';
import { isWriter } from '../../src/core/planner.js';
import { isBot, isOwnedStateLabel, labelsToRestore, missingCreated } from '../../src/core/state-guard.js';
import type { Actor } from '../../src/core/types.js';
import { HEAD, NOW, O7, env, pr, serving } from './planner.cases.js';

const TRIAGER: Actor = { login: 'triager', permission: 'triage' };
const WRITER: Actor = { login: 'maintainer', permission: 'write' };

describe('labelsToRestore', () => {
  test.each<[string, string, ReturnType<typeof pr>, string[]]>([
    ['blocked, gone', BLOCKED, pr(), [BLOCKED]],
    ['blocked, already back', BLOCKED, pr({ blocked: true }), []],
    ['freeze, gone', FREEZE, serving(O7), [FREEZE]],
    ['freeze, already back', FREEZE, serving(O7, { frozen: true }), []],
    ['the index label with an environment', TRACKED, serving(O7), [TRACKED]],
    ['the index label with nothing left', TRACKED, pr(), []],
    ['🏗️ of an environment still building', `🎪 🏗️ ${O7}`, pr({}, env(O7, 'building')), [`🎪 🏗️ ${O7}`]],
    ['🎯 when another took its place', `🎪 🎯 ${O7}`, serving(O7), []],
    [
      'a ⚙️ label (several per SHA)',
      `🎪 ${O7} ⚙️ debug`,
      serving(O7, {}, { labels: [`🎪 ${O7} ⚙️ size-large`] }),
      [`🎪 ${O7} ⚙️ debug`],
    ],
    ['🌐 of an environment that is gone', `🎪 ${O7} 🌐 10.0.0.1:8080`, pr(), []],
    ['a label showtime does not own', 'bug', serving(O7), []],
    ['a trigger (runs consume them)', '🎪 ⚡ showtime-trigger-start', serving(O7), []],
  ])('%s', (_name, label, state, expected) => {
    expect(labelsToRestore(label, TRIAGER, state, isWriter)).toEqual(expected);
  });

  test('a writer or a bot removes what they like', () => {
    expect(labelsToRestore(BLOCKED, WRITER, pr(), isWriter)).toEqual([]);
    expect(labelsToRestore(BLOCKED, { login: 'app[bot]', permission: 'unknown' }, pr(), isWriter)).toEqual(
      [],
    );
    expect(isBot('github-actions[bot]')).toBe(true);
    expect(isOwnedStateLabel(`🎪 ${O7} 📅 2025-06-02T10-00`)).toBe(true);
    expect(isOwnedStateLabel('🎪 ⚡ showtime-trigger-start')).toBe(false);
  });
});

describe('missingCreated', () => {
  test('an active environment without 📅 gets one dated now', () => {
    expect(missingCreated(serving(O7, {}, { createdAt: undefined }), NOW)).toEqual([
      `🎪 ${O7} 📅 2025-06-02T12-00`,
    ]);
  });
  test('nothing when it has one, or nothing is active', () => {
    expect(missingCreated(serving(O7), NOW)).toEqual([]);
    expect(missingCreated(pr({}, env(O7, 'building', { createdAt: undefined })), NOW)).toEqual([]);
  });
});

describe('approval helpers', () => {
  test('links to the commit and to the diff since the last approved commit', () => {
    expect(approvalLinks('https://github.com/', 'apache/superset', { sha: HEAD, since: O7 })).toBe(
      `Review [commit abc1234](https://github.com/apache/superset/commit/${HEAD}) · ` +
        `[diff since ${O7}, the last approved commit](https://github.com/apache/superset/compare/${O7}...${HEAD}), ` +
        `then comment \`/showtime start ${HEAD}\`.`,
    );
    expect(approvalLinks('https://github.com', 'a/b', { sha: HEAD })).not.toContain('compare');
  });

  test('only a writer naming 40 hex approves', () => {
    const start = (sha: string, actor: Actor) =>
      ({ kind: 'command', pr: 1, actor, command: { kind: 'start', sha } }) as const;
    expect(approvedInFull(start(HEAD, WRITER))).toBe(HEAD);
    expect(approvedInFull(start(HEAD.slice(0, 7), WRITER))).toBeUndefined();
    expect(approvedInFull(start(HEAD, TRIAGER))).toBeUndefined();
    expect(approvedInFull({ kind: 'dispatch', pr: 1, actor: WRITER, sha: HEAD })).toBe(HEAD);
    expect(approvedInFull({ kind: 'schedule' })).toBeUndefined();
  });

  test('a PR of unknown origin, or a push the payload calls a fork, is untrusted', () => {
    expect(headIsUntrusted({ ...pr(), fromFork: undefined })).toBe(true);
    expect(headIsUntrusted(pr())).toBe(false);
    expect(
      headIsUntrusted(pr(), { kind: 'synchronize', pr: 1, headSha: HEAD, actor: WRITER, fromFork: true }),
    ).toBe(true);
  });
});
