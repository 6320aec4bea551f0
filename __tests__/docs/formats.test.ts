// One format for moments people read (formatTime: `2026-12-02 14:05 UTC`) and one style for durations
// (formatDuration), everywhere: a moment written any other way in the source is one of the machine formats below.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');

/**
 * Where an ISO timestamp is the point: tags, lease labels, search qualifiers, JSON output (the plan record's lease and
 * PR snapshot among it), hidden markers.
 */
const MACHINE_FORMATS: Record<string, number> = {
  'aws/tags.ts': 2,
  'core/locks.ts': 2,
  'github/search-query.ts': 1,
  'core/dashboard.ts': 3,
  'core/values.ts': 1,
  'orchestrator/claim.ts': 1,
  'orchestrator/session.ts': 1,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

test('moments are shown through formatTime only; ISO text stays in the machine formats', () => {
  const found: Record<string, number> = {};
  for (const file of sources(SRC)) {
    const count = (readFileSync(file, 'utf8').match(/\.toISOString\(\)/g) ?? []).length;
    if (count > 0) found[path.relative(SRC, file)] = count;
  }
  expect(found).toEqual(MACHINE_FORMATS);
});

test('durations are not spelled out by hand in messages ("N minutes", "Nh left")', () => {
  const offenders = sources(SRC).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
      .filter((line) => /\$\{[^}]+\} ?(minutes|hours|h left|h\))/.test(line))
      .map((line) => `${path.relative(SRC, file)}: ${line.trim()}`),
  );
  expect(offenders).toEqual([]);
});
