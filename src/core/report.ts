// What the action tells people: the sticky status comment on the PR and the run's job summary. Pure: takes the
// state and what happened, returns markdown.
import type { Decision, EnvConfig, Environment, PrState, Size } from './types.js';
import { formatTtl, ttlDeadline } from './values.js';

/** Hidden marker that identifies the one status comment per PR, so it is edited in place. */
export const STATUS_MARKER = '<!-- showtime:status -->';

export interface RunLink {
  url: string;
}

export interface StatusView {
  state: PrState;
  /** What this run did or decided, in one sentence, with who asked. */
  lastEvent?: { message: string; actor?: string; outcome: 'done' | 'refused' | 'failed' | 'info' };
  /** URLs of running environments, by sha7, when the run knows them (from ECS, not from labels). */
  urls?: Record<string, string>;
  run?: RunLink;
  now: Date;
  defaultSize: Size;
  costPerHour: Record<Size, number>;
  /** Extra lines (a refusal's details, a quota's holders, a command error's accepted form). */
  details?: string[];
}

/** One icon per status, shared by the status comment and the dashboard. */
export const STATUS_ICON: Record<string, string> = {
  building: '🏗️',
  built: '📦',
  deploying: '🚀',
  running: '🟢',
  updating: '🔄',
  configuring: '⚙️',
  destroying: '🧹',
  failed: '❌',
};

/** Hours (one decimal) between two dates, never negative. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 360_000) / 10);
}

export function describeConfig(config: EnvConfig, defaultSize: Size): string {
  const parts = Object.entries(config.flags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([flag, enabled]) => (enabled ? flag : `${flag} off`));
  if (config.debug) parts.push('debug');
  parts.push(config.size ?? defaultSize);
  return parts.join(', ');
}

export function estimatedCost(
  env: Environment,
  view: Pick<StatusView, 'now' | 'defaultSize' | 'costPerHour'>,
): number {
  if (env.createdAt === undefined) return 0;
  const rate = view.costPerHour[env.config.size ?? view.defaultSize];
  return Math.round(hoursBetween(env.createdAt, view.now) * rate * 100) / 100;
}

function ttlLeft(env: Environment, now: Date): string {
  if (env.ttl === undefined) return 'default';
  if (env.ttl.kind !== 'duration') return formatTtl(env.ttl);
  const deadline = env.createdAt && ttlDeadline(env.ttl, env.createdAt);
  if (deadline === undefined) return formatTtl(env.ttl);
  return `${formatTtl(env.ttl)} (${hoursBetween(now, deadline)}h left)`;
}

export const COMMANDS_HELP = [
  '`/showtime start` · `/showtime stop` · `/showtime status` · `/showtime extend 48h` · `/showtime keep-alive`',
  '`/showtime freeze` · `/showtime unfreeze` · `/showtime enable FLAG` · `/showtime disable FLAG` ·',
  '`/showtime debug on|off` · `/showtime size small|medium|large` · `/showtime help`',
].join('\n');

export function renderStatusComment(view: StatusView): string {
  const { state } = view;
  const envs = Object.values(state.environments).sort((a, b) => roleOrder(state, a) - roleOrder(state, b));
  const lines = [STATUS_MARKER, '### 🎪 Showtime', ''];
  if (envs.length === 0) {
    lines.push('No environment for this pull request.', '');
  } else {
    lines.push('| | SHA | status | URL | age | TTL | requested by | config | est. cost |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const env of envs) {
      const role = env.sha === state.active ? '🎯 active' : env.sha === state.building ? '🏗️ next' : '';
      const url =
        view.urls?.[env.sha] ?? (env.address ? `http://${env.address.host}:${env.address.port}` : '');
      lines.push(
        [
          '',
          role,
          `\`${env.sha}\``,
          `${STATUS_ICON[env.status ?? ''] ?? '❓'} ${env.status ?? 'unknown'}`,
          env.status === 'running' && url ? url : '',
          env.createdAt ? `${hoursBetween(env.createdAt, view.now)}h` : '',
          ttlLeft(env, view.now),
          env.requester ? `@${env.requester}` : '',
          describeConfig(env.config, view.defaultSize),
          `$${estimatedCost(env, view).toFixed(2)}`,
          '',
        ]
          .join(' | ')
          .trim(),
      );
    }
    lines.push('');
  }
  const modifiers = [
    state.frozen && '🧊 frozen: new commits are not deployed',
    state.blocked && '🔒 blocked',
  ];
  for (const modifier of modifiers) if (modifier) lines.push(`${modifier}  `);
  if (view.lastEvent) {
    const icon = { done: '✅', refused: '⛔', failed: '❌', info: 'ℹ️' }[view.lastEvent.outcome];
    const who = view.lastEvent.actor ? ` (@${view.lastEvent.actor})` : '';
    lines.push(`${icon} ${view.lastEvent.message}${who}`);
  }
  for (const detail of view.details ?? []) lines.push(`> ${detail}`);
  if (view.run)
    lines.push('', `[Run logs](${view.run.url}) · updated ${view.now.toISOString().slice(0, 16)}Z`);
  lines.push('', '<details><summary>Commands</summary>', '', COMMANDS_HELP, '', '</details>', '');
  return lines.join('\n');
}

function roleOrder(state: PrState, env: Environment): number {
  return env.sha === state.active ? 0 : env.sha === state.building ? 1 : 2;
}

export interface SummaryView {
  pr: number;
  decisions: Decision[];
  outcome: string;
  url?: string;
  calls?: string;
}

/** The job summary of one run of the main action. */
export function renderRunSummary(view: SummaryView): string {
  const lines = [
    `## 🎪 Showtime · PR #${view.pr}`,
    '',
    '| action | SHA | reason | what happened |',
    '| --- | --- | --- | --- |',
  ];
  for (const decision of view.decisions) {
    lines.push(
      `| ${decision.action} | ${decision.targetSha ? `\`${decision.targetSha.slice(0, 7)}\`` : ''} | ${decision.reason} | ${decision.message.replace(/\|/g, '\\|')} |`,
    );
  }
  lines.push('', `**Outcome:** ${view.outcome}`);
  if (view.url) lines.push('', `**Environment:** ${view.url}`);
  return `${lines.join('\n')}\n`;
}
