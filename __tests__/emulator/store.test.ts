import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  SeedError,
  Store,
  labelKey,
  labelNameLength,
  parseSeed,
} from '../../test-support/github-emulator/index.js';
import type { Seed } from '../../test-support/github-emulator/index.js';
import { timestamp } from '../../test-support/github-emulator/store.js';

const REPO = 'apache/superset';

function store(): Store {
  return new Store(
    parseSeed({
      repositories: [
        {
          owner: 'apache',
          name: 'superset',
          labels: [{ name: 'Bug', color: 'ff0000' }],
          pulls: [{ number: 7, author: 'alice', labels: ['bug', 'new'] }],
          issues: [{ number: 8 }],
        },
      ],
    }),
  );
}

describe('parseSeed', () => {
  test('accepts the documented fields and keeps them', () => {
    const seed: Seed = {
      token: 'ghs_abc',
      actor: 'showtime[bot]',
      rateLimits: { core: 1000, search: 30 },
      repositories: [
        {
          owner: 'apache',
          name: 'superset',
          defaultBranch: 'master',
          private: false,
          labels: [{ name: '🎪 🎟️ showtime-tracked', color: 'abcdef', description: null, default: false }],
          pulls: [
            {
              number: 1,
              title: 't',
              body: null,
              author: 'alice',
              headSha: 'a'.repeat(40),
              headRef: 'feature',
              fork: true,
              draft: false,
              state: 'closed',
              labels: ['x'],
              createdAt: '2024-01-01T00:00:00Z',
              updatedAt: '2024-01-02T00:00:00Z',
            },
          ],
          issues: [{ number: 2, title: 'i', author: 'bob', state: 'open', labels: [] }],
          collaborators: { alice: 'triage', bob: 'maintain' },
        },
      ],
    };
    expect(parseSeed(JSON.parse(JSON.stringify(seed)))).toEqual(seed);
  });

  test('the seed example in the README is a valid seed', () => {
    const readme = readFileSync('test-support/github-emulator/README.md', 'utf8');
    const example = /## Seed format\s+```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const seed = parseSeed(JSON.parse(example ?? ''));
    expect(seed.repositories?.[0]?.pulls?.[0]?.headSha).toHaveLength(40);
    expect(new Store(seed).labelNames('apache/superset', 34809)).toEqual(['🎪 ⚡ showtime-trigger-start']);
  });

  test.each([
    ['not an object', [], 'seed: expected an object'],
    ['an unknown field', { repos: [] }, 'seed.repos: expected one of the fields'],
    [
      'a bad owner',
      { repositories: [{ owner: 'a b', name: 'r' }] },
      'seed.repositories[0].owner: expected a GitHub login',
    ],
    ['a bad repo name', { repositories: [{ owner: 'a', name: 'r/s' }] }, 'seed.repositories[0].name'],
    [
      'a PR number 0',
      { repositories: [{ owner: 'a', name: 'r', pulls: [{ number: 0 }] }] },
      'seed.repositories[0].pulls[0].number: expected a positive integer, got 0',
    ],
    [
      'a short head SHA',
      { repositories: [{ owner: 'a', name: 'r', pulls: [{ number: 1, headSha: 'abc123f' }] }] },
      'pulls[0].headSha: expected 40 lowercase hex digits',
    ],
    [
      'a merged state',
      { repositories: [{ owner: 'a', name: 'r', issues: [{ number: 1, state: 'merged' }] }] },
      'issues[0].state: expected "open" or "closed"',
    ],
    [
      'a colour with #',
      { repositories: [{ owner: 'a', name: 'r', labels: [{ name: 'x', color: '#ffffff' }] }] },
      'labels[0].color: expected six hex digits without #',
    ],
    [
      'an unknown role',
      { repositories: [{ owner: 'a', name: 'r', collaborators: { bob: 'owner' } }] },
      'collaborators.bob: expected admin|maintain|write|triage|read',
    ],
    [
      'a number used twice',
      { repositories: [{ owner: 'a', name: 'r', pulls: [{ number: 1 }], issues: [{ number: 1 }] }] },
      'issue and pull numbers unique',
    ],
    ['a zero rate limit', { rateLimits: { core: 0 } }, 'seed.rateLimits.core: expected a positive integer'],
    ['a token with a space', { token: 'a b' }, 'seed.token: expected printable ASCII'],
    [
      'a bad timestamp',
      { repositories: [{ owner: 'a', name: 'r', issues: [{ number: 1, createdAt: 'yesterday' }] }] },
      'issues[0].createdAt: expected an ISO 8601 timestamp',
    ],
  ])('rejects %s, naming the field and the accepted form', (_what, value, message) => {
    expect(() => parseSeed(value)).toThrow(SeedError);
    expect(() => parseSeed(value)).toThrow(message);
  });

  test('throws nothing but SeedError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseSeed(value);
        } catch (error) {
          expect(error).toBeInstanceOf(SeedError);
        }
      }),
    );
  });
});

describe('label identity and length', () => {
  test.each([
    ['bug', 'BUG', true],
    ['🎪 Tracked', '🎪 tracked', true],
    ['Straße', 'STRASSE', false],
    ['a', 'b', false],
  ])('%s and %s are the same label: %s', (a, b, same) => {
    expect(labelKey(a) === labelKey(b)).toBe(same);
  });

  test.each([
    ['ascii', 'abc', 3],
    ['an emoji', '🎪', 1],
    ['emoji with a variation selector', '⚙️', 2],
    ['a circus label', '🎪 abc123f 🚦 running', 19],
  ])('%s counts as characters', (_what, name, length) => {
    expect(labelNameLength(name)).toBe(length);
  });

  test('timestamps drop milliseconds like GitHub', () => {
    expect(timestamp(new Date('2024-05-06T07:08:09.123Z'))).toBe('2024-05-06T07:08:09Z');
  });
});

describe('Store helpers', () => {
  test('seeded PR labels reuse existing labels case-insensitively and create the rest', () => {
    const s = store();
    expect(s.labelNames(REPO, 7)).toEqual(['Bug', 'new']);
    expect(s.findLabel(REPO, 'new')?.color).toBe('ededed');
  });

  test('addLabels / removeLabel / setLabels act like a person in the UI', () => {
    const s = store();
    expect(s.addLabels(REPO, 8, ['x', 'BUG'])).toEqual(['Bug', 'x']);
    expect(s.removeLabel(REPO, 8, 'X')).toBe(true);
    expect(s.removeLabel(REPO, 8, 'x')).toBe(false);
    expect(s.setLabels(REPO, 8, ['y'])).toEqual(['y']);
  });

  test('setHeadSha records a push', () => {
    const s = store();
    const before = s.pull(REPO, 7).pull.headSha;
    const commit = s.setHeadSha(REPO, 7, 'c'.repeat(40), { message: 'fix' });
    expect(commit.parents).toEqual([before]);
    expect(s.pull(REPO, 7).pull.commits).toEqual([before, 'c'.repeat(40)]);
    expect(s.resolveRef(REPO, 'pr-7')).toBe('c'.repeat(40));
    expect(() => s.setHeadSha(REPO, 7, 'xyz')).toThrow('40 lowercase hex digits');
  });

  test('setState closes and reopens, recording who closed', () => {
    const s = store();
    s.setState(REPO, 7, 'closed', 'maxime');
    expect(s.issue(REPO, 7)).toMatchObject({ state: 'closed', closedBy: 'maxime' });
    s.setState(REPO, 7, 'open');
    expect(s.issue(REPO, 7)).toMatchObject({ state: 'open', closedBy: null, closedAt: null });
  });

  test.each([
    [
      'an unknown repository',
      (s: Store) => s.repo('apache/nope'),
      'repository "apache/nope" is not in the emulator',
    ],
    ['an unknown issue', (s: Store) => s.issue(REPO, 99), '#99 is not in apache/superset'],
    ['an issue as a PR', (s: Store) => s.pull(REPO, 8), 'is an issue, not a pull request'],
    ['a duplicate label', (s: Store) => s.createLabel(REPO, { name: 'BUG' }), 'label "BUG" already exists'],
    [
      'a duplicate repository',
      (s: Store) => s.addRepository({ owner: 'Apache', name: 'Superset' }),
      'already exists',
    ],
    [
      'a status of an unknown deployment',
      (s: Store) => s.addDeploymentStatus(REPO, 1, { state: 'success' }),
      'deployment 1',
    ],
  ])('%s throws a clear error', (_what, act, message) => {
    expect(() => act(store())).toThrow(message);
  });

  test('a rename to another label’s name is refused; a case change is allowed', () => {
    const s = store();
    expect(() => s.updateLabel(REPO, 'new', { name: 'bug' })).toThrow('already exists');
    expect(s.updateLabel(REPO, 'bug', { name: 'BUG' }).name).toBe('BUG');
    expect(s.labelNames(REPO, 7)).toEqual(['BUG', 'new']);
  });

  test('permissions: the owner is admin; null removes a collaborator', () => {
    const s = store();
    expect(s.permission(REPO, 'apache')).toBe('admin');
    s.setPermission(REPO, 'Bob', 'triage');
    expect(s.permission(REPO, 'bob')).toBe('triage');
    s.setPermission(REPO, 'bob', null);
    expect(s.permission(REPO, 'bob')).toBeUndefined();
  });
});
