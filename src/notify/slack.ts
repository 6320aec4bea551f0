// Optional Slack notices through an incoming webhook. A notice is a courtesy: it never throws and never fails a run,
// and the webhook URL (a secret: whoever has it can post) never reaches a log line.
import * as core from '../runner/core.js';
import type { Settings } from '../settings.js';

export type NoticeKind = 'ready' | 'failed' | 'expiring' | 'destroyed';

export interface Notice {
  kind: NoticeKind;
  pr: number;
  /** 7 or 40 hex; shown as 7. */
  sha: string;
  url?: string;
  reason?: string;
  /** `owner/name`, to tell repositories apart in a shared channel. */
  repo?: string;
}

export interface NotifyOptions {
  /** Where a failed notice is reported; core.warning by default. */
  warn?: (message: string) => void;
  fetch?: typeof fetch;
  /** Give up after this long; default 10 s, so a hanging Slack never holds a run. */
  timeoutMs?: number;
}

const HEADLINE: Record<NoticeKind, string> = {
  ready: '🟢 ready',
  failed: '❌ failed',
  expiring: '⏳ expiring soon',
  destroyed: '🧹 destroyed',
};

/** Slack's mrkdwn treats these three as control characters; everything else passes through. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The message body: one line of Slack mrkdwn, plus a plain `text` fallback that Slack shows in notifications. */
export function slackMessage(notice: Notice): { text: string } {
  const where = notice.repo ? `${escape(notice.repo)} ` : '';
  const parts = [`🎪 ${where}PR #${notice.pr} \`${notice.sha.slice(0, 7)}\` ${HEADLINE[notice.kind]}`];
  if (notice.url) parts.push(`<${escape(notice.url)}|open>`);
  if (notice.reason) parts.push(escape(notice.reason));
  return { text: parts.join(' · ') };
}

/** An error's words with the webhook URL (and its path alone) blanked out, since fetch errors may quote it. */
function redact(text: string, secret: string): string {
  let path = '';
  try {
    path = new URL(secret).pathname;
  } catch {
    // Not a URL: only the whole text can leak.
  }
  let result = text.split(secret).join('(webhook)');
  if (path.length > 1) result = result.split(path).join('(webhook path)');
  return result;
}

/** Message and low-level code of anything thrown (duck-typed: fetch's errors may come from another realm). */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, cause } = error as { message?: unknown; cause?: unknown };
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const text = typeof message === 'string' ? message : String(error);
  return code ? `${text} (${code})` : text;
}

/**
 * Posts one notice to settings.slackWebhookUrl; does nothing when it is not set. Resolves to true when Slack
 * accepted it. Failures (HTTP error, unreachable, timeout) become one warning without the URL.
 */
export async function notify(
  settings: Pick<Settings, 'slackWebhookUrl'>,
  notice: Notice,
  options: NotifyOptions = {},
): Promise<boolean> {
  const webhook = settings.slackWebhookUrl;
  if (!webhook) return false;
  const warn = options.warn ?? ((message: string) => core.warning(message));
  const send = options.fetch ?? fetch;
  const what = `the Slack notice (${notice.kind}, PR #${notice.pr})`;
  try {
    const response = await send(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(slackMessage(notice)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    // Slack answers `ok` in the body; draining it also frees the connection.
    await response.text().catch(() => '');
    if (!response.ok) {
      warn(`could not send ${what}: Slack answered HTTP ${response.status}`);
      return false;
    }
    return true;
  } catch (error) {
    warn(`could not send ${what}: ${redact(describe(error), webhook)}`);
    return false;
  }
}
