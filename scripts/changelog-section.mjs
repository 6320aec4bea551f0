// Prints the CHANGELOG.md section of one version (the release notes), or fails naming the version when there is none.
// Usage: node scripts/changelog-section.mjs 1.0.0
import { readFileSync } from 'node:fs';

export function changelogSection(text, version) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) =>
    new RegExp(`^## \\[?v?${version.replace(/\./g, '\\.')}\\]?( |$)`).test(line),
  );
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = process.argv[2];
  const section = version ? changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version) : undefined;
  if (!section) {
    process.stderr.write(
      `CHANGELOG.md has no section "## ${version ?? '<version>'}" (accepted form: "## 1.2.3 - 2026-12-02")\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${section}\n`);
}
