import { readFileSync } from 'node:fs';
import {
  DECISION_TABLE_PATH,
  README_PATH,
  REGENERATE_COMMAND,
  describeEvent,
  renderDecisionTable,
  renderReasonList,
} from '../../scripts/decision-table.js';
import { REASONS } from '../../src/core/reasons.js';
import type { ShowtimeEvent } from '../../src/core/types.js';
import { TRIGGER_START } from '../../src/core/labels.js';
import { CASES, CONTRIBUTOR, HEAD, MAINTAINER, OLD, PR, TRIAGER, hours } from './planner.cases.js';
import { requireSha7 } from '../../src/core/values.js';

/** Where the committed file and the rendering part ways, or undefined when they agree. */
function firstDifference(onDisk: string, rendered: string): string | undefined {
  if (onDisk === rendered) return undefined;
  const a = onDisk.split('\n');
  const b = rendered.split('\n');
  const line = b.findIndex((text, i) => a[i] !== text);
  const at = line < 0 ? b.length : line;
  return `${DECISION_TABLE_PATH} is stale at line ${at + 1} (committed: ${JSON.stringify(a[at] ?? '<end of file>')}); regenerate it with: ${REGENERATE_COMMAND}`;
}

function readCommitted(): string {
  try {
    return readFileSync(DECISION_TABLE_PATH, 'utf8');
  } catch {
    return '';
  }
}

/** Splits a table row on unescaped pipes. */
const cells = (row: string): string[] =>
  row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((text) => text.trim());

test('docs/decision-table.md is what scripts/decision-table.ts renders from the planner cases', () => {
  expect(firstDifference(readCommitted(), renderDecisionTable())).toBeUndefined();
});

test('the table has one row of five columns per case, in case order', () => {
  const rows = (renderDecisionTable().split('## Before the planner')[0] ?? '')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| event') && !line.startsWith('| ---'));
  expect(rows).toHaveLength(CASES.length);
  rows.forEach((row, i) => {
    const c = CASES[i];
    expect(cells(row)).toEqual([
      expect.any(String),
      c?.given,
      `\`${c?.expect.action}\``,
      c?.expect.buildNeeded ? 'yes' : 'no',
      `\`${c?.expect.reason}\``,
    ]);
  });
});

test('every reason the action can output is in the decision table and in the README', () => {
  const table = readCommitted();
  expect(REASONS.filter((reason) => !table.includes(`\`${reason}\``))).toEqual([]);
  const readme = readFileSync(README_PATH, 'utf8');
  expect(readme).toContain(renderReasonList());
  expect(REASONS.filter((reason) => !readme.includes(`\`${reason}\``))).toEqual([]);
});

test('a pipe in a situation does not split its cell', () => {
  const [first] = CASES;
  if (first === undefined) throw new Error('the planner cases are empty');
  const row = (renderDecisionTable([{ ...first, given: 'a | b' }]).split('## Before the planner')[0] ?? '')
    .split('\n')
    .at(-3);
  expect(cells(row ?? '')).toHaveLength(5);
  expect(row).toContain('a \\| b');
});

test('a stale file is reported with the command that regenerates it', () => {
  expect(firstDifference('# Decision table\nold\n', '# Decision table\nnew\n')).toBe(
    `${DECISION_TABLE_PATH} is stale at line 2 (committed: "old"); regenerate it with: ${REGENERATE_COMMAND}`,
  );
});

test.each<[ShowtimeEvent, string]>([
  [
    { kind: 'labeled', label: TRIGGER_START, pr: PR, headSha: HEAD, actor: MAINTAINER },
    `labeled \`${TRIGGER_START}\``,
  ],
  [
    { kind: 'unlabeled', label: 'testenv-up', pr: PR, headSha: HEAD, actor: TRIAGER },
    'unlabeled `testenv-up` (triage)',
  ],
  [
    { kind: 'synchronize', pr: PR, headSha: HEAD, actor: CONTRIBUTOR, fromFork: true },
    'synchronize from a fork (read)',
  ],
  [
    { kind: 'command', pr: PR, command: { kind: 'start', sha: OLD }, actor: MAINTAINER },
    'comment `/showtime start def5678…`',
  ],
  [
    { kind: 'command', pr: PR, command: { kind: 'extend', ttl: hours(48) }, actor: MAINTAINER },
    'comment `/showtime extend 2d`',
  ],
  [
    {
      kind: 'command',
      pr: PR,
      command: { kind: 'configure', change: { kind: 'flag', flag: 'X', enabled: false } },
      actor: MAINTAINER,
    },
    'comment `/showtime disable X`',
  ],
  [
    {
      kind: 'command',
      pr: PR,
      command: { kind: 'configure', change: { kind: 'debug', enabled: false } },
      actor: MAINTAINER,
    },
    'comment `/showtime debug off`',
  ],
  [
    {
      kind: 'command',
      pr: PR,
      command: { kind: 'configure', change: { kind: 'size', size: 'large' } },
      actor: MAINTAINER,
    },
    'comment `/showtime size large`',
  ],
  [
    { kind: 'dispatch', pr: PR, sha: requireSha7('abc1234'), actor: MAINTAINER },
    'workflow_dispatch sha abc1234',
  ],
  [
    { kind: 'closed', pr: PR, headSha: HEAD, actor: { login: 'x', permission: 'unknown' } },
    'closed (unknown)',
  ],
  [{ kind: 'schedule' }, 'schedule (cleanup sweep)'],
])('describeEvent %#', (event, text) => {
  expect(describeEvent(event)).toBe(text);
});
