// The demo of the quick start is a test too: CI proves that `npm run demo` still walks a PR through its whole life
// with the committed bundles.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../demo/run.js';
import { STEPS } from '../../demo/scenario.js';

test('npm run demo: every step of the PR lifecycle reaches its expected state', async () => {
  const lines: string[] = [];
  const result = await main({ out: (line) => lines.push(line) });
  // On failure the whole timeline is the message: it names the step and what it missed.
  if (!result.ok) throw new Error(lines.join('\n'));
  expect(result.passed).toEqual(STEPS.map((step) => step.title));
  expect(lines.at(-1)).toMatch(/^✔ all 8 steps reached their expected state/);
  // After its checks the demo shows what the PR showed, from the real runs: one file per comment or summary.
  const page = lines.map((line) => /as one page: (\S+)index\.html$/.exec(line)?.[1]).find(Boolean);
  expect(page).toBeDefined();
  const read = (name: string) => readFileSync(path.join(page!, `${name}.md`), 'utf8');
  expect(read('building')).toContain('🟡 building');
  expect(read('02-status-comment')).toContain('Open the environment');
  expect(read('failed-deploy')).toMatch(/❌ failed[\s\S]*health check[\s\S]*Cleaned up/);
  expect(read('fork-approval')).toMatch(/```text\n\/showtime start [0-9a-f]{40}\n```/);
  expect(read('cleanup-dashboard')).toContain('**Totals:**');
  expect(existsSync(path.join(page!, 'index.html'))).toBe(true);
}, 90_000);

test('a step that misses its state stops the demo and is named', async () => {
  const lines: string[] = [];
  const first = STEPS[0]!;
  const result = await main({
    out: (line) => lines.push(line),
    steps: [{ ...first, checks: [...first.checks, () => 'the PR should have a label by now'] }, STEPS[1]!],
  });
  expect(result.ok).toBe(false);
  expect(result.failed).toEqual({
    step: `step "${first.title}"`,
    problems: ['the PR should have a label by now'],
  });
  expect(result.passed).toEqual([]);
  expect(lines).toContain(`✘ step "${first.title}" did not reach its expected state:`);
}, 60_000);
