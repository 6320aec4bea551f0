// The deploy lock's protocol text, written and read here only: the lease a lock label's description carries, the
// fence label a takeover of an expired lease creates first, and how a fence names the lock and lease it fenced.
// The lock's *name* (`🎪 🔐 lock-pr-…`) is part of the label grammar (labels.ts writes and parses it with every
// other 🎪 name). Everything here is pure: the fence name is a hash of its inputs, no clock, no randomness.
import { createHash } from 'node:crypto';
import {
  LABEL_DESCRIPTION_MAX_LENGTH,
  LABEL_MAX_LENGTH,
  characters,
  formatIsoMinute,
  parseIsoMinute,
} from './labels.js';
import type { Lease } from './types.js';

/** How a lock label carries its lease; the adapter is given one and never reads label text itself. */
export interface LockCodec {
  /** The label description that carries the lease (at most LABEL_DESCRIPTION_MAX_LENGTH characters). */
  describe(lease: Lease): string;
  /** The lease in a description, or undefined when the text is not one (never throws). */
  parse(description: string): Lease | undefined;
  /**
   * The name of the fence label that whoever takes over the expired lease `description` of lock `name` must create
   * first (at most LABEL_MAX_LENGTH characters, the same for every racer that saw the same expired lease).
   */
  fenceName(name: string, description: string): string;
}

const LOCK_HEAD = 'showtime lock held by ';
const LOCK_UNTIL = ' until ';
export const LOCK_HOLDER_MAX_LENGTH =
  LABEL_DESCRIPTION_MAX_LENGTH - LOCK_HEAD.length - LOCK_UNTIL.length - 'YYYY-MM-DDTHH:MMZ'.length;
export const LOCK_DESCRIPTION_FORM = `${LOCK_HEAD}<holder> until <YYYY-MM-DDTHH:MMZ>, e.g. ${LOCK_HEAD}run 123456/1 until 2024-01-15T14:30Z`;
// Printable, no surrounding space, so that what is written is read back unchanged.
const HOLDER = /^[^\s\p{Cc}\p{Cf}\p{Cs}](?:[^\p{Cc}\p{Cf}\p{Cs}]*[^\s\p{Cc}\p{Cf}\p{Cs}])?$/u;

/**
 * The lock label's description. The expiry is rounded up to the whole minute: a lease may last a few seconds longer
 * than asked, never shorter, so a run that believes it still holds the lock always does.
 */
export function formatLockDescription(lease: Lease): string {
  if (!HOLDER.test(lease.holder) || lease.holder.length > LOCK_HOLDER_MAX_LENGTH) {
    throw new Error(
      `lock holder "${lease.holder}" must be 1 to ${LOCK_HOLDER_MAX_LENGTH} printable characters without surrounding spaces`,
    );
  }
  const ceiled = new Date(Math.ceil(lease.expiresAt.getTime() / 60_000) * 60_000);
  return `${LOCK_HEAD}${lease.holder}${LOCK_UNTIL}${formatIsoMinute(ceiled)}`;
}

/** Reads a lock description (LOCK_DESCRIPTION_FORM); undefined for anything else. */
export function parseLockDescription(text: string): Lease | undefined {
  if (!text.startsWith(LOCK_HEAD)) return undefined;
  const until = text.lastIndexOf(LOCK_UNTIL);
  if (until < LOCK_HEAD.length) return undefined;
  const holder = text.slice(LOCK_HEAD.length, until);
  const expiresAt = parseIsoMinute(text.slice(until + LOCK_UNTIL.length));
  return expiresAt !== undefined && HOLDER.test(holder) ? { holder, expiresAt } : undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The adapter's own lease form, `holder|ISO-expiry`, used when it is given no codec (its tests do). */
export function formatLease(lease: Lease): string {
  if (lease.holder === '' || lease.holder.includes('|')) {
    throw new Error(
      `Invalid lock holder ${JSON.stringify(lease.holder)}: expected non-empty text without "|"`,
    );
  }
  if (Number.isNaN(lease.expiresAt.getTime())) throw new Error('Invalid lock expiry: expected a valid date');
  const text = `${lease.holder}|${lease.expiresAt.toISOString()}`;
  if (characters(text) > LABEL_DESCRIPTION_MAX_LENGTH) {
    throw new Error(
      `Invalid lock holder ${JSON.stringify(lease.holder)}: at most ` +
        `${LABEL_DESCRIPTION_MAX_LENGTH - 25} characters fit in a label description with the expiry`,
    );
  }
  return text;
}

export function parseLease(description: string): Lease | undefined {
  const bar = description.indexOf('|');
  if (bar <= 0) return undefined;
  const holder = description.slice(0, bar);
  const expiry = description.slice(bar + 1);
  if (!ISO.test(expiry)) return undefined;
  const expiresAt = new Date(expiry);
  // Date accepts 2024-02-31 by rolling over; a lease we wrote always round-trips exactly.
  return expiresAt.toISOString() === expiry ? { holder, expiresAt } : undefined;
}

/** Separates the lock's name from the lease hash in a fence's name. */
export const FENCE_MARK = ' ⛓ ';

/**
 * `<lock name> ⛓ <8 hex>`: the hash identifies the expired lease, so every racer that saw the same lease tries to
 * create the same fence and exactly one succeeds. The lock name is shortened when needed to stay within
 * LABEL_MAX_LENGTH; the hash covers the full name, so distinct locks still get distinct fences.
 */
export function fenceName(name: string, description: string): string {
  const hash = createHash('sha256').update(`${name}\n${description}`).digest('hex').slice(0, 8);
  const suffix = `${FENCE_MARK}${hash}`;
  const room = LABEL_MAX_LENGTH - characters(suffix);
  return `${[...name].slice(0, room).join('')}${suffix}`;
}

/** True for a fence's name (every other 🎪 name lacks the mark). */
export function isFenceName(name: string): boolean {
  return name.includes(FENCE_MARK);
}

/** The lock a fence guards (its name as far as the fence kept it); undefined for a name that is not a fence. */
export function fencedLockName(fence: string): string | undefined {
  const mark = fence.indexOf(FENCE_MARK);
  return mark < 0 ? undefined : fence.slice(0, mark);
}

const TAKEOVER = 'takeover of ';

/** A fence's description: which lock it guards and the expired lease it took over, cut to the description limit. */
export function fenceDescription(lock: string, seen: string): string {
  return [...`${TAKEOVER}${lock}: ${seen}`].slice(0, LABEL_DESCRIPTION_MAX_LENGTH).join('');
}

/** The lease text a fence's description says it took over; undefined when the description is not a fence's. */
export function fencedLeaseText(description: string): string | undefined {
  const colon = description.indexOf(': ');
  return colon < 0 ? undefined : description.slice(colon + 2);
}

/** The codec the action runs with. */
export const LOCK_CODEC: LockCodec = {
  describe: formatLockDescription,
  parse: parseLockDescription,
  fenceName,
};
/** The adapter's default when it is given no codec. */
export const DEFAULT_LOCK_CODEC: LockCodec = { describe: formatLease, parse: parseLease, fenceName };
