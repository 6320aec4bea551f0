// Validation of the values that appear in labels, commands and inputs. Each parser returns undefined for anything
// outside the accepted form (never throws), and each accepted form is stated once, in FORMS, for error messages.
import type { Size, Ttl } from './types.js';
import { SIZES } from './types.js';

/** The accepted forms, worded for people; error messages quote these. */
export const FORMS = {
  sha: '7 or 40 lowercase hexadecimal characters, e.g. abc123f',
  commit: 'a full commit SHA: 40 lowercase hexadecimal characters',
  flag: 'an uppercase feature flag name of letters, digits and _, at most 32 characters, e.g. ALERT_REPORTS',
  size: SIZES.join(', '),
  ttl: '<n>h, <n>d or <n>w (1 hour to 4 weeks), close or manual, e.g. 48h',
  login: 'a GitHub login: letters, digits and single hyphens, at most 39 characters',
} as const;

const SHA = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/;

declare const shaKind: unique symbol;
/** A full commit SHA: 40 lowercase hex characters, as events and the GitHub API name a commit. */
export type Sha = string & { readonly [shaKind]: 'sha' };
/** The 7 characters of a SHA that labels, names and tags carry: what identifies an environment of a PR. */
export type Sha7 = string & { readonly [shaKind]: 'sha7' };

/** A commit SHA shortened to the 7 characters labels carry, or undefined when `text` is not a SHA. */
export function toSha7(text: string): Sha7 | undefined {
  return SHA.test(text) ? (text.slice(0, 7) as Sha7) : undefined;
}

const SHA7 = /^[0-9a-f]{7}$/;

/** Exactly the 7 characters labels carry. */
export function isSha7(text: string): text is Sha7 {
  return SHA7.test(text);
}

/** The 7 characters of a SHA already known to be one. */
export function sha7Of(sha: Sha | Sha7): Sha7 {
  return sha.slice(0, 7) as Sha7;
}

/** toSha7 for a value that must be a SHA: throws an Error that names the value and the accepted form. */
export function requireSha7(text: string): Sha7 {
  const sha7 = toSha7(text);
  if (sha7 === undefined) throw new Error(`SHA "${text}" is not ${FORMS.sha}`);
  return sha7;
}

const FULL_SHA = /^[0-9a-f]{40}$/;

/** A full commit SHA (40 lowercase hex), or undefined. */
export function parseFullSha(text: string): Sha | undefined {
  return FULL_SHA.test(text) ? (text as Sha) : undefined;
}

/** parseFullSha for a value that must be a full SHA: throws an Error that names the value and the accepted form. */
export function requireSha(text: string): Sha {
  const sha = parseFullSha(text);
  if (sha === undefined) throw new Error(`SHA "${text}" is not ${FORMS.commit}`);
  return sha;
}

/** Same rule as toSha7, keeping a full SHA whole (events pin the full SHA). */
export function parseSha(text: string): Sha | Sha7 | undefined {
  return SHA.test(text) ? (text as Sha | Sha7) : undefined;
}

export const MAX_FLAG_LENGTH = 32;
const FLAG = /^[A-Z0-9_]+$/;

/** A feature flag name as it follows SUPERSET_FEATURE_; the prefix itself is accepted and dropped. */
export function parseFlag(text: string): string | undefined {
  const name = text.startsWith('SUPERSET_FEATURE_') ? text.slice('SUPERSET_FEATURE_'.length) : text;
  return name.length > 0 && name.length <= MAX_FLAG_LENGTH && FLAG.test(name) ? name : undefined;
}

export function parseSize(text: string): Size | undefined {
  return (SIZES as readonly string[]).includes(text) ? (text as Size) : undefined;
}

const HOURS_PER_UNIT = { h: 1, d: 24, w: 168 } as const;
export const MIN_TTL_HOURS = 1;
export const MAX_TTL_HOURS = 4 * 168;

export function parseTtl(text: string): Ttl | undefined {
  if (text === 'close' || text === 'manual') return { kind: text };
  const match = /^([1-9][0-9]{0,3})([hdw])$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]) * HOURS_PER_UNIT[match[2] as keyof typeof HOURS_PER_UNIT];
  return hours >= MIN_TTL_HOURS && hours <= MAX_TTL_HOURS ? { kind: 'duration', hours } : undefined;
}

/** The canonical text of a TTL: the largest unit that divides it evenly (48h is written 2d). */
export function formatTtl(ttl: Ttl): string {
  if (ttl.kind !== 'duration') return ttl.kind;
  if (ttl.hours % HOURS_PER_UNIT.w === 0) return `${ttl.hours / HOURS_PER_UNIT.w}w`;
  if (ttl.hours % HOURS_PER_UNIT.d === 0) return `${ttl.hours / HOURS_PER_UNIT.d}d`;
  return `${ttl.hours}h`;
}

/** When an environment created at `createdAt` expires, or undefined when its TTL never runs out on its own. */
export function ttlDeadline(ttl: Ttl, createdAt: Date): Date | undefined {
  return ttl.kind === 'duration' ? new Date(createdAt.getTime() + ttl.hours * 3_600_000) : undefined;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** A GitHub login (bots end in `[bot]`, which is accepted as such). */
export function parseLogin(text: string): string | undefined {
  const base = text.endsWith('[bot]') ? text.slice(0, -'[bot]'.length) : text;
  return LOGIN.test(base) ? text : undefined;
}

/**
 * The one way a moment is shown to people (comments, summaries, messages): `2026-12-02 14:05 UTC`. GitHub renders no
 * live clocks, so what the PR shows is a moment, never a distance from "now" that goes stale once written.
 */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The one way a duration is shown to people: `45m`, `5h 10m`, `36h`, `3d`, `3d 4h` (whole days from 48 hours on).
 * Negative durations read as `0m`. TTLs in labels keep their own canonical form (formatTtl), which this agrees with
 * for whole days and for fewer than 48 hours.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

/** A TTL for people, in formatDuration's style: `36h`, `2d`, `2d 1h`, `until the PR closes`, `until stopped`. */
export function describeTtl(ttl: Ttl): string {
  if (ttl.kind === 'close') return 'until the PR closes';
  if (ttl.kind === 'manual') return 'until stopped';
  return formatDuration(ttl.hours * 3_600_000);
}
