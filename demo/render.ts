// The demo's timeline, as text: pure functions from a snapshot to lines, so what is printed is what was checked.
import { STATUS_MARKER } from '../src/core/report.js';
import type { Snapshot } from './checks.js';

const PAD = 14;

/** The lines of a status comment a reader of the timeline cares about: the table rows and the outcome. */
export function trimComment(body: string): string[] {
  const lines: string[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('<details')) break;
    if (line === '' || line === STATUS_MARKER || line.startsWith('#') || line.startsWith('[Run logs]'))
      continue;
    // The table's header and separator repeat on every step; the rows say it all.
    if (line.startsWith('| | SHA') || line.startsWith('| ---')) continue;
    lines.push(line);
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
    return set.length === 0 ? '' : ` · SUPERSET_FEATURE_ ${set.join(', ')}`;
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
