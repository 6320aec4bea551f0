import {
  commandErrorLine,
  describeConfig,
  estimatedCost,
  hoursBetween,
  renderRunSummary,
  renderStatusComment,
  STATUS_MARKER,
} from '../../src/core/report.js';
import type { Environment, PrState } from '../../src/core/types.js';
import { requireSha, requireSha7 } from '../../src/core/values.js';

const now = new Date('2026-11-22T12:00:00Z');
const costPerHour = { small: 0.03, medium: 0.06, large: 0.12 };

function env(sha: string, fields: Partial<Environment> = {}): Environment {
  return { sha: requireSha7(sha), config: { flags: {}, debug: false }, labels: [], ...fields };
}

function state(fields: Partial<PrState> = {}): PrState {
  return {
    number: 7,
    headSha: requireSha('a'.repeat(40)),
    open: true,
    environments: {},
    triggers: { start: false, stop: false, legacyUp: false },
    frozen: false,
    blocked: false,
    pendingConfig: [],
    legacyLabels: [],
    problems: [],
    ...fields,
  };
}

const view = { now, defaultSize: 'medium' as const, costPerHour };

describe('status comment', () => {
  test('carries the hidden marker and the commands, even with no environment', () => {
    const body = renderStatusComment({ ...view, state: state() });
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
    expect(body).toContain('No environment for this pull request.');
    expect(body).toContain('**Start one:** `/showtime start`');
    expect(body).not.toContain('/showtime stop');
  });

  test('a build that replaces a running environment names both: the new one first, the old one serving', () => {
    const running = env('abc123f', {
      status: 'running',
      createdAt: new Date('2026-11-22T10:00:00Z'),
      address: { host: '52.1.2.3', port: 8080 },
    });
    const building = env('def4567', { status: 'building', createdAt: new Date('2026-11-22T11:30:00Z') });
    const body = renderStatusComment({
      ...view,
      state: state({
        environments: { def4567: building, abc123f: running },
        active: requireSha7('abc123f'),
        building: requireSha7('def4567'),
      }),
    });
    expect(body).toContain('🟡 building `def4567`');
    expect(body).toContain(
      '- 🟢 `abc123f` running (active) keeps serving [http://52.1.2.3:8080](http://52.1.2.3:8080) until `def4567` is ready',
    );
  });

  test.each([
    [
      'a message that already names the actor',
      '@triager (triage) may not start an environment.',
      'triager',
      '',
    ],
    ['a message that does not', 'Deployed.', 'maxime', ' (asked by @maxime)'],
    ['a longer login that starts with the named one', '@tri may not.', 'triager', ' (asked by @triager)'],
  ])('names the actor once: %s', (_, message, actor, suffix) => {
    const body = renderStatusComment({
      ...view,
      state: state(),
      lastEvent: { message, actor, outcome: 'done' },
    });
    expect(body).toContain(`✅ ${message}${suffix}\n`);
  });

  test.each([
    [{ frozen: true }, '🧊 frozen'],
    [{ blocked: true }, '🔒 blocked'],
  ])('shows modifiers %o', (fields, text) => {
    expect(renderStatusComment({ ...view, state: state(fields) })).toContain(text);
  });

  test('prefers the URL the run measured over the labels', () => {
    const running = env('abc123f', { status: 'running', address: { host: '1.1.1.1', port: 1 } });
    const body = renderStatusComment({
      ...view,
      state: state({ environments: { abc123f: running }, active: requireSha7('abc123f') }),
      urls: { abc123f: 'http://10.0.0.9:8088' },
    });
    expect(body).toContain('http://10.0.0.9:8088');
    expect(body).not.toContain('1.1.1.1');
  });

  test('quotes details and marks refusals', () => {
    const body = renderStatusComment({
      ...view,
      state: state(),
      lastEvent: { message: 'Refused.', outcome: 'refused' },
      details: ['`/showtime extend forever`: bad duration'],
    });
    expect(body).toContain('⛔ Refused.');
    expect(body).toContain('> `/showtime extend forever`: bad duration');
  });
});

describe('figures', () => {
  test.each([
    ['2026-11-22T10:00:00Z', '2026-11-22T12:00:00Z', 2],
    ['2026-11-22T12:00:00Z', '2026-11-22T10:00:00Z', 0],
    ['2026-11-22T11:57:00Z', '2026-11-22T12:00:00Z', 0.1],
  ])('hours from %s to %s', (from, to, hours) => {
    expect(hoursBetween(new Date(from), new Date(to))).toBe(hours);
  });

  test.each([
    [{ flags: {}, debug: false }, 'medium'],
    [{ flags: { B: true, A: false }, debug: false, size: 'small' as const }, 'A off, B, small'],
  ])('config %o reads %s', (config, text) => {
    expect(describeConfig(config, 'medium')).toBe(text);
  });

  test('cost is zero without a creation time and grows with the size rate', () => {
    expect(estimatedCost(env('abc123f'), view)).toBe(0);
    const created = new Date('2026-11-22T02:00:00Z');
    expect(estimatedCost(env('abc123f', { createdAt: created }), view)).toBe(0.6);
    expect(
      estimatedCost(
        env('abc123f', { createdAt: created, config: { flags: {}, debug: false, size: 'large' } }),
        view,
      ),
    ).toBe(1.2);
  });
});

test('run summary lists every decision and escapes table pipes', () => {
  const summary = renderRunSummary({
    pr: 7,
    decisions: [
      {
        action: 'create',
        targetSha: requireSha('a'.repeat(40)),
        buildNeeded: true,
        reason: 'first-start',
        message: 'a | b',
        consume: [],
      },
    ],
    outcome: 'Deployed.',
    url: 'http://x',
  });
  expect(summary).toContain('| create | `aaaaaaa` | first-start | a \\| b |');
  expect(summary).toContain('**Environment:** http://x');
});

test.each([
  ['a message ending in a full stop', 'e.g. 48h.'],
  ['a message ending in several', 'e.g. 48h..'],
  ['a message without one', 'e.g. 48h'],
])('a command error reads with one full stop: %s', (_, message) => {
  const line = commandErrorLine({
    line: '/showtime extend forever',
    message,
    usage: '/showtime extend <n>h',
  });
  expect(line).toBe('`/showtime extend forever`: e.g. 48h. Accepted form: `/showtime extend <n>h`');
});
