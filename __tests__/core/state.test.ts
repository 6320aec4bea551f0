import fc from 'fast-check';
import {
  BLOCKED,
  FREEZE,
  LEGACY_TRIGGER,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  activeLabel,
  buildingLabel,
  configCommandLabel,
  environmentLabels,
  lockLabel,
  parseLabel,
  shortenRequester,
} from '../../src/core/labels.js';
import { allShowtimeLabels, buildPrState, labelChanges } from '../../src/core/state.js';
import { SIZES, STATUSES } from '../../src/core/types.js';
import type { Environment, PrState, Problem } from '../../src/core/types.js';
import { requireSha, requireSha7 } from '../../src/core/values.js';

const HEAD = requireSha('abc123f' + '0'.repeat(33));
const A = 'abc123f';
const B = 'def4567';
const VS = '\ufe0f';

const build = (labels: string[]) => buildPrState({ number: 42, headSha: HEAD, open: true, labels });
const codes = (state: PrState) => state.problems.map((p) => p.code);
const problem = (state: PrState, code: Problem['code']) => state.problems.find((p) => p.code === code);

const FULL_A = [
  `🎪 🎯 ${A}`,
  `🎪 ${A} 🚦 running`,
  `🎪 ${A} 📅 2024-01-15T14-30`,
  `🎪 ${A} 🌐 52.1.2.3:8080`,
  `🎪 ${A} ⌛ 1d`,
  `🎪 ${A} 🤡 maxime`,
  `🎪 ${A} ⚙${VS} debug,ALERTS`,
];
const EXPECTED_A = {
  sha: A,
  status: 'running',
  createdAt: new Date('2024-01-15T14:30:00Z'),
  address: { host: '52.1.2.3', port: 8080 },
  ttl: { kind: 'duration', hours: 24 },
  requester: 'maxime',
  config: { flags: { ALERTS: true }, debug: true },
};

describe('buildPrState: the PR itself', () => {
  test('no labels: no environments, nothing pending, no problems', () => {
    expect(buildPrState({ number: 7, headSha: HEAD, open: false, labels: ['bug'] })).toEqual({
      number: 7,
      headSha: HEAD,
      open: false,
      environments: {},
      triggers: { start: false, stop: false, legacyUp: false },
      frozen: false,
      blocked: false,
      pendingConfig: [],
      legacyLabels: [],
      problems: [],
    });
  });

  test.each<[string, (s: PrState) => unknown, unknown]>([
    [TRIGGER_START, (s) => s.triggers, { start: true, stop: false, legacyUp: false }],
    [TRIGGER_STOP, (s) => s.triggers, { start: false, stop: true, legacyUp: false }],
    [LEGACY_TRIGGER, (s) => s.triggers, { start: false, stop: false, legacyUp: true }],
    [FREEZE, (s) => [s.frozen, s.blocked], [true, false]],
    [BLOCKED, (s) => [s.frozen, s.blocked], [false, true]],
    [TRACKED, (s) => [s.environments, s.problems], [{}, []]],
    [lockLabel(42), (s) => [s.environments, s.problems], [{}, []]],
  ])('%j', (label, pick, expected) => {
    expect(pick(build([label]))).toEqual(expected);
  });

  test('pending conf-* commands keep label order and the label that carries each', () => {
    const labels = [
      configCommandLabel({ kind: 'size', size: 'large' }),
      'bug',
      configCommandLabel({ kind: 'flag', flag: 'ALERTS', enabled: false }),
      configCommandLabel({ kind: 'debug', enabled: true }),
    ];
    expect(build(labels).pendingConfig).toEqual([
      { change: { kind: 'size', size: 'large' }, label: labels[0] },
      { change: { kind: 'flag', flag: 'ALERTS', enabled: false }, label: labels[2] },
      { change: { kind: 'debug', enabled: true }, label: labels[3] },
    ]);
  });
});

describe('buildPrState: environments', () => {
  test('one complete environment, its labels verbatim and in PR order, pointer included', () => {
    const state = build(['bug', ...FULL_A, TRACKED]);
    expect(state.environments).toEqual({ [A]: { ...EXPECTED_A, labels: FULL_A } });
    expect(state.active).toBe(A);
    expect(state).not.toHaveProperty('building');
    expect(state.legacyLabels).toEqual([]);
    expect(state.problems).toEqual([]);
  });

  test('a rolling update: active and building environments side by side', () => {
    const state = build([
      `🎪 🎯 ${A}`,
      `🎪 ${A} 🚦 running`,
      `🎪 🏗 ${B}`,
      `🎪 ${B} 🚦 building`,
      `🎪 ${B} ⚙${VS} small`,
    ]);
    expect(state.active).toBe(A);
    expect(state.building).toBe(B);
    expect(state.environments[B]).toEqual({
      sha: B,
      status: 'building',
      config: { flags: {}, debug: false, size: 'small' },
      labels: [`🎪 🏗 ${B}`, `🎪 ${B} 🚦 building`, `🎪 ${B} ⚙${VS} small`],
    });
    expect(state.problems).toEqual([]);
  });

  test('several ⚙️ labels of one SHA are merged', () => {
    const state = build([
      `🎪 🎯 ${A}`,
      `🎪 ${A} 🚦 running`,
      `🎪 ${A} ⚙️ ALERTS,large`,
      `🎪 ${A} ⚙ !EMBEDDED,debug`,
    ]);
    expect(state.environments[A]?.config).toEqual({
      flags: { ALERTS: true, EMBEDDED: false },
      debug: true,
      size: 'large',
    });
    expect(state.problems).toEqual([]);
  });
});

describe('buildPrState: migration from older forms', () => {
  const EMOJI_FIRST = [
    `🎪 🎯 ${A}`,
    `🎪 🚦 ${A} running`,
    `🎪 📅 ${A} 2024-01-15T14-30Z`,
    `🎪 🌐 ${A} 52-1-2-3`,
    `🎪 ⌛ ${A} 24h`,
    `🎪 🤡 ${A} maxime`,
    `🎪 ⚙️ ${A} alerts,debug`,
  ];
  const GLOBAL = [
    `🎪 🎯 ${A}`,
    '🎪 🚦 running',
    '🎪 📅 2024-01-15T14-30',
    '🎪 🌐 52-1-2-3',
    '🎪 ⌛ 24h',
    '🎪 👤 maxime',
    '🎪 ⚙️ standard,alerts,debug',
  ];

  test.each([
    ['emoji-first', EMOJI_FIRST],
    ['global', GLOBAL],
  ])('%s labels describe the same environment as SHA-first ones', (_, labels) => {
    const state = build(labels);
    expect(state.environments).toEqual({ [A]: { ...EXPECTED_A, labels } });
    expect(state.active).toBe(A);
    expect(state.legacyLabels).toEqual(labels.slice(1));
    expect(state.problems).toEqual([]);
    // What the next write puts in their place:
    const env = state.environments[A] as Environment;
    expect(environmentLabels(env)).toEqual(FULL_A.slice(1));
  });

  test('a half-done migration: both forms agree, no problem, the old ones are legacy', () => {
    const state = build([...FULL_A, ...EMOJI_FIRST.slice(1)]);
    expect(state.environments[A]).toMatchObject(EXPECTED_A);
    expect(state.legacyLabels).toEqual(EMOJI_FIRST.slice(1));
    expect(state.problems).toEqual([]);
    expect(state.environments[A]?.labels).toHaveLength(FULL_A.length + EMOJI_FIRST.length - 1);
  });

  test.each([
    ['no 🎯 pointer', [] as string[], 'there is none'],
    ['two 🎯 pointers', [`🎪 🎯 ${A}`, `🎪 🎯 ${B}`], '2 🎯 pointers (abc123f, def4567)'],
  ])('global labels with %s are reported, kept as legacy, attached nowhere', (_, pointers, words) => {
    const globals = ['🎪 🚦 running', '🎪 ⌛ 24h'];
    const state = build([...pointers, ...globals]);
    expect(problem(state, 'legacy-without-active')).toEqual({
      code: 'legacy-without-active',
      labels: globals,
      message: expect.stringContaining(words),
    });
    expect(state.legacyLabels).toEqual(globals);
    expect(Object.values(state.environments).every((env) => env.status === undefined)).toBe(true);
    expect(allShowtimeLabels(state)).toEqual(expect.arrayContaining(globals));
  });
});

describe('buildPrState: problems', () => {
  test('malformed labels are reported with the reason, in label order', () => {
    const state = build([`🎪 ${A} 🚦 runnin`, '🎪 🎯 nope', '🎪 conf-size-huge']);
    expect(state.problems).toEqual([
      {
        code: 'malformed-label',
        labels: [`🎪 ${A} 🚦 runnin`],
        message: expect.stringContaining('status "runnin"'),
      },
      { code: 'malformed-label', labels: ['🎪 🎯 nope'], message: expect.stringContaining('SHA "nope"') },
      {
        code: 'malformed-label',
        labels: ['🎪 conf-size-huge'],
        message: expect.stringContaining('size "huge"'),
      },
    ]);
  });

  test.each<[string, string[], string | undefined]>([
    ['exactly one running: that one', ['running', 'failed'], A],
    ['two running: none', ['running', 'running'], undefined],
    ['none running: none', ['deploying', 'failed'], undefined],
  ])('several active pointers, %s', (_, [statusA, statusB], active) => {
    const state = build([`🎪 🎯 ${A}`, `🎪 🎯 ${B}`, `🎪 ${A} 🚦 ${statusA}`, `🎪 ${B} 🚦 ${statusB}`]);
    expect(state.active).toBe(active);
    expect(problem(state, 'several-active-pointers')).toEqual({
      code: 'several-active-pointers',
      labels: [`🎪 🎯 ${A}`, `🎪 🎯 ${B}`],
      message: expect.stringContaining(active === undefined ? 'none chosen' : `using ${active}`),
    });
  });

  test.each<[string, string[], string | undefined]>([
    ['exactly one in progress: that one', ['failed', 'deploying'], B],
    ['two in progress: none', ['building', 'built'], undefined],
  ])('several building pointers, %s', (_, [statusA, statusB], building) => {
    const state = build([`🎪 🏗️ ${A}`, `🎪 🏗 ${B}`, `🎪 ${A} 🚦 ${statusA}`, `🎪 ${B} 🚦 ${statusB}`]);
    expect(state.building).toBe(building);
    expect(codes(state)).toEqual(['several-building-pointers']);
  });

  test('the same pointer spelled twice is one pointer', () => {
    const state = build([`🎪 🏗️ ${A}`, `🎪 🏗 ${A}`, `🎪 ${A} 🚦 building`]);
    expect(state.building).toBe(A);
    expect(state.problems).toEqual([]);
  });

  test.each([activeLabel(A), buildingLabel(A)])('%j pointing at a SHA with no status', (pointer) => {
    const state = build([pointer, `🎪 ${A} ⌛ 24h`]);
    expect(state.problems).toEqual([
      { code: 'pointer-without-status', labels: [pointer], message: expect.stringContaining('no 🚦 status') },
    ]);
    expect(state.environments[A]?.labels).toEqual([pointer, `🎪 ${A} ⌛ 24h`]);
  });

  test('a status without a pointer', () => {
    const state = build([`🎪 ${A} 🚦 failed`, `🎪 ${A} ⌛ 24h`]);
    expect(state.problems).toEqual([
      {
        code: 'status-without-pointer',
        labels: [`🎪 ${A} 🚦 failed`],
        message: 'environment abc123f is failed but neither 🎯 nor 🏗️ points to it',
      },
    ]);
    expect(state).not.toHaveProperty('active');
  });

  test('a destroying environment no pointer names is an owed deletion, not a problem', () => {
    const state = build([`🎪 ${A} 🚦 destroying`, `🎪 ${A} ⌛ 24h`]);
    expect(state.problems).toEqual([]);
    expect(state.environments[A]?.status).toBe('destroying');
  });

  test.each<[string, string[], Partial<Environment>]>([
    ['the newer form wins', [`🎪 🚦 ${A} failed`, `🎪 ${A} 🚦 running`], { status: 'running' }],
    ['emoji-first beats global', ['🎪 ⌛ 24h', `🎪 ⌛ ${A} 48h`], { ttl: { kind: 'duration', hours: 48 } }],
    [
      'in one form, the name sorting last (the latest 📅)',
      [`🎪 ${A} 📅 2024-01-16T00-00`, `🎪 ${A} 📅 2024-01-15T14-30`],
      { createdAt: new Date('2024-01-16T00:00:00Z') },
    ],
    [
      'in one form, the name sorting last (address)',
      [`🎪 ${A} 🌐 1.2.3.4:80`, `🎪 ${A} 🌐 1.2.3.5:80`],
      { address: { host: '1.2.3.5', port: 80 } },
    ],
    [
      'in one form, the name sorting last (requester)',
      [`🎪 ${A} 🤡 zed`, `🎪 ${A} 🤡 amy`],
      { requester: 'zed' },
    ],
    [
      'flags contradicting across ⚙️ labels: the label sorting last',
      [`🎪 ${A} ⚙️ ALERTS`, `🎪 ${A} ⚙️ !ALERTS,debug`],
      { config: { flags: { ALERTS: true }, debug: true } },
    ],
    [
      'sizes contradicting across ⚙️ labels',
      [`🎪 ${A} ⚙️ small`, `🎪 ${A} ⚙️ large`],
      { config: { flags: {}, debug: false, size: 'small' } },
    ],
    [
      'an older configuration saying something else',
      [`🎪 ${A} ⚙️ ALERTS`, `🎪 ⚙️ ${A} standard`],
      { config: { flags: { ALERTS: true }, debug: false } },
    ],
  ])('conflicting values: %s', (_, conflicting, expected) => {
    const labels = [`🎪 🎯 ${A}`, ...(expected.status ? [] : [`🎪 ${A} 🚦 running`]), ...conflicting];
    for (const order of [labels, [...labels].reverse()]) {
      const state = build(order);
      expect(state.environments[A]).toMatchObject(expected);
      expect(state.problems).toEqual([
        {
          code: 'conflicting-values',
          labels: [...conflicting].sort((a, b) => (a < b ? -1 : 1)),
          message: expect.stringContaining('environment abc123f has contradicting'),
        },
      ]);
    }
  });

  test.each([
    ['the same TTL spelled two ways', [`🎪 ${A} ⌛ 48h`, `🎪 ${A} ⌛ 2d`]],
    ['the same login in two cases', [`🎪 ${A} 🤡 Maxime`, `🎪 🤡 ${A} maxime`]],
    ['the same date with and without Z', [`🎪 📅 ${A} 2024-01-15T14-30Z`, `🎪 ${A} 📅 2024-01-15T14-30`]],
    ['an older configuration that agrees', [`🎪 ${A} ⚙️ ALERTS`, `🎪 ⚙️ ${A} standard,alerts`]],
  ])('no conflict: %s', (_, labels) => {
    const state = build([`🎪 🎯 ${A}`, `🎪 ${A} 🚦 running`, ...labels]);
    expect(state.problems).toEqual([]);
  });
});

describe('allShowtimeLabels', () => {
  test('every state label, pointers and legacy ones included; nothing people asked for', () => {
    const state = build([
      TRIGGER_START,
      FREEZE,
      'bug',
      TRACKED,
      configCommandLabel({ kind: 'debug', enabled: true }),
      '🎪 nonsense',
      ...FULL_A,
      `🎪 🏗 ${B}`,
      `🎪 🚦 ${B} building`,
    ]);
    expect(allShowtimeLabels(state)).toEqual([...FULL_A, `🎪 🏗 ${B}`, `🎪 🚦 ${B} building`]);
  });
});

describe('labelChanges', () => {
  test.each<[string, string[], string[], { add: string[]; remove: string[] }]>([
    ['nothing to do', [...FULL_A], [...FULL_A], { add: [], remove: [] }],
    [
      'a status change',
      [`🎪 ${A} 🚦 deploying`, 'bug'],
      [`🎪 ${A} 🚦 running`],
      { add: [`🎪 ${A} 🚦 running`], remove: [`🎪 ${A} 🚦 deploying`] },
    ],
    [
      'names compare case-insensitively',
      [`🎪 ${A} 🤡 Maxime`],
      [`🎪 ${A} 🤡 maxime`],
      { add: [], remove: [] },
    ],
    [
      'legacy labels are replaced',
      ['🎪 🚦 running', `🎪 🎯 ${A}`],
      [`🎪 ${A} 🚦 running`, `🎪 🎯 ${A}`],
      { add: [`🎪 ${A} 🚦 running`], remove: ['🎪 🚦 running'] },
    ],
    [
      'labels that are not state stay even when not desired',
      [
        'bug',
        TRIGGER_START,
        TRIGGER_STOP,
        LEGACY_TRIGGER,
        FREEZE,
        BLOCKED,
        '🎪 conf-debug-on',
        '🎪 nonsense',
        lockLabel(1),
      ],
      [],
      { add: [], remove: [] },
    ],
    ['the index label is state', [TRACKED], [], { add: [], remove: [TRACKED] }],
    [
      'desired labels are added once',
      [],
      [TRACKED, TRACKED.toUpperCase(), FREEZE],
      { add: [TRACKED.toUpperCase(), FREEZE], remove: [] },
    ],
  ])('%s', (_, current, desired, changes) => {
    expect(labelChanges(current, desired)).toEqual(changes);
  });
});

describe('properties', () => {
  const hex = fc.constantFrom(...'0123456789abcdef');
  const sha7 = fc.string({ unit: hex, minLength: 7, maxLength: 7 });
  const env: fc.Arbitrary<Environment> = fc.record({
    sha: sha7.map((text) => requireSha7(text)),
    status: fc.constantFrom(...STATUSES),
    createdAt: fc
      .integer({ min: 0, max: 200_000_000 })
      .map((minutes) => new Date(Date.UTC(2000, 0, 1) + minutes * 60_000)),
    address: fc.record({
      host: fc
        .array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 })
        .map((o) => o.join('.')),
      port: fc.integer({ min: 1, max: 65535 }),
    }),
    ttl: fc.constantFrom({ kind: 'close' as const }, { kind: 'duration' as const, hours: 5 }),
    requester: fc.string({ unit: fc.constantFrom(...'abcXYZ019'), minLength: 1, maxLength: 39 }),
    config: fc.record(
      {
        flags: fc.dictionary(
          fc.string({ unit: fc.constantFrom(...'ABC_9'), minLength: 1, maxLength: 32 }),
          fc.boolean(),
        ),
        debug: fc.boolean(),
        size: fc.constantFrom(...SIZES),
      },
      { requiredKeys: ['flags', 'debug'] },
    ),
    labels: fc.constant([]),
  });

  test('rendering environments and reading them back gives them again, whatever the label order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(env, { selector: (e) => e.sha, minLength: 1, maxLength: 3 }),
        fc.infiniteStream(fc.double()),
        (envs, noise) => {
          const [first] = envs as [Environment];
          const labels = [activeLabel(first.sha), ...envs.slice(1).map((e) => buildingLabel(e.sha))];
          labels.push(...envs.flatMap(environmentLabels));
          const shuffled = labels
            .map((label) => ({ label, key: noise.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.label);
          const state = build(shuffled);
          expect(state.active).toBe(first.sha);
          for (const e of envs) {
            const { labels: own, ...fields } = state.environments[e.sha] as Environment;
            expect(fields).toEqual({
              ...e,
              requester: shortenRequester(e.requester ?? ''),
              labels: undefined,
            });
            const ofSha = labels.filter((l) => (parseLabel(l) as { sha?: string }).sha === e.sha);
            expect(new Set(own)).toEqual(new Set(ofSha));
          }
          // Every environment has a pointer; only two building pointers are a problem.
          expect(codes(state)).toEqual(envs.length > 2 ? ['several-building-pointers'] : []);
        },
      ),
    );
  });

  test('buildPrState never throws and labelChanges is idempotent', () => {
    const label = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary' }).map((s) => `🎪 ${s}`),
      fc.constantFrom(
        `🎪 🎯 ${A}`,
        `🎪 🏗 ${B}`,
        `🎪 ${A} 🚦 running`,
        `🎪 ${B} 🚦 failed`,
        '🎪 🚦 running',
        '🎪 ⚙️ standard,alerts',
        `🎪 ${A} ⚙️ !ALERTS`,
        TRIGGER_START,
        FREEZE,
      ),
    );
    fc.assert(
      fc.property(
        fc.array(label, { maxLength: 12 }),
        fc.array(label, { maxLength: 12 }),
        (labels, desired) => {
          const state = build(labels);
          expect(Array.isArray(state.problems)).toBe(true);
          const { add, remove } = labelChanges(labels, desired);
          const next = [...labels.filter((l) => !remove.includes(l)), ...add];
          expect(labelChanges(next, desired)).toEqual({ add: [], remove: [] });
        },
      ),
    );
  });
});
