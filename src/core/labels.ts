// The 🎪 label grammar. This module owns every label string: nothing else in the code builds or parses label text.
//
// Forms. Labels are written in one form only, SHA-first (`🎪 abc123f 🚦 running`). Two older forms are read so that
// PRs labelled by the earlier CLI migrate: emoji-first (`🎪 🚦 abc123f running`) and global, without a SHA
// (`🎪 🚦 running`; the state builder attaches those to the PR's single 🎯 environment). `⚙️`, `🏗️`, `🎟️` (and any
// other emoji) are accepted with or without the U+FE0F variation selector and written with it where the constants
// below have it. Keywords of fixed labels and `conf-*` commands are matched case-insensitively, because GitHub treats
// label names case-insensitively and may hand back a differently-cased name that someone created first.
//
// Length. GitHub refuses label names over 50 characters. Lengths are measured in UTF-16 code units, which is never
// less than the number of code points, so a name that passes here passes at GitHub whatever it counts. Every value a
// renderer accepts fits, by construction:
// - status, 📅 date, TTL, pointers, triggers and conf-* commands are bounded by their grammar (the longest flag, 32
//   characters, still fits `🎪 conf-disable-<FLAG>`);
// - 🌐 carries an IPv4 address and a port (an IPv6 address could not fit, and Fargate tasks get IPv4), or in
//   load-balancer mode the PR's host name (HTTPS on 443); the settings refuse a preview domain whose hosts would not
//   fit (ADDRESS_HOST_MAX_LENGTH);
// - ⚙️ configuration is a set of tokens (`ALERTS` on, `!ALERTS` off, `debug`, a size word) in a canonical order,
//   packed greedily into as many `🎪 {sha} ⚙️ …` labels as needed, each within the limit; parsing merges them back,
//   so nothing is lost. The default configuration renders no ⚙️ label at all;
// - 🤡 keeps logins of up to REQUESTER_MAX_LENGTH characters; a longer one (only possible near GitHub's 39-character
//   limit, or with `[bot]`) keeps its first REQUESTER_MAX_LENGTH - 1 characters followed by `…`. The shortened form is
//   what the labels carry, so per-requester quotas must compare `shortenRequester(login)` with the stored value.
//
// Case collisions. Because names are compared case-insensitively, a ⚙️ token set that differs only in case from
// another label of the same SHA names the same repository label (flag `DEBUG` against the `debug` token, `SMALL`
// against `small`). Flags with those names are therefore best avoided; they can only collide for the same commit.
import type { Address, ConfigChange, EnvConfig, Environment, Status, Ttl } from './types.js';
import { SIZES, STATUSES } from './types.js';
import {
  FORMS,
  formatTtl,
  isSha7,
  parseFlag,
  parseLogin,
  parseSize,
  parseTtl,
  requireSha7,
  toSha7,
} from './values.js';
import type { Sha7 } from './values.js';

export const CIRCUS = '🎪';

/** Labels people (or slash commands) add to ask for something; the action consumes them. */
export const TRIGGER_START = '🎪 ⚡ showtime-trigger-start';
export const TRIGGER_STOP = '🎪 🛑 showtime-trigger-stop';
export const FREEZE = '🎪 🧊 showtime-freeze';
export const BLOCKED = '🎪 🔒 showtime-blocked';
/** The trigger of the workflow this action replaces; still honoured. */
export const LEGACY_TRIGGER = 'testenv-up';
/**
 * Carried by every PR that has showtime state, so the sweep can find them all with one label search (per-SHA labels
 * are unique names and cannot be searched for as a group).
 */
export const TRACKED = '🎪 🎟️ showtime-tracked';

/** The emoji that name each per-SHA field and pointer, as written. */
export const EMOJI = {
  status: '🚦',
  created: '📅',
  address: '🌐',
  ttl: '⌛',
  requester: '🤡',
  config: '⚙️',
  active: '🎯',
  building: '🏗️',
  lock: '🔐',
  /** Requester in the global form of the earlier CLI; read only. */
  legacyRequester: '👤',
} as const;

/** GitHub's limit on label names. */
export const LABEL_MAX_LENGTH = 50;
/** GitHub's limit on label descriptions. */
export const LABEL_DESCRIPTION_MAX_LENGTH = 100;

/** The length GitHub's limit is checked against, counted conservatively (see the module comment). */
export function labelLength(name: string): number {
  return name.length;
}

/**
 * GitHub's own count (code points): what it checks a request against. labelLength is never less, so every name the
 * grammar writes passes; the adapter checks with this one so that it refuses no name GitHub would take.
 */
export function characters(text: string): number {
  return [...text].length;
}

const PREFIX = `${CIRCUS} `;
/** Room left for the value in `🎪 {sha7} {emoji} {value}` when the emoji takes two code units. */
const SHA_FIRST_VALUE_ROOM = LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.requester} `);
export const REQUESTER_MAX_LENGTH = SHA_FIRST_VALUE_ROOM;
const CONFIG_VALUE_ROOM = LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.config} `);
const ELLIPSIS = '…';

// ---------------------------------------------------------------------------------------------------------------
// Values

const STATE_FORMS = {
  sha7: '7 lowercase hexadecimal characters, e.g. abc123f',
  status: STATUSES.join(', '),
  date: 'YYYY-MM-DDTHH-MM in UTC, e.g. 2024-01-15T14-30',
  address:
    '<IPv4>:<port>, e.g. 52.1.2.3:8080 (or 52-1-2-3, meaning port 8080), or the preview host of a PR served over HTTPS, e.g. pr-7.showtime.example.org',
  config: 'comma-separated tokens: FLAG, !FLAG, debug, small, medium or large, e.g. ALERTS,!EMBEDDED,debug',
  requester: `${FORMS.login}, or one shortened to ${REQUESTER_MAX_LENGTH} characters ending in ${ELLIPSIS}`,
} as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A UTC date from its parts, or undefined when the parts do not name a real minute (e.g. February 30). */
function utcMinute(year: number, month: number, day: number, hour: number, minute: number): Date | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : undefined;
}

function dateParts(date: Date): [string, string, string, string, string] {
  const time = date.getTime();
  const year = date.getUTCFullYear();
  if (Number.isNaN(time) || year < 0 || year > 9999) {
    throw new Error(
      `date ${String(date)} cannot be written: a valid date between years 0000 and 9999 is required`,
    );
  }
  return [
    pad(year, 4),
    pad(date.getUTCMonth() + 1, 2),
    pad(date.getUTCDate(), 2),
    pad(date.getUTCHours(), 2),
    pad(date.getUTCMinutes(), 2),
  ];
}

/** 📅 text: the minute (UTC) containing `date`, `YYYY-MM-DDTHH-MM`; seconds are dropped. */
export function formatLabelDate(date: Date): string {
  const [y, mo, d, h, mi] = dateParts(date);
  return `${y}-${mo}-${d}T${h}-${mi}`;
}

/** Reads 📅 text; a trailing `Z`, which the earlier CLI sometimes wrote, is accepted. */
export function parseLabelDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z?$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return utcMinute(y, mo, d, h, mi);
}

export function formatIsoMinute(date: Date): string {
  const [y, mo, d, h, mi] = dateParts(date);
  return `${y}-${mo}-${d}T${h}:${mi}Z`;
}

export function parseIsoMinute(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return utcMinute(y, mo, d, h, mi);
}

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const DASHED_IPV4 = new RegExp(`^${OCTET}(?:-${OCTET}){3}$`);
/** The port the earlier workflow's environments listened on; implied by the dashed address form. */
export const LEGACY_PORT = 8080;

function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * What a load-balancer mode 🌐 label carries: a PR's preview host, `pr-<N>.` and a lowercase DNS name. Any other
 * name stays a stray label, as before the load-balancer mode: a 🌐 label is no place for an arbitrary link.
 */
const HOST_NAME =
  /^(?=.{1,253}$)pr-[1-9][0-9]{0,9}(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** The port a host-name address implies: the load balancer's HTTPS listener. */
export const HTTPS_PORT = 443;

export function isHostName(text: string): boolean {
  return HOST_NAME.test(text);
}

function parseAddress(text: string): Address | undefined {
  if (DASHED_IPV4.test(text)) return { host: text.replaceAll('-', '.'), port: LEGACY_PORT };
  if (!IPV4.test(text) && isHostName(text)) return { host: text, port: HTTPS_PORT };
  const colon = text.lastIndexOf(':');
  const host = text.slice(0, colon);
  const portText = text.slice(colon + 1);
  if (colon < 0 || !IPV4.test(host) || !/^[1-9][0-9]{0,4}$/.test(portText)) return undefined;
  const port = Number(portText);
  return isPort(port) ? { host, port } : undefined;
}

/** A login shortened to fit a 🤡 label (see the module comment); shorter logins are returned unchanged. */
export function shortenRequester(login: string): string {
  return login.length <= REQUESTER_MAX_LENGTH ? login : login.slice(0, REQUESTER_MAX_LENGTH - 1) + ELLIPSIS;
}

// A non-empty start of some valid login, possibly cut inside a trailing `[bot]`.
const LOGIN_PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]|$))*(?:\[(?:b(?:ot?)?)?)?$/;

function parseRequester(text: string): string | undefined {
  if (parseLogin(text) !== undefined) return text;
  const shortened =
    text.length === REQUESTER_MAX_LENGTH && text.endsWith(ELLIPSIS) && LOGIN_PREFIX.test(text.slice(0, -1));
  return shortened ? text : undefined;
}

function parseStatus(text: string): Status | undefined {
  return (STATUSES as readonly string[]).includes(text) ? (text as Status) : undefined;
}

const DEBUG_TOKEN = 'debug';
/** Written by the earlier CLI for the default configuration. */
const LEGACY_DEFAULT_TOKEN = 'standard';

function defaultConfig(): EnvConfig {
  return { flags: {}, debug: false };
}

/** True when `config` is the default: no flag mentioned, debug off, no size. */
export function isDefaultConfig(config: EnvConfig): boolean {
  return Object.keys(config.flags).length === 0 && !config.debug && config.size === undefined;
}

/**
 * The canonical token list of a configuration: size, then `debug`, then flags in code-unit order, `!` marking a
 * flag switched off. Throws on a flag name outside `[A-Z0-9_]+` (as stored, without the SUPERSET_FEATURE_ prefix).
 */
export function configTokens(config: EnvConfig): string[] {
  const tokens: string[] = [];
  if (config.size !== undefined) {
    if (parseSize(config.size) === undefined)
      throw new Error(`size "${config.size}" is not one of ${FORMS.size}`);
    tokens.push(config.size);
  }
  if (config.debug) tokens.push(DEBUG_TOKEN);
  for (const flag of Object.keys(config.flags).sort(compareCodeUnits)) {
    if (parseFlag(flag) !== flag) throw new Error(`feature flag "${flag}" is not ${FORMS.flag}`);
    tokens.push(config.flags[flag] ? flag : `!${flag}`);
  }
  return tokens;
}

/** Plain code-unit order, independent of the runtime's locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads the tokens of one ⚙️ label. One reader serves all forms: the earlier CLI wrote lowercase flag words and
 * `standard` (the defaults), which a current label never contains, so accepting them everywhere loses nothing.
 */
function parseConfigText(text: string): Parsed<EnvConfig> {
  const config = defaultConfig();
  for (const token of text.split(',')) {
    const bad = (why: string): Parsed<EnvConfig> => ({
      ok: false,
      reason: `configuration token "${token}" ${why}; expected ${STATE_FORMS.config}`,
    });
    if (token === LEGACY_DEFAULT_TOKEN) continue;
    if (token === DEBUG_TOKEN) {
      config.debug = true;
      continue;
    }
    const size = parseSize(token);
    if (size !== undefined) {
      if (config.size !== undefined && config.size !== size) return bad(`contradicts size ${config.size}`);
      config.size = size;
      continue;
    }
    const off = token.startsWith('!');
    const word = off ? token.slice(1) : token;
    // Lowercase words are the earlier CLI's flags. A SUPERSET_FEATURE_ prefix would only waste room: not accepted.
    const flag = parseFlag(word.toUpperCase());
    if (flag === undefined || flag !== word.toUpperCase()) return bad('is not a flag, debug or a size');
    if (config.flags[flag] === off) return bad(`switches ${flag} both on and off`);
    config.flags[flag] = !off;
  }
  return { ok: true, value: config };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

export type LabelForm = 'sha-first' | 'emoji-first' | 'global';

/** One per-SHA field, as a label states it. */
export type StateValue =
  | { kind: 'status'; status: Status }
  | { kind: 'created'; createdAt: Date }
  | { kind: 'address'; address: Address }
  | { kind: 'ttl'; ttl: Ttl }
  | { kind: 'requester'; requester: string }
  /** Part of the configuration: several ⚙️ labels of one SHA merge (debug: false here means "not mentioned"). */
  | { kind: 'config'; config: EnvConfig };

export type StateKind = StateValue['kind'];
export const STATE_KINDS: readonly StateKind[] = [
  'status',
  'created',
  'address',
  'ttl',
  'requester',
  'config',
];

/** A per-SHA state label in any form; only the global form lacks the SHA. */
export type StateLabel = StateValue &
  ({ form: 'sha-first' | 'emoji-first'; sha: Sha7 } | { form: 'global'; sha?: undefined });

export type ParsedLabel =
  /** Not a showtime label: does not start with `🎪 ` and is not `testenv-up`. */
  | { kind: 'foreign' }
  /** Starts with `🎪 ` but does not parse; `reason` names the part and the accepted form. */
  | { kind: 'malformed'; reason: string }
  | { kind: 'trigger'; trigger: 'start' | 'stop' | 'legacy-up' }
  | { kind: 'freeze' }
  | { kind: 'blocked' }
  | { kind: 'tracked' }
  | { kind: 'config-command'; change: ConfigChange }
  /** A PR's lock; a repository label, never expected on an issue. */
  | { kind: 'lock'; pr: number; sha?: Sha7 }
  | { kind: 'pointer'; pointer: 'active' | 'building'; sha: Sha7 }
  | StateLabel;

// U+FE0F only ever follows an emoji here; dropping it after anything but printable ASCII accepts both spellings while
// a stray selector inside an ASCII value still makes the label malformed.
function withoutVariationSelectors(text: string): string {
  return text.replace(/(?<=[^ -~])\ufe0f/g, '');
}

const bare = withoutVariationSelectors;
// Maps, not object literals: label text must never reach inherited properties such as `constructor`.
const FIXED = new Map<string, ParsedLabel>([
  [bare(TRIGGER_START).toLowerCase(), { kind: 'trigger', trigger: 'start' }],
  [bare(TRIGGER_STOP).toLowerCase(), { kind: 'trigger', trigger: 'stop' }],
  [bare(FREEZE).toLowerCase(), { kind: 'freeze' }],
  [bare(BLOCKED).toLowerCase(), { kind: 'blocked' }],
  [bare(TRACKED).toLowerCase(), { kind: 'tracked' }],
]);

const STATE_EMOJI = new Map<string, StateKind>([
  [bare(EMOJI.status), 'status'],
  [bare(EMOJI.created), 'created'],
  [bare(EMOJI.address), 'address'],
  [bare(EMOJI.ttl), 'ttl'],
  [bare(EMOJI.requester), 'requester'],
  [bare(EMOJI.legacyRequester), 'requester'],
  [bare(EMOJI.config), 'config'],
]);
const POINTER_EMOJI = new Map<string, 'active' | 'building'>([
  [bare(EMOJI.active), 'active'],
  [bare(EMOJI.building), 'building'],
]);

const VALUE_FORMS: Record<StateKind, string> = {
  status: STATE_FORMS.status,
  created: STATE_FORMS.date,
  address: STATE_FORMS.address,
  ttl: FORMS.ttl,
  requester: STATE_FORMS.requester,
  config: STATE_FORMS.config,
};

const FIELD_NAMES: Record<StateKind, string> = {
  status: 'status',
  created: 'creation time',
  address: 'address',
  ttl: 'TTL',
  requester: 'requester',
  config: 'configuration',
};

function parseValue(kind: StateKind, text: string): Parsed<StateValue> {
  const fail = (): Parsed<StateValue> => ({
    ok: false,
    reason: `${FIELD_NAMES[kind]} "${text}" is not ${VALUE_FORMS[kind]}`,
  });
  const wrap = <T>(value: T | undefined, make: (v: T) => StateValue): Parsed<StateValue> =>
    value === undefined ? fail() : { ok: true, value: make(value) };
  switch (kind) {
    case 'status':
      return wrap(parseStatus(text), (status) => ({ kind, status }));
    case 'created':
      return wrap(parseLabelDate(text), (createdAt) => ({ kind, createdAt }));
    case 'address':
      return wrap(parseAddress(text), (address) => ({ kind, address }));
    case 'ttl':
      return wrap(parseTtl(text), (ttl) => ({ kind, ttl }));
    case 'requester':
      return wrap(parseRequester(text), (requester) => ({ kind, requester }));
    case 'config': {
      const parsed = parseConfigText(text);
      return parsed.ok ? { ok: true, value: { kind, config: parsed.value } } : parsed;
    }
  }
}

function shaReason(text: string, example: string): string {
  return `SHA "${text}" is not ${STATE_FORMS.sha7}; expected ${example}`;
}

function parseConfigCommand(rest: string): ParsedLabel {
  const lower = rest.toLowerCase();
  const malformed = (why: string): ParsedLabel => ({
    kind: 'malformed',
    reason: `${why}; expected 🎪 conf-enable-<FLAG>, 🎪 conf-disable-<FLAG>, 🎪 conf-debug-on|off or 🎪 conf-size-<${SIZES.join('|')}>`,
  });
  for (const [prefix, enabled] of [
    ['conf-enable-', true],
    ['conf-disable-', false],
  ] as const) {
    if (!lower.startsWith(prefix)) continue;
    const text = rest.slice(prefix.length);
    const flag = parseFlag(text.toUpperCase());
    return flag === undefined
      ? malformed(`feature flag "${text}" is not ${FORMS.flag}`)
      : { kind: 'config-command', change: { kind: 'flag', flag, enabled } };
  }
  if (lower === 'conf-debug-on' || lower === 'conf-debug-off') {
    return { kind: 'config-command', change: { kind: 'debug', enabled: lower === 'conf-debug-on' } };
  }
  if (lower.startsWith('conf-size-')) {
    const text = rest.slice('conf-size-'.length);
    const size = parseSize(text.toLowerCase());
    return size === undefined
      ? malformed(`size "${text}" is not one of ${FORMS.size}`)
      : { kind: 'config-command', change: { kind: 'size', size } };
  }
  return malformed(`configuration command "${rest}" is unknown`);
}

const LOCK_PREFIX = 'lock-pr-';

/** Reads any label name; never throws. */
export function parseLabel(name: string): ParsedLabel {
  if (name.toLowerCase() === LEGACY_TRIGGER) return { kind: 'trigger', trigger: 'legacy-up' };
  if (!name.startsWith(PREFIX)) return { kind: 'foreign' };
  const normal = bare(name);
  const fixed = FIXED.get(normal.toLowerCase());
  if (fixed) return fixed;
  const rest = normal.slice(PREFIX.length);
  if (rest.toLowerCase().startsWith('conf-')) return parseConfigCommand(rest);

  const tokens = rest.split(' ');
  const [first = '', second, third] = tokens;
  const pointer = POINTER_EMOJI.get(first);
  if (pointer !== undefined) {
    const example = `🎪 ${EMOJI[pointer]} abc123f`;
    if (tokens.length !== 2 || second === undefined) {
      return {
        kind: 'malformed',
        reason: `a ${pointer} pointer carries exactly one SHA; expected ${example}`,
      };
    }
    return isSha7(second)
      ? { kind: 'pointer', pointer, sha: second }
      : { kind: 'malformed', reason: shaReason(second, example) };
  }
  if (first === bare(EMOJI.lock)) {
    const match =
      tokens.length === 2 ? /^lock-pr-([1-9][0-9]{0,15})(?:-([0-9a-f]{7}))?$/i.exec(second ?? '') : null;
    const pr = match ? Number(match[1]) : NaN;
    const sha = match?.[2] === undefined ? undefined : toSha7(match[2].toLowerCase());
    return Number.isSafeInteger(pr)
      ? { kind: 'lock', pr, ...(sha ? { sha } : {}) }
      : { kind: 'malformed', reason: `lock label "${rest}" is not 🎪 🔐 ${LOCK_PREFIX}<PR number>[-<sha7>]` };
  }

  const emojiFirst = STATE_EMOJI.get(first);
  if (emojiFirst !== undefined) {
    const example = `🎪 ${first} abc123f <value>`;
    if (tokens.length === 2 && second !== undefined)
      return stateLabel(emojiFirst, second, { form: 'global' });
    if (tokens.length === 3 && second !== undefined && third !== undefined) {
      return isSha7(second)
        ? stateLabel(emojiFirst, third, { form: 'emoji-first', sha: second })
        : { kind: 'malformed', reason: shaReason(second, example) };
    }
    return { kind: 'malformed', reason: `${FIELD_NAMES[emojiFirst]} label has no value or too many parts` };
  }

  const shaFirst = second === undefined ? undefined : STATE_EMOJI.get(second);
  if (shaFirst !== undefined) {
    const example = `🎪 abc123f ${second} <value>`;
    if (!isSha7(first)) return { kind: 'malformed', reason: shaReason(first, example) };
    if (tokens.length !== 3 || third === undefined) {
      return {
        kind: 'malformed',
        reason: `${FIELD_NAMES[shaFirst]} label needs one value; expected ${example}`,
      };
    }
    return stateLabel(shaFirst, third, { form: 'sha-first', sha: first });
  }
  return {
    kind: 'malformed',
    reason: `"${name}" is not a showtime label; see the label reference in the README`,
  };
}

function stateLabel(
  kind: StateKind,
  text: string,
  where: { form: 'sha-first' | 'emoji-first'; sha: Sha7 } | { form: 'global' },
): ParsedLabel {
  const parsed = parseValue(kind, text);
  return parsed.ok ? { ...parsed.value, ...where } : { kind: 'malformed', reason: parsed.reason };
}

/** Labels that describe state (any form), the pointers and the index label: those the action may remove unasked. */
export function isStateLabel(name: string): boolean {
  const kind = parseLabel(name).kind;
  return kind === 'pointer' || kind === 'tracked' || (STATE_KINDS as readonly string[]).includes(kind);
}

/**
 * A 🎪 label shaped like an environment's state (a state or pointer emoji first or second) that does not parse, e.g.
 * `🎪 zzzzzzz 🚦 running` or a 🌐 with a host name. Nothing reads it as state, so a stop of every environment removes
 * it too: left behind, it would outlive the index label and no later sweep would find it.
 */
export function isStrayStateLabel(name: string): boolean {
  if (!name.startsWith(PREFIX) || parseLabel(name).kind !== 'malformed') return false;
  const [first = '', second = ''] = bare(name).slice(PREFIX.length).split(' ');
  const shaped = (token: string): boolean => STATE_EMOJI.has(token) || POINTER_EMOJI.has(token);
  return shaped(first) || shaped(second);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: SHA-first only. Each renderer throws on a value outside its accepted form (a programming error: every
// value reaching here has been validated), naming the value and the form.

function shaFirst(sha: string, emoji: string, value: string): string {
  return `${PREFIX}${requireSha7(sha)} ${emoji} ${value}`;
}

export function statusLabel(sha: string, status: Status): string {
  if (parseStatus(status) === undefined)
    throw new Error(`status "${status}" is not one of ${STATE_FORMS.status}`);
  return shaFirst(sha, EMOJI.status, status);
}

export function createdLabel(sha: string, createdAt: Date): string {
  return shaFirst(sha, EMOJI.created, formatLabelDate(createdAt));
}

/** The longest host name a 🌐 label can carry. */
export const ADDRESS_HOST_MAX_LENGTH = LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.address} `);

export function addressLabel(sha: string, address: Address): string {
  if (IPV4.test(address.host) && isPort(address.port))
    return shaFirst(sha, EMOJI.address, `${address.host}:${address.port}`);
  if (
    isHostName(address.host) &&
    address.port === HTTPS_PORT &&
    labelLength(address.host) <= ADDRESS_HOST_MAX_LENGTH
  )
    return shaFirst(sha, EMOJI.address, address.host);
  throw new Error(
    `address "${address.host}:${address.port}" is not ${STATE_FORMS.address} (a host name of at most ${ADDRESS_HOST_MAX_LENGTH} characters)`,
  );
}

/** Where people open an environment at this address: its IP over HTTP, or its host name over HTTPS. */
export function addressUrl(address: Address): string {
  if (IPV4.test(address.host)) return `http://${address.host}:${address.port}`;
  return address.port === HTTPS_PORT ? `https://${address.host}` : `https://${address.host}:${address.port}`;
}

export function ttlLabel(sha: string, ttl: Ttl): string {
  const text = formatTtl(ttl);
  if (parseTtl(text) === undefined) throw new Error(`TTL "${text}" is not ${FORMS.ttl}`);
  return shaFirst(sha, EMOJI.ttl, text);
}

/** The 🤡 label; a login too long to fit is shortened (see shortenRequester). */
export function requesterLabel(sha: string, login: string): string {
  if (parseRequester(login) === undefined) {
    throw new Error(`requester "${login}" is not ${STATE_FORMS.requester}`);
  }
  return shaFirst(sha, EMOJI.requester, shortenRequester(login));
}

/** The ⚙️ labels of a configuration, as many as its tokens need; none for the default configuration. */
export function configLabels(sha: string, config: EnvConfig): string[] {
  const sha7 = requireSha7(sha);
  const chunks: string[] = [];
  for (const token of configTokens(config)) {
    const last = chunks.length - 1;
    const joined = last < 0 ? undefined : `${chunks[last]},${token}`;
    if (joined !== undefined && labelLength(joined) <= CONFIG_VALUE_ROOM) chunks[last] = joined;
    else chunks.push(token);
  }
  return chunks.map((chunk) => shaFirst(sha7, EMOJI.config, chunk));
}

export function activeLabel(sha: string): string {
  return `${PREFIX}${EMOJI.active} ${requireSha7(sha)}`;
}

export function buildingLabel(sha: string): string {
  return `${PREFIX}${EMOJI.building} ${requireSha7(sha)}`;
}

/**
 * Every state label of one environment, SHA-first, in a stable order: status, 📅, 🌐, ⌛, 🤡, ⚙️. Pointers are not
 * included: whether an environment is active or building is a fact about the PR, not about the environment.
 */
export function environmentLabels(env: Environment): string[] {
  const labels: string[] = [];
  if (env.status !== undefined) labels.push(statusLabel(env.sha, env.status));
  if (env.createdAt !== undefined) labels.push(createdLabel(env.sha, env.createdAt));
  if (env.address !== undefined) labels.push(addressLabel(env.sha, env.address));
  if (env.ttl !== undefined) labels.push(ttlLabel(env.sha, env.ttl));
  if (env.requester !== undefined) labels.push(requesterLabel(env.sha, env.requester));
  labels.push(...configLabels(env.sha, env.config));
  return labels;
}

export function configCommandLabel(change: ConfigChange): string {
  switch (change.kind) {
    case 'flag': {
      if (parseFlag(change.flag) !== change.flag)
        throw new Error(`feature flag "${change.flag}" is not ${FORMS.flag}`);
      return `${PREFIX}conf-${change.enabled ? 'enable' : 'disable'}-${change.flag}`;
    }
    case 'debug':
      return `${PREFIX}conf-debug-${change.enabled ? 'on' : 'off'}`;
    case 'size': {
      if (parseSize(change.size) === undefined)
        throw new Error(`size "${change.size}" is not one of ${FORMS.size}`);
      return `${PREFIX}conf-size-${change.size}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The deploy lock: a repository label whose existence is the lock (POST /labels succeeds for one creator only) and
// whose description records the lease (locks.ts writes and reads the lease and its fences). It is per PR and SHA: runs for the same commit exclude each other, while a
// newer commit never waits for an older one (it supersedes it through the 🏗️ pointer instead).

/** The name of the lock of PR `pr` (and commit `sha`, 7 or 40 hex, when given). */
export function lockLabel(pr: number, sha?: string): string {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new Error(`PR number "${pr}" is not a positive integer`);
  if (sha === undefined) return `${PREFIX}${EMOJI.lock} ${LOCK_PREFIX}${pr}`;
  return `${PREFIX}${EMOJI.lock} ${LOCK_PREFIX}${pr}-${requireSha7(sha)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The label catalogue, used to create or update repository labels with a colour and a description.

export interface LabelDefinition {
  name: string;
  /** 6 hexadecimal digits, no `#`. */
  color: string;
  /** At most LABEL_DESCRIPTION_MAX_LENGTH characters. */
  description: string;
}

const STATUS_STYLE: Record<Status, { color: string; text: string }> = {
  building: { color: 'fbca04', text: 'is building its Docker image' },
  built: { color: 'e4e669', text: 'has its image built and waits to be deployed' },
  deploying: { color: '1d76db', text: 'is being deployed to ECS' },
  running: { color: '0e8a16', text: 'is running and reachable' },
  updating: { color: '5319e7', text: 'is being replaced by a newer commit' },
  configuring: { color: 'c5def5', text: 'is being redeployed with a new configuration' },
  destroying: { color: '6a737d', text: 'is being torn down' },
  failed: { color: 'd73a4a', text: 'failed to build or deploy; see the run log' },
  sleeping: { color: 'c2e0c6', text: 'is asleep (scaled to zero); /showtime wake brings it back' },
};

function describeTtl(ttl: Ttl): string {
  if (ttl.kind === 'close') return 'lives until the PR closes';
  if (ttl.kind === 'manual') return 'lives until someone stops it';
  return `lives ${formatTtl(ttl)} from its creation time (📅)`;
}

function describeChange(change: ConfigChange): string {
  if (change.kind === 'flag') return `switch feature flag ${change.flag} ${change.enabled ? 'on' : 'off'}`;
  if (change.kind === 'debug') return `switch debug mode ${change.enabled ? 'on' : 'off'}`;
  return `resize the environment to ${change.size}`;
}

function stateDefinition(label: StateLabel): { color: string; description: string } {
  const env = label.sha === undefined ? 'the active environment' : `environment ${label.sha}`;
  switch (label.kind) {
    case 'status':
      return {
        color: STATUS_STYLE[label.status].color,
        description: `${env} ${STATUS_STYLE[label.status].text}`,
      };
    case 'created':
      return {
        color: 'bfdadc',
        description: `${env} was created at ${formatIsoMinute(label.createdAt)}; its TTL counts from then`,
      };
    case 'address':
      return {
        color: '0052cc',
        description: `${env} answers at ${addressUrl(label.address)}`,
      };
    case 'ttl':
      return { color: 'd4c5f9', description: `${env} ${describeTtl(label.ttl)}` };
    case 'requester':
      return { color: 'f9d0c4', description: `${env} was requested by @${label.requester}` };
    case 'config':
      return {
        color: 'bfd4f2',
        description: `${env}: part of its configuration (all its ⚙️ labels together make the whole)`,
      };
  }
}

/** Colour and description for a showtime label; undefined for foreign and malformed names. */
export function labelDefinition(name: string): LabelDefinition | undefined {
  const parsed = parseLabel(name);
  const define = (color: string, description: string): LabelDefinition => ({
    name,
    color,
    description: `Showtime: ${description}`,
  });
  switch (parsed.kind) {
    case 'foreign':
    case 'malformed':
      return undefined;
    case 'trigger':
      if (parsed.trigger === 'start') return define('2ea44f', "add to start or update this PR's environment");
      if (parsed.trigger === 'stop') return define('b60205', "add to stop this PR's environment");
      return define('2ea44f', `the earlier workflow's trigger; works like ${TRIGGER_START}`);
    case 'freeze':
      return define('7dd3fc', 'frozen: new commits do not update the environment');
    case 'blocked':
      return define('000000', 'blocked: no environment may be started for this PR');
    case 'tracked':
      return define('ededed', 'this PR has environment labels (lets the cleanup sweep find it)');
    case 'config-command':
      return define('c5def5', `pending request to ${describeChange(parsed.change)}`);
    case 'lock':
      return define('ededed', `lock of PR #${parsed.pr}; its description names the holder and lease expiry`);
    case 'pointer':
      return parsed.pointer === 'active'
        ? define('0e8a16', `environment ${parsed.sha} serves this PR`)
        : define('fbca04', `environment ${parsed.sha} is being built to serve this PR`);
    default: {
      const { color, description } = stateDefinition(parsed);
      return define(color, description);
    }
  }
}
