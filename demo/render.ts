// The demo's timeline, as text: pure functions from a snapshot to lines, so what is printed is what was checked.
import type { Snapshot } from './checks.js';

const PAD = 14;

/**
 * The lines of a status comment a reader of the timeline cares about: the headline, the link to open, when it
 * expires, and what happened. The whole comment of each step is written to a file too (see run.ts).
 */
export function trimComment(body: string): string[] {
  const lines: string[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## 🎪 Showtime · ')) lines.push(line.slice('## 🎪 Showtime · '.length));
    else if (line.startsWith('### [🔗 Open the environment](')) lines.push(`open: ${line.slice(30, -1)}`);
    else if (line.startsWith('- **Created:**')) lines.push(line.slice(2).replace(/\*\*/g, ''));
    else if (/^(✅|⛔|❌|ℹ️|>) /u.test(line)) lines.push(line);
  }
  return lines;
}

function field(name: string, values: string[]): string[] {
  if (values.length === 0) return [`${name.padEnd(PAD)}(none)`];
  return values.map((value, i) => `${(i === 0 ? name : '').padEnd(PAD)}${value}`);
}

export function renderSnapshot(snapshot: Snapshot): string[] {
  const flags = (flagsOf: Record<string, string>): string => {
    const set = Object.entries(flagsOf).map(([flag, value]) => `${flag}=${value}`);
    // Each variable whole, as the task definition has it: SUPERSET_FEATURE_ALERTS=True.
    return set.length === 0 ? '' : ` · ${set.map((entry) => `SUPERSET_FEATURE_${entry}`).join(', ')}`;
  };
  return [
    ...field(
      'labels',
      [...snapshot.labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    ...field('comment', snapshot.comment === undefined ? [] : trimComment(snapshot.comment)),
    ...field(
      'deployments',
      snapshot.deployments.map((d) => `#${d.id} ${d.sha7} ${d.state}`),
    ),
    ...field(
      'ECS services',
      snapshot.services.map((s) => `${s.name} (${s.taskDefinition})${flags(s.featureFlags)}`),
    ),
  ];
}

export function heading(title: string, width = 100): string {
  const text = `── ${title} `;
  return text.padEnd(width, '─');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What a sweep did, by kind, from its dashboard (the job summary): `1 × destroyed · 9 × label deleted`. */
export function sweepTotalsOf(dashboard: string): string {
  const totals = dashboard.split('\n').find((line) => line.startsWith('**Totals:** '));
  if (totals) return totals.slice('**Totals:** '.length);
  return dashboard.includes('Nothing needed doing.') ? 'nothing needed doing' : 'no dashboard';
}
