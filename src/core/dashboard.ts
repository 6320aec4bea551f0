// The cleanup sweep's report: every environment of the repository, as the `environments` output (JSON rows) and as
// the job summary (a markdown dashboard), plus a table of what the sweep did. Pure: data in, text out, `now` passed
// in; the numbers (age, TTL left, cost) are computed here so the output and the dashboard always agree.
import { addressUrl } from './labels.js';
import { describeConfig, estimatedCost, STATUS_ICON } from './report.js';
import type { PrState, Size, Status, Ttl } from './types.js';
import { formatTime, formatTtl, ttlDeadline } from './values.js';

/** One environment, as the `environments` output lists it (dates as ISO text, so the JSON round-trips). */
export interface EnvironmentRow {
  pr: number;
  prOpen: boolean;
  sha: string;
  status: Status | 'unknown';
  /** 🎯 serves the PR, 🏗️ is being built to replace it, or neither (a leftover or a failed attempt). */
  role: 'active' | 'building' | 'other';
  /** Where it answers, when its labels know an address. */
  url?: string;
  createdAt?: string;
  /** The TTL in force: its own, else the action's default (`close` and `manual` never expire). */
  ttl: string;
  /** Undefined when the TTL never runs out or the creation time is unknown. */
  expiresAt?: string;
  requester?: string;
  config: string;
  /** Estimated USD since creation, from cost-per-hour by size. */
  costSoFar: number;
}

export interface RowSettings {
  now: Date;
  defaultTtl: Ttl;
  defaultSize: Size;
  costPerHour: Record<Size, number>;
}

/** The rows of every environment of `states`, by PR number then SHA. */
export function environmentRows(states: PrState[], settings: RowSettings): EnvironmentRow[] {
  const rows: EnvironmentRow[] = [];
  for (const state of [...states].sort((a, b) => a.number - b.number)) {
    for (const env of Object.values(state.environments).sort((a, b) => (a.sha < b.sha ? -1 : 1))) {
      const ttl = env.ttl ?? settings.defaultTtl;
      const deadline = env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
      rows.push({
        pr: state.number,
        prOpen: state.open,
        sha: env.sha,
        status: env.status ?? 'unknown',
        role: env.sha === state.active ? 'active' : env.sha === state.building ? 'building' : 'other',
        ...(env.address ? { url: addressUrl(env.address) } : {}),
        ...(env.createdAt ? { createdAt: env.createdAt.toISOString() } : {}),
        ttl: formatTtl(ttl),
        ...(deadline ? { expiresAt: deadline.toISOString() } : {}),
        ...(env.requester ? { requester: env.requester } : {}),
        config: describeConfig(env.config, settings.defaultSize),
        costSoFar: estimatedCost(env, settings),
      });
    }
  }
  return rows;
}

/** What one step of the sweep did (or, in a dry run, would do). */
export type SweepActionKind =
  | 'destroyed'
  | 'warned'
  | 'marked-failed'
  | 'address-refreshed'
  | 'slept'
  | 'route-repaired'
  | 'dated'
  | 'untracked'
  | 'adopted'
  | 'orphan-deleted'
  | 'orphan-kept'
  | 'leftover-deleted'
  | 'label-deleted'
  | 'labels-synced';

export interface SweepAction {
  kind: SweepActionKind;
  pr?: number;
  /** What was acted on: `a1b2c3d`, a service name, a label. */
  subject: string;
  detail: string;
  /** Decided but not carried out, because of a dry run. */
  planned?: boolean;
}

export interface SweepFailure {
  pr?: number;
  subject: string;
  error: string;
}

export interface DashboardView {
  now: Date;
  /** `https://github.com/apache/superset`: PR links are built on it. */
  repoUrl: string;
  rows: EnvironmentRow[];
  actions: SweepAction[];
  failures: SweepFailure[];
  /** What the sweep could not be sure of, e.g. a partial search: nothing destructive rested on it. */
  warnings?: string[];
  /** Which systems the sweep only pretended to write to. */
  dryRun: { github: boolean; aws: boolean };
  runUrl?: string;
}

const ACTION_TITLE: Record<SweepActionKind, { done: string; dry: string }> = {
  destroyed: { done: '🧹 destroyed', dry: '🧹 would destroy' },
  warned: { done: '⏳ warned', dry: '⏳ would warn' },
  'marked-failed': { done: '❌ marked failed', dry: '❌ would mark failed' },
  'address-refreshed': { done: '🌐 address refreshed', dry: '🌐 would refresh the address' },
  slept: { done: '💤 put to sleep', dry: '💤 would put to sleep' },
  'route-repaired': { done: '🔀 route repaired', dry: '🔀 would repair the route' },
  dated: { done: '📅 creation time written', dry: '📅 would write the creation time' },
  untracked: { done: '🎟️ untracked', dry: '🎟️ would untrack' },
  adopted: { done: '🎟️ tracked', dry: '🎟️ would track' },
  'orphan-deleted': { done: '👻 orphan service deleted', dry: '👻 would delete orphan service' },
  'orphan-kept': { done: '👻 orphan service kept', dry: '👻 orphan service kept' },
  'leftover-deleted': { done: '🧹 leftover deleted', dry: '🧹 would delete leftover' },
  'label-deleted': { done: '🏷️ label deleted', dry: '🏷️ would delete label' },
  'labels-synced': { done: '🎨 labels created or updated', dry: '🎨 would create or update labels' },
};

// One duration style everywhere: the helper lives with the other value formats.
export { formatDuration } from './values.js';

/** When a row's environment expires, as a moment (the dashboard is read later than it is written). */
export function expiresText(row: EnvironmentRow): string {
  if (row.ttl === 'close') return 'when the PR closes';
  if (row.ttl === 'manual') return 'when stopped';
  if (row.expiresAt === undefined) return `TTL ${row.ttl}, creation time unknown`;
  return formatTime(new Date(row.expiresAt));
}

/** Markdown table cells must not break the table: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function money(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

function dryRunScope(dryRun: { github: boolean; aws: boolean }): string {
  if (dryRun.github && dryRun.aws) return 'nothing was written';
  return dryRun.github ? 'nothing was written to GitHub' : 'nothing was created or deleted in AWS';
}

function prLink(repoUrl: string, pr: number): string {
  return `[#${pr}](${repoUrl}/pull/${pr})`;
}

export function renderDashboard(view: DashboardView): string {
  const { rows, now } = view;
  const lines = ['## 🎪 Showtime dashboard', ''];
  const dry = view.dryRun.github || view.dryRun.aws;
  if (dry)
    lines.push(`> **Dry run:** ${dryRunScope(view.dryRun)}; the tables show what the sweep would do.`, '');
  for (const warning of view.warnings ?? []) lines.push(`> ⚠️ ${warning}`, '');

  const totalCost = rows.reduce((sum, row) => sum + row.costSoFar, 0);
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  const statusText = [...byStatus]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const prs = new Set(rows.map((row) => row.pr)).size;
  lines.push(
    rows.length === 0
      ? 'No environments.'
      : `**${rows.length} environment${rows.length === 1 ? '' : 's'}** on ${prs} pull request${prs === 1 ? '' : 's'}` +
          ` (${statusText}) · estimated cost so far **${money(totalCost)}**`,
    '',
  );

  if (rows.length > 0) {
    lines.push('| PR | SHA | status | URL | created | expires | requested by | config | cost so far |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) {
      const role = row.role === 'active' ? ' 🎯' : row.role === 'building' ? ' 🏗️' : '';
      const pr = `${prLink(view.repoUrl, row.pr)}${row.prOpen ? '' : ' (closed)'}`;
      const cells = [
        pr,
        `\`${row.sha}\`${role}`,
        `${STATUS_ICON[row.status] ?? '❓'} ${row.status}`,
        row.status === 'running' && row.url ? row.url : '',
        row.createdAt ? formatTime(new Date(row.createdAt)) : '',
        expiresText(row),
        row.requester ? `@${row.requester}` : '',
        row.config,
        money(row.costSoFar),
      ];
      lines.push(`| ${cells.map(cell).join(' | ')} |`);
    }
    lines.push(`| **total** | | | | | | | | **${money(totalCost)}** |`, '');
  }

  lines.push('### What this sweep did', '');
  if (view.actions.length === 0 && view.failures.length === 0) {
    lines.push('Nothing needed doing.', '');
  } else {
    lines.push('| what | PR | subject | details |', '| --- | --- | --- | --- |');
    for (const action of view.actions) {
      const title = ACTION_TITLE[action.kind][action.planned ? 'dry' : 'done'];
      const pr = action.pr === undefined ? '' : prLink(view.repoUrl, action.pr);
      lines.push(`| ${cell(title)} | ${pr} | ${cell(action.subject)} | ${cell(action.detail)} |`);
    }
    for (const failure of view.failures) {
      const pr = failure.pr === undefined ? '' : prLink(view.repoUrl, failure.pr);
      lines.push(`| ⚠️ failed | ${pr} | ${cell(failure.subject)} | ${cell(failure.error)} |`);
    }
    lines.push('');
    lines.push(`**Totals:** ${sweepTotals(view.actions, view.failures)}`, '');
  }
  const logs = view.runUrl ? `[Run logs](${view.runUrl}) · ` : '';
  lines.push(`${logs}Updated ${formatTime(now)}`, '');
  return lines.join('\n');
}

/** What a sweep did, by kind (`1 × destroyed · 9 × label deleted`), or `nothing needed doing`. */
export function sweepTotals(actions: SweepAction[], failures: SweepFailure[] = []): string {
  const counts = countActions(actions);
  const parts = (Object.keys(ACTION_TITLE) as SweepActionKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => {
      const planned = actions.some((action) => action.kind === kind && action.planned);
      return `${counts[kind]} × ${ACTION_TITLE[kind][planned ? 'dry' : 'done'].replace(/^\S+ /, '')}`;
    });
  if (failures.length > 0) parts.push(`${failures.length} failed`);
  return parts.length === 0 ? 'nothing needed doing' : parts.join(' · ');
}

export function countActions(actions: SweepAction[]): Record<SweepActionKind, number> {
  const counts = Object.fromEntries(Object.keys(ACTION_TITLE).map((kind) => [kind, 0])) as Record<
    SweepActionKind,
    number
  >;
  for (const action of actions) counts[action.kind] += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// The expiry warning the sweep posts once per deadline. The deadline is part of the hidden marker, so a later sweep
// finds the comment (and stays quiet) for the same deadline, while an extension (a new deadline) warns again.

export function expiryMarker(sha7: string, deadline: Date): string {
  return `<!-- showtime:expiry-warning ${sha7} ${deadline.toISOString().slice(0, 16)}Z -->`;
}

export interface ExpiryWarningView {
  sha: string;
  deadline: Date;
  now: Date;
  /** From the 🤡 label; a login shortened to fit a label (ending in …) cannot be mentioned. */
  requester?: string;
}

export function renderExpiryWarning(view: ExpiryWarningView): string {
  const who = view.requester && !view.requester.endsWith('…') ? `@${view.requester}, the` : 'The';
  const when = formatTime(view.deadline);
  return [
    expiryMarker(view.sha, view.deadline),
    `⏳ ${who} showtime environment \`${view.sha}\` of this pull request expires at **${when}**; it will then be torn down.`,
    '',
    'To keep it, comment:',
    '- `/showtime extend 48h` to keep it 48 more hours from now (any duration up to 4 weeks), or',
    '- `/showtime keep-alive` to keep it until the pull request closes.',
    '',
  ].join('\n');
}
