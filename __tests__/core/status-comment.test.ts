// The status comment at each step of an environment's life, from the renderer the action uses. The comment is edited
// in place and GitHub renders no clocks, so what it shows must stay true until the next edit: every moment is
// absolute, in one format, and nothing counts down.
import { approvalCommand } from '../../src/core/approval.js';
import { describeExtension, renderReply, renderStatusComment, STATUS_MARKER } from '../../src/core/report.js';
import { COMMAND_USAGE } from '../../src/core/commands.js';
import { commentStates, FORK_HEAD, HEAD, NOW, STATUS_VIEWS } from '../../scripts/comment-states.js';

const SHA7 = HEAD.slice(0, 7);
const RUN_LOGS = '[run logs](https://github.com/apache/superset/actions/runs/12345678/attempts/1)';
const COMMIT = `[\`${SHA7}\`](https://github.com/apache/superset/commit/${HEAD})`;
const CONTAINER_LOGS =
  '[container logs](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:';

type State = keyof typeof STATUS_VIEWS;
const cases: [State, string[], string[]][] = [
  [
    'building',
    [
      `🟡 building \`${SHA7}\``,
      COMMIT,
      RUN_LOGS,
      CONTAINER_LOGS,
      'being built',
      '**Stop it:** `/showtime stop`',
    ],
    ['Open the environment'],
  ],
  [
    'deploying',
    [`🚀 deploying \`${SHA7}\``, COMMIT, RUN_LOGS, 'deploying it to ECS'],
    ['Open the environment'],
  ],
  [
    'running',
    [
      `🟢 running \`${SHA7}\``,
      '### [🔗 Open the environment](http://52.1.2.3:8088)',
      COMMIT,
      RUN_LOGS,
      CONTAINER_LOGS,
      '**expires:** 2026-12-04 13:52 UTC (TTL 2d)',
      '**Cost:** $0.06/hour · about $2.88 from creation to expiry',
      '**Keep it longer:** `/showtime extend 48h`',
      '**Everything else:** `/showtime help`',
    ],
    [],
  ],
  [
    'failed',
    [
      `❌ failed \`${SHA7}\``,
      'failed: the health check',
      '> Cleaned up: the ECS service',
      RUN_LOGS,
      '**Cost:** nothing runs',
      '**Try again:** `/showtime start`',
    ],
    ['Open the environment', '/hour', 'Keep it longer'],
  ],
  [
    'stopped',
    ['⚪ no environment', 'Stopped and removed', '**Start one:** `/showtime start`'],
    ['/showtime stop'],
  ],
  [
    'awaiting-approval',
    [
      `🔐 waiting for approval of \`${FORK_HEAD.slice(0, 7)}\``,
      `[commit ${FORK_HEAD.slice(0, 7)}](https://github.com/apache/superset/commit/${FORK_HEAD})`,
      `\`\`\`text\n${approvalCommand(FORK_HEAD)}\n\`\`\``,
    ],
    ['No environment for this pull request.'],
  ],
];

describe('status comment by state', () => {
  test.each(cases)('%s', (name, present, absent) => {
    const body = renderStatusComment(STATUS_VIEWS[name]);
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
    for (const text of present) expect(body).toContain(text);
    for (const text of absent) expect(body).not.toContain(text);
    expect(body).toContain('<sub>Updated 2026-12-02 14:05 UTC</sub>');
    // "Run logs" appears once, whatever happened.
    expect(body.match(/run logs/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  test('every state is covered by a case', () => {
    expect(cases.map(([name]) => name).sort()).toEqual(Object.keys(STATUS_VIEWS).sort());
  });
});

/** Anything that reads as a distance from the moment the comment was written, which goes stale once written. */
const RELATIVE = [
  /\bleft\b/i,
  /\bago\b/i,
  /\bin about\b/i,
  /\bso far\b/i,
  /\bremaining\b/i,
  /\b\d+(?:\.\d+)?[hm]\b/, // a bare age ("0.5h"); the TTL is a length, not a moment, and is skipped
];
const TIME = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?(?: UTC)?/g;

describe('every time shown is absolute', () => {
  const all = [
    ...Object.entries(STATUS_VIEWS).map(([name, view]) => [name, renderStatusComment(view)] as const),
    ...commentStates()
      .filter((state) => state.name === 'status-reply')
      .map((state) => [state.name, state.markdown] as const),
  ];
  test.each(all)('%s: moments in one format, no countdowns', (_, body) => {
    const visible = body
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/`[^`]*`/g, 'code')
      .replace(/TTL \d+[hdw]/g, 'TTL');
    for (const pattern of RELATIVE) expect(visible).not.toMatch(pattern);
    const moments = visible.match(TIME) ?? [];
    expect(moments.length).toBeGreaterThan(0);
    for (const moment of moments) expect(moment).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  });

  test('the relative-text check can fail: a countdown is caught', () => {
    const stale = 'age 0.5h · 2d (46h left) · updated 2026-11-22T12:00Z';
    expect(RELATIVE.some((pattern) => pattern.test(stale))).toBe(true);
    expect(stale.match(TIME)?.every((m) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(m))).toBe(false);
  });
});

describe('replies to the asker', () => {
  const state = STATUS_VIEWS.running.state;
  test.each([
    [
      { status: true, help: false },
      ['@maxime', '🟢 `abc123f` running (active)', 'expires 2026-12-04 13:52 UTC'],
      ['<details'],
    ],
    [{ status: false, help: true }, ['@maxime', '/showtime extend', 'status comment'], ['🟢']],
  ])('%o', (asked, present, absent) => {
    const body = renderReply({
      asker: 'maxime',
      ...asked,
      state,
      now: NOW,
      statusCommentUrl: 'https://x/pull/7#issuecomment-1',
      usage: COMMAND_USAGE,
    });
    expect(body.startsWith('@maxime')).toBe(true);
    for (const text of present) expect(body).toContain(text);
    for (const text of absent) expect(body).not.toContain(text);
  });
});

describe('extend says what was asked', () => {
  const created = new Date('2026-12-02T13:52:00Z');
  test.each([
    // Asked 72h 13 minutes after creation: the label counts from creation in whole hours (73h).
    [
      { kind: 'duration', hours: 72 },
      { kind: 'duration', hours: 73 },
      'now expires at 2026-12-05 14:52 UTC, at least 3d from now, as asked. Its ⌛ label reads 73h',
    ],
    [{ kind: 'duration', hours: 48 }, { kind: 'duration', hours: 48 }, 'at least 2d from now, as asked.'],
    [{ kind: 'close' }, { kind: 'close' }, 'now lives until the PR closes.'],
  ] as const)('%j written as %j', (asked, written, text) => {
    const message = describeExtension('abc123f', asked, written, created);
    expect(message).toContain(text);
    if (asked.kind === 'duration' && written.kind === 'duration' && asked.hours === written.hours)
      expect(message).not.toContain('label');
  });
});
