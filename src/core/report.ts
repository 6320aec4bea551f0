// What the action tells people: the sticky status comment on the PR and the run's job summary. Pure: takes the
// state and what happened, returns markdown. The comment is edited in place and GitHub renders no live clocks, so
// everything it shows stays true until the next edit: moments are absolute (formatTime), costs are rates and
// projections to a fixed deadline, never "so far" or "left" figures frozen when written.
import type { ApprovalRequest } from './approval.js';
import { approvalCommand, reviewLinks } from './approval.js';
import { addressUrl } from './labels.js';
import { inlineCode } from './markdown.js';
import type { CommandError, Decision, EnvConfig, Environment, PrState, Size, Ttl } from './types.js';
import { describeTtl, formatTime, formatTtl, ttlDeadline } from './values.js';

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
  /** The TTL an environment without a ⌛ label lives by, so its expiry can be shown. */
  defaultTtl?: Ttl;
  costPerHour: Record<Size, number>;
  /** Extra lines (a refusal's details, a quota's holders, a command error's accepted form, what a failure cleaned). */
  details?: string[];
  /** `https://github.com/owner/repo`, from the runner: commit and diff links are built on it. */
  repoUrl?: string;
  /** The container logs of each environment (a CloudWatch console link), by sha7, when a log group is set. */
  containerLogs?: Record<string, string>;
  /** A fork commit waiting for a maintainer's approval in full. */
  approval?: ApprovalRequest;
}

/** One icon per status, shared by the status comment and the dashboard. */
export const STATUS_ICON: Record<string, string> = {
  building: '🟡',
  built: '📦',
  deploying: '🚀',
  running: '🟢',
  updating: '🔄',
  configuring: '⚙️',
  destroying: '🧹',
  failed: '❌',
  sleeping: '💤',
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

/** The three things people most often need, one line each; `/showtime help` has the rest. */
export const COMMANDS_HELP = [
  '- **Stop it:** `/showtime stop`',
  '- **Keep it longer:** `/showtime extend 48h` (48 hours from now, up to 4 weeks) or `/showtime keep-alive` (until the PR closes)',
  '- **Everything else:** `/showtime help`',
].join('\n');

/** The same lines after a failed deploy: nothing runs, so there is nothing to keep longer. */
export const RETRY_HELP = [
  '- **Try again:** `/showtime start` · **clear the failure:** `/showtime stop`',
  '- **Everything else:** `/showtime help`',
].join('\n');

/** The same lines while the environment sleeps: how to wake it comes first. */
export const WAKE_HELP = [
  '- **Wake it:** `/showtime wake` (about as long as a start without a build) · **stop it:** `/showtime stop`',
  '- **Everything else:** `/showtime help`',
].join('\n');

/** The same lines for a PR with no environment: there is nothing to stop or extend yet. */
export const START_HELP = [
  '- **Start one:** `/showtime start` (a fork PR’s commit needs `/showtime start <full SHA>` from a maintainer)',
  '- **Everything else:** `/showtime help`',
].join('\n');

function money(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** The environment the comment is about: the one being built, else the active one, else the newest. */
function focusOf(state: PrState, envs: Environment[]): Environment | undefined {
  const building = state.building ? state.environments[state.building] : undefined;
  const active = state.active ? state.environments[state.active] : undefined;
  const newest = [...envs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  return building ?? active ?? newest;
}

function commitLink(view: StatusView, sha7: string): string {
  const full = view.state.headSha.startsWith(sha7) ? view.state.headSha : sha7;
  return view.repoUrl ? `[\`${sha7}\`](${view.repoUrl}/commit/${full})` : `\`${sha7}\``;
}

function urlOf(view: StatusView, env: Environment): string | undefined {
  return view.urls?.[env.sha] ?? (env.address ? addressUrl(env.address) : undefined);
}

/** A login shortened to fit a label (ending in …) is not a login, so it is not written as a mention. */
function person(login: string): string {
  return login.endsWith('…') ? login : `@${login}`;
}

const HEADLINE: Record<string, string> = {
  building: 'building',
  built: 'built, deploying next',
  deploying: 'deploying',
  running: 'running',
  updating: 'updating',
  configuring: 'changing its configuration',
  destroying: 'being torn down',
  failed: 'failed',
  sleeping: 'asleep',
};

function headline(view: StatusView, focus: Environment | undefined): string {
  if (focus === undefined) {
    return view.approval
      ? `🔐 waiting for approval of \`${view.approval.sha.slice(0, 7)}\``
      : '⚪ no environment';
  }
  const status = focus.status ?? 'unknown';
  return `${STATUS_ICON[status] ?? '❓'} ${HEADLINE[status] ?? status} \`${focus.sha}\``;
}

function expiryLine(view: StatusView, env: Environment): string {
  const ttl = env.ttl ?? view.defaultTtl;
  if (ttl === undefined) return '';
  const deadline = env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
  if (ttl.kind !== 'duration') return ` · **expires:** never, it lives ${describeTtl(ttl)}`;
  if (deadline === undefined) return ` · **TTL:** ${describeTtl(ttl)}`;
  return ` · **expires:** ${formatTime(deadline)} (TTL ${describeTtl(ttl)})`;
}

function costLine(view: StatusView, env: Environment): string {
  if (env.status === 'failed') return 'nothing runs, so nothing is billed';
  if (env.status === 'sleeping') return 'asleep: nothing runs, so nothing is billed until it wakes';
  const rate = view.costPerHour[env.config.size ?? view.defaultSize];
  const ttl = env.ttl ?? view.defaultTtl;
  const deadline = ttl && env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
  if (deadline && env.createdAt) {
    const total = ((deadline.getTime() - env.createdAt.getTime()) / 3_600_000) * rate;
    return `${money(rate)}/hour · about ${money(total)} from creation to expiry`;
  }
  return `${money(rate)}/hour · about ${money(rate * 24)} a day, with no expiry`;
}

function environmentCard(view: StatusView, env: Environment): string[] {
  const lines: string[] = [];
  const url = urlOf(view, env);
  if (env.status === 'running' && url)
    lines.push(`### [🔗 Open the environment](${url})`, '', `<sub>${url}</sub>`, '');
  if (env.status === 'building' || env.status === 'built')
    lines.push('The image is being built; this comment changes when it is deployed.', '');
  const facts = [`- **Commit:** ${commitLink(view, env.sha)}`];
  const config = describeConfig(env.config, view.defaultSize);
  facts.push(
    env.requester
      ? `- **Requested by:** ${person(env.requester)} · **config:** ${config}`
      : `- **Config:** ${config}`,
  );
  const created = env.createdAt ? formatTime(env.createdAt) : 'not recorded';
  facts.push(`- **Created:** ${created}${expiryLine(view, env)}`);
  facts.push(`- **Cost:** ${costLine(view, env)}`);
  const logs = [
    view.containerLogs?.[env.sha] ? `[container logs](${view.containerLogs[env.sha]})` : undefined,
    view.run ? `[run logs](${view.run.url})` : undefined,
  ].filter((link): link is string => link !== undefined);
  if (logs.length > 0) facts.push(`- **Logs:** ${logs.join(' · ')}`);
  lines.push(...facts, '');
  return lines;
}

/** The other environments of the PR (the one still serving while a new one is built, leftovers), one line each. */
function otherLines(view: StatusView, envs: Environment[], focus: Environment): string[] {
  return envs
    .filter((env) => env.sha !== focus.sha)
    .map((env) => {
      const status = env.status ?? 'unknown';
      const url = urlOf(view, env);
      const role = env.sha === view.state.active ? ' (active)' : '';
      const serving =
        env.status === 'running' && url
          ? env.sha === view.state.active && focus.sha === view.state.building
            ? ` keeps serving [${url}](${url}) until \`${focus.sha}\` is ready`
            : ` at [${url}](${url})`
          : '';
      return `- ${STATUS_ICON[status] ?? '❓'} ${commitLink(view, env.sha)} ${status}${role}${serving}`;
    });
}

function approvalSection(view: StatusView, approval: ApprovalRequest): string[] {
  const review = view.repoUrl ? reviewLinks(view.repoUrl, approval) : `commit ${approval.sha.slice(0, 7)}`;
  return [
    `#### 🔐 \`${approval.sha.slice(0, 7)}\` waits for a maintainer's approval`,
    '',
    `A maintainer reviews ${review}, then approves exactly this commit by commenting:`,
    '',
    '```text',
    approvalCommand(approval.sha),
    '```',
    '',
  ];
}

/** The actor is named once: not again when the message already mentions them. */
function eventLine(event: NonNullable<StatusView['lastEvent']>): string {
  const icon = { done: '✅', refused: '⛔', failed: '❌', info: 'ℹ️' }[event.outcome];
  const named =
    event.actor !== undefined &&
    new RegExp(`@${escapeRegExp(event.actor)}(?![A-Za-z0-9-])`).test(event.message);
  const who = event.actor && !named ? ` (asked by @${event.actor})` : '';
  return `${icon} ${event.message}${who}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What an extension did, in the words of the request. A ⌛ label counts from the creation (📅), in whole hours, so
 * `extend 72h` a few minutes after creation writes ⌛ 73h: the message says when that is and why the label differs.
 */
export function describeExtension(
  sha7: string,
  asked: Ttl,
  written: Ttl,
  createdAt: Date | undefined,
): string {
  const deadline = createdAt ? ttlDeadline(written, createdAt) : undefined;
  if (asked.kind !== 'duration' || deadline === undefined || createdAt === undefined) {
    return `\`${sha7}\` now lives ${describeTtl(written)}.`;
  }
  const label =
    formatTtl(written) === formatTtl(asked)
      ? ''
      : ` Its ⌛ label reads ${formatTtl(written)}: a TTL counts from the creation (${formatTime(createdAt)}), in whole hours, rounded up.`;
  return `\`${sha7}\` now expires at ${formatTime(deadline)}, at least ${describeTtl(asked)} from now, as asked.${label}`;
}

export function renderStatusComment(view: StatusView): string {
  const { state } = view;
  const envs = Object.values(state.environments).sort((a, b) => roleOrder(state, a) - roleOrder(state, b));
  const focus = focusOf(state, envs);
  const lines = [STATUS_MARKER, `## 🎪 Showtime · ${headline(view, focus)}`, ''];
  if (focus === undefined) {
    if (!view.approval) lines.push('No environment for this pull request.', '');
    if (view.run) lines.push(`- **Logs:** [run logs](${view.run.url})`, '');
  } else {
    lines.push(...environmentCard(view, focus));
    const others = otherLines(view, envs, focus);
    if (others.length > 0) lines.push(...others, '');
  }
  if (view.approval) lines.push(...approvalSection(view, view.approval));
  const modifiers = [
    state.frozen && '🧊 frozen: new commits are not deployed',
    state.blocked && '🔒 blocked',
  ];
  for (const modifier of modifiers) if (modifier) lines.push(`${modifier}  `);
  if (view.lastEvent) lines.push(eventLine(view.lastEvent));
  for (const detail of view.details ?? []) lines.push(`> ${detail}`);
  const help =
    focus === undefined
      ? START_HELP
      : focus.status === 'failed'
        ? RETRY_HELP
        : focus.status === 'sleeping'
          ? WAKE_HELP
          : COMMANDS_HELP;
  lines.push('', help, '', `<sub>Updated ${formatTime(view.now)}</sub>`, '');
  return lines.join('\n');
}

/** A command line that could not be read, with its accepted form (the message's own full stop is not doubled). */
export function commandErrorLine(error: CommandError): string {
  return `${inlineCode(error.line)}: ${error.message.replace(/\.+$/, '')}. Accepted form: \`${error.usage}\``;
}

export interface ReplyView {
  /** A writer's login: only a writer's command is answered. */
  asker: string;
  status: boolean;
  help: boolean;
  state: PrState;
  urls?: Record<string, string>;
  now: Date;
  defaultTtl?: Ttl;
  /** Link to the status comment, which records the state in full. */
  statusCommentUrl?: string;
  /** The command reference (COMMAND_USAGE). */
  usage: string;
}

/** The short reply to `/showtime status` or `/showtime help`, mentioning the asker so they are notified. */
export function renderReply(view: ReplyView): string {
  const lines = [`@${view.asker}`];
  const record = view.statusCommentUrl
    ? `the [status comment](${view.statusCommentUrl})`
    : 'the status comment';
  if (view.status) {
    const envs = Object.values(view.state.environments).sort(
      (a, b) => roleOrder(view.state, a) - roleOrder(view.state, b),
    );
    if (envs.length === 0) lines.push('', 'This pull request has no environment.');
    else lines.push('', ...envs.map((env) => `- ${replyLine(view, env)}`));
    lines.push('', `Logs, cost and the commands are in ${record} (updated ${formatTime(view.now)}).`);
  }
  if (view.help) {
    lines.push('', '<details open><summary>showtime commands</summary>', '', view.usage, '', '</details>');
    if (!view.status) lines.push('', `This pull request's environment is in ${record}.`);
  }
  return `${lines.join('\n')}\n`;
}

function replyLine(view: ReplyView, env: Environment): string {
  const status = env.status ?? 'unknown';
  const role = env.sha === view.state.active ? ' (active)' : env.sha === view.state.building ? ' (next)' : '';
  const url = view.urls?.[env.sha] ?? (env.address ? addressUrl(env.address) : undefined);
  const open = status === 'running' && url ? ` · [open it](${url})` : '';
  const ttl = env.ttl ?? view.defaultTtl;
  const deadline = ttl && env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
  const expires = deadline ? ` · expires ${formatTime(deadline)}` : ttl ? ` · lives ${describeTtl(ttl)}` : '';
  return `${STATUS_ICON[status] ?? '❓'} \`${env.sha}\` ${status}${role}${open}${expires}`;
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
