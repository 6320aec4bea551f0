import type { EnvironmentRow, SweepAction } from '../../src/core/dashboard.js';
import {
  countActions,
  environmentRows,
  expiryMarker,
  formatDuration,
  renderDashboard,
  renderExpiryWarning,
  expiresText,
} from '../../src/core/dashboard.js';
import type { Environment, PrState } from '../../src/core/types.js';
import { requireSha7 } from '../../src/core/values.js';
import { UNKNOWN_HEAD } from '../../src/core/state.js';

const now = new Date('2026-11-22T12:00:00Z');
const costPerHour = { small: 0.03, medium: 0.06, large: 0.12 };
const settings = {
  now,
  defaultTtl: { kind: 'duration', hours: 48 } as const,
  defaultSize: 'medium' as const,
  costPerHour,
};
const repoUrl = 'https://github.com/apache/superset';

function env(sha: string, fields: Partial<Environment> = {}): Environment {
  return { sha: requireSha7(sha), config: { flags: {}, debug: false }, labels: [], ...fields };
}

function state(number: number, fields: Partial<PrState> = {}): PrState {
  return {
    number,
    headSha: UNKNOWN_HEAD,
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

function row(fields: Partial<EnvironmentRow> = {}): EnvironmentRow {
  return {
    pr: 7,
    prOpen: true,
    sha: 'abc123f',
    status: 'running',
    role: 'active',
    ttl: '2d',
    config: 'medium',
    costSoFar: 0,
    ...fields,
  };
}

describe('formatDuration', () => {
  test.each([
    [-5 * 60_000, '0m'],
    [0, '0m'],
    [59_999, '0m'],
    [45 * 60_000, '45m'],
    [60 * 60_000, '1h'],
    [(5 * 60 + 10) * 60_000, '5h 10m'],
    [47 * 3_600_000, '47h'],
    [48 * 3_600_000, '2d'],
    [(3 * 24 + 4) * 3_600_000, '3d 4h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('expiresText', () => {
  test.each<[Partial<EnvironmentRow>, string]>([
    [{ ttl: 'close' }, 'when the PR closes'],
    [{ ttl: 'manual' }, 'when stopped'],
    [{ ttl: '2d' }, 'TTL 2d, creation time unknown'],
    [{ ttl: '2d', expiresAt: '2026-11-22T17:30:00.000Z' }, '2026-11-22 17:30 UTC'],
    [{ ttl: '2d', expiresAt: '2026-11-20T12:00:00.000Z' }, '2026-11-20 12:00 UTC'],
  ])('%j → %s', (fields, text) => {
    expect(expiresText(row(fields))).toBe(text);
  });
});

describe('environmentRows', () => {
  test('one row per environment, by PR then SHA, with role, URL, deadline and cost', () => {
    const rows = environmentRows(
      [
        state(9, {
          open: false,
          environments: { fff0000: env('fff0000', { status: 'failed' }) },
        }),
        state(7, {
          active: requireSha7('bbb2222'),
          building: requireSha7('aaa1111'),
          environments: {
            bbb2222: env('bbb2222', {
              status: 'running',
              createdAt: new Date('2026-11-22T02:00:00Z'),
              address: { host: '52.1.2.3', port: 8080 },
              requester: 'maxime',
              config: { flags: { ALERTS: true }, debug: false, size: 'large' },
            }),
            aaa1111: env('aaa1111', {
              status: 'building',
              createdAt: new Date('2026-11-22T11:00:00Z'),
              ttl: { kind: 'close' },
            }),
          },
        }),
      ],
      settings,
    );
    expect(rows).toEqual([
      {
        pr: 7,
        prOpen: true,
        sha: 'aaa1111',
        status: 'building',
        role: 'building',
        createdAt: '2026-11-22T11:00:00.000Z',
        ttl: 'close',
        config: 'medium',
        costSoFar: 0.06,
      },
      {
        pr: 7,
        prOpen: true,
        sha: 'bbb2222',
        status: 'running',
        role: 'active',
        url: 'http://52.1.2.3:8080',
        createdAt: '2026-11-22T02:00:00.000Z',
        ttl: '2d',
        expiresAt: '2026-11-24T02:00:00.000Z',
        requester: 'maxime',
        config: 'ALERTS, large',
        costSoFar: 1.2,
      },
      {
        pr: 9,
        prOpen: false,
        sha: 'fff0000',
        status: 'failed',
        role: 'other',
        ttl: '2d',
        config: 'medium',
        costSoFar: 0,
      },
    ]);
  });

  test('rows survive a JSON round trip unchanged (the output is JSON)', () => {
    const rows = environmentRows(
      [state(7, { environments: { abc123f: env('abc123f', { createdAt: now }) } })],
      settings,
    );
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  test('no PRs, no rows', () => {
    expect(environmentRows([], settings)).toEqual([]);
  });
});

describe('renderDashboard', () => {
  const base = { now, repoUrl, actions: [], failures: [], dryRun: { github: false, aws: false } };

  test('an empty repository says so, and that nothing needed doing', () => {
    const text = renderDashboard({ ...base, rows: [] });
    expect(text).toContain('No environments.');
    expect(text).toContain('Nothing needed doing.');
    expect(text).not.toContain('Dry run');
  });

  test('lists every environment with PR link, SHA, status, URL, creation, expiry, requester, config and cost', () => {
    const text = renderDashboard({
      ...base,
      rows: [
        row({
          url: 'http://52.1.2.3:8080',
          createdAt: '2026-11-22T02:00:00.000Z',
          expiresAt: '2026-11-24T02:00:00.000Z',
          requester: 'maxime',
          config: 'ALERTS, large',
          costSoFar: 1.2,
        }),
        row({
          pr: 9,
          prOpen: false,
          sha: 'fff0000',
          status: 'failed',
          role: 'other',
          url: 'http://1.2.3.4:1',
          costSoFar: 0.3,
        }),
      ],
    });
    expect(text).toContain(
      '| [#7](https://github.com/apache/superset/pull/7) | `abc123f` 🎯 | 🟢 running | http://52.1.2.3:8080 | 2026-11-22 02:00 UTC | 2026-11-24 02:00 UTC | @maxime | ALERTS, large | $1.20 |',
    );
    // A failed environment's stale address is not offered as a link.
    expect(text).toContain(
      '| [#9](https://github.com/apache/superset/pull/9) (closed) | `fff0000` | ❌ failed |  |',
    );
    expect(text).toContain(
      '**2 environments** on 2 pull requests (1 failed, 1 running) · estimated cost so far **$1.50**',
    );
    expect(text).toContain('| **total** | | | | | | | | **$1.50** |');
  });

  test.each<[SweepAction, string]>([
    [{ kind: 'destroyed', pr: 7, subject: 'abc123f', detail: 'ttl-expired' }, '🧹 destroyed'],
    [
      { kind: 'destroyed', pr: 7, subject: 'abc123f', detail: 'ttl-expired', planned: true },
      '🧹 would destroy',
    ],
    [{ kind: 'warned', pr: 7, subject: 'abc123f', detail: 'x' }, '⏳ warned'],
    [{ kind: 'orphan-deleted', subject: 'pr-7-abc123f-service', detail: 'x' }, '👻 orphan service deleted'],
    [
      { kind: 'label-deleted', subject: '🎪 abc123f 🚦 running', detail: 'x', planned: true },
      '🏷️ would delete label',
    ],
  ])('the action table names what was done (or would be): %j', (action, title) => {
    const text = renderDashboard({ ...base, rows: [], actions: [action] });
    expect(text).toContain(`| ${title} |`);
    expect(text).not.toContain('Nothing needed doing.');
  });

  test('failures are listed with their error, and counted in the totals', () => {
    const text = renderDashboard({
      ...base,
      rows: [],
      actions: [
        { kind: 'destroyed', pr: 7, subject: 'abc123f', detail: 'ttl-expired' },
        { kind: 'destroyed', pr: 8, subject: 'def4567', detail: 'leftover-closed-pr' },
      ],
      failures: [{ pr: 9, subject: 'fff0000', error: 'Could not delete service | 503' }],
    });
    expect(text).toContain(
      '| ⚠️ failed | [#9](https://github.com/apache/superset/pull/9) | fff0000 | Could not delete service \\| 503 |',
    );
    expect(text).toContain('**Totals:** 2 × destroyed · 1 failed');
  });

  test.each([
    [{ github: true, aws: true }, 'nothing was written;'],
    [{ github: true, aws: false }, 'nothing was written to GitHub;'],
    [{ github: false, aws: true }, 'nothing was created or deleted in AWS;'],
  ])('a dry run %j says what it did not write', (dryRun, words) => {
    expect(renderDashboard({ ...base, rows: [], dryRun })).toContain(`**Dry run:** ${words}`);
  });

  test('cells cannot break the table: pipes escaped, line breaks flattened', () => {
    const text = renderDashboard({
      ...base,
      rows: [],
      actions: [{ kind: 'orphan-kept', subject: 'a|b', detail: 'line one\nline two' }],
    });
    expect(text).toContain('| a\\|b | line one line two |');
  });

  test('links the run logs when given', () => {
    expect(renderDashboard({ ...base, rows: [], runUrl: 'https://x/run/1' })).toContain(
      '[Run logs](https://x/run/1) · Updated 2026-11-22 12:00 UTC',
    );
  });
});

describe('countActions', () => {
  test('counts each kind, zero for kinds that did not happen', () => {
    const counts = countActions([
      { kind: 'warned', subject: 'a', detail: '' },
      { kind: 'warned', subject: 'b', detail: '' },
      { kind: 'label-deleted', subject: 'c', detail: '' },
    ]);
    expect(counts.warned).toBe(2);
    expect(counts['label-deleted']).toBe(1);
    expect(counts.destroyed).toBe(0);
  });
});

describe('expiry warning', () => {
  const deadline = new Date('2026-11-22T17:30:00Z');

  test('the marker carries the SHA and the deadline to the minute', () => {
    expect(expiryMarker('abc123f', deadline)).toBe(
      '<!-- showtime:expiry-warning abc123f 2026-11-22T17:30Z -->',
    );
    expect(expiryMarker('abc123f', deadline)).not.toBe(
      expiryMarker('abc123f', new Date('2026-11-22T18:30:00Z')),
    );
  });

  test('starts with its marker, mentions the requester, says when, and gives both commands', () => {
    const text = renderExpiryWarning({ sha: 'abc123f', deadline, now, requester: 'maxime' });
    expect(text.startsWith(expiryMarker('abc123f', deadline))).toBe(true);
    expect(text).toContain('@maxime, the showtime environment `abc123f`');
    expect(text).toContain('**2026-11-22 17:30 UTC**; it will then be torn down.');
    expect(text).toContain('`/showtime extend 48h`');
    expect(text).toContain('`/showtime keep-alive`');
  });

  test.each([undefined, 'a-very-long-login-that-was-shortened-to…'])(
    'does not mention a requester it cannot name (%s)',
    (requester) => {
      const text = renderExpiryWarning({ sha: 'abc123f', deadline, now, requester });
      expect(text).not.toContain('@');
      expect(text).toContain('⏳ The showtime environment');
    },
  );
});
