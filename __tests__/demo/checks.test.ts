// The demo's expectations and timeline rendering: pure functions over a snapshot.
import { renderStatusComment } from '../../src/core/report.js';
import { buildPrState } from '../../src/core/state.js';
import type { Check, Snapshot } from '../../demo/checks.js';
import { checks, problemsOf, serviceName } from '../../demo/checks.js';
import { heading, renderSnapshot, sweepTotalsOf, trimComment } from '../../demo/render.js';
import { requireSha } from '../../src/core/values.js';

const SHA = requireSha('abc1234def5678901234567890abcdef12345678');
const RUNNING = [
  '🎪 🎟️ showtime-tracked',
  '🎪 abc1234 🚦 running',
  '🎪 🎯 abc1234',
  '🎪 abc1234 📅 2024-01-15T14-30',
  '🎪 abc1234 ⌛ 73h',
  '🎪 abc1234 ⚙️ ALERTS',
];

function snap(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    pr: 7,
    headSha: SHA,
    open: true,
    labels: RUNNING,
    comment: '<!-- showtime:status -->\n### 🎪 Showtime\n\n| x | 🟢 running |\n',
    deployments: [
      { id: 1, sha7: '0000000', state: 'inactive' },
      { id: 2, sha7: 'abc1234', state: 'success' },
    ],
    services: [
      { name: 'pr-7-abc1234-service', taskDefinition: 'pr-7-abc1234:2', featureFlags: { ALERTS: 'True' } },
    ],
    githubCalls: 3,
    ...overrides,
  };
}

const EMPTY = snap({ labels: [], comment: undefined, deployments: [], services: [], githubCalls: 0 });

test.each<[string, Check, Snapshot, Snapshot, RegExp]>([
  ['running', checks.running('abc1234'), snap(), EMPTY, /abc1234 is absent, expected running/],
  [
    'running needs the 🎯 pointer',
    checks.running('abc1234'),
    snap(),
    snap({ labels: RUNNING.filter((label) => label !== '🎪 🎯 abc1234') }),
    /pointer is on nothing/,
  ],
  ['noEnvironment', checks.noEnvironment('abc1234'), EMPTY, snap(), /labels of abc1234 remain/],
  ['noShowtimeLabels', checks.noShowtimeLabels(), snap({ labels: ['bug'] }), snap(), /🎪 labels remain/],
  ['label', checks.label('🎪 🎯 abc1234'), snap(), EMPTY, /is missing/],
  ['noLabel', checks.noLabel('🎪 🎯 abc1234'), EMPTY, snap(), /is still there/],
  ['ttlAtLeast', checks.ttlAtLeast('abc1234', 72), snap(), EMPTY, /TTL of abc1234 is none/],
  [
    'ttlAtLeast compares hours',
    checks.ttlAtLeast('abc1234', 74),
    snap({ labels: RUNNING.map((l) => l.replace('73h', '74h')) }),
    snap(),
    /is 73h, expected at least 74h/,
  ],
  ['flagLabel', checks.flagLabel('abc1234', 'ALERTS'), snap(), EMPTY, /enables ALERTS/],
  ['services', checks.services(['pr-7-abc1234-service']), snap(), EMPTY, /are \[\], expected/],
  ['services, none expected', checks.services([]), EMPTY, snap(), /expected \[\]/],
  [
    'serviceFlag',
    checks.serviceFlag('pr-7-abc1234-service', 'ALERTS', 'True'),
    snap(),
    snap({
      services: [{ name: 'pr-7-abc1234-service', taskDefinition: 'pr-7-abc1234:1', featureFlags: {} }],
    }),
    /pr-7-abc1234:1 has SUPERSET_FEATURE_ALERTS=\(unset\), expected True/,
  ],
  [
    'serviceFlag without service',
    checks.serviceFlag('x', 'A', 'True'),
    snap({ services: [{ name: 'x', taskDefinition: 't', featureFlags: { A: 'True' } }] }),
    EMPTY,
    /service x is not active/,
  ],
  ['deployment', checks.deployment('abc1234', 'success'), snap(), EMPTY, /no deployment of abc1234/],
  [
    'deployment looks at the newest only',
    checks.deployment('abc1234', 'inactive'),
    snap({
      deployments: [
        { id: 9, sha7: 'abc1234', state: 'inactive' },
        { id: 3, sha7: 'abc1234', state: 'success' },
      ],
    }),
    snap(),
    /deployment 2 of abc1234 is success, expected inactive/,
  ],
  ['noLiveDeployment', checks.noLiveDeployment(), EMPTY, snap(), /still live: 2 \(abc1234, success\)/],
  [
    'commentSays',
    checks.commentSays('🟢 running'),
    snap(),
    EMPTY,
    /does not say "🟢 running" \(no comment\)/,
  ],
  ['githubCallsAtMost', checks.githubCallsAtMost(0), EMPTY, snap(), /3 GitHub API calls, expected at most 0/],
])('%s: holds on one snapshot, names the problem on another', (_name, check, good, bad, problem) => {
  expect(check(good)).toBeUndefined();
  expect(check(bad)).toMatch(problem);
});

test('problemsOf lists the problems of every failing check, in order', () => {
  expect(problemsOf(EMPTY, [checks.services([]), () => 'one', () => undefined, () => 'two'])).toEqual([
    'one',
    'two',
  ]);
});

test('serviceName follows the ECS adapter naming', () => {
  expect(serviceName(34809, 'abc1234')).toBe('pr-34809-abc1234-service');
});

test('trimComment keeps the headline, the link, the dates and the outcome of a real status comment', () => {
  const state = buildPrState({ number: 7, headSha: SHA, open: true, labels: RUNNING });
  const body = renderStatusComment({
    state,
    lastEvent: { message: 'Deployed `abc1234`.', actor: 'maintainer', outcome: 'done' },
    run: { url: 'https://github.com/apache/superset/actions/runs/1/attempts/1' },
    now: new Date('2024-01-15T16:30:00Z'),
    defaultSize: 'medium',
    costPerHour: { small: 0.03, medium: 0.06, large: 0.12 },
  });
  const lines = trimComment(body);
  expect(lines).toEqual([
    '🟢 running `abc1234`',
    'Created: 2024-01-15 14:30 UTC · expires: 2024-01-18 15:30 UTC (TTL 3d 1h)',
    '✅ Deployed `abc1234`. (asked by @maintainer)',
  ]);
  const served = renderStatusComment({
    state,
    urls: { abc1234: 'http://10.0.0.9:8088' },
    now: new Date('2024-01-15T16:30:00Z'),
    defaultSize: 'medium',
    costPerHour: { small: 0.03, medium: 0.06, large: 0.12 },
  });
  expect(trimComment(served)).toContain('open: http://10.0.0.9:8088');
});

test('renderSnapshot shows every part, "(none)" for empty ones', () => {
  expect(renderSnapshot(EMPTY)).toEqual([
    'labels        (none)',
    'comment       (none)',
    'deployments   (none)',
    'ECS services  (none)',
  ]);
  const lines = renderSnapshot(snap());
  expect(lines).toContain('deployments   #1 0000000 inactive');
  expect(lines).toContain(
    'ECS services  pr-7-abc1234-service (pr-7-abc1234:2) · SUPERSET_FEATURE_ALERTS=True',
  );
  expect(lines.filter((line) => line.includes('🎪'))).toHaveLength(RUNNING.length);
});

test('heading pads a title to a fixed width', () => {
  expect(heading('1. x', 10)).toBe('── 1. x ──');
  expect(heading('a long title', 5)).toBe('── a long title ');
});

test.each([
  ['## d\n\n**Totals:** 1 × destroyed · 9 × label deleted\n', '1 × destroyed · 9 × label deleted'],
  ['## d\n\nNothing needed doing.\n', 'nothing needed doing'],
  ['', 'no dashboard'],
])('a sweep says what it cleaned, by kind: %j', (dashboard, text) => {
  expect(sweepTotalsOf(dashboard)).toBe(text);
});
