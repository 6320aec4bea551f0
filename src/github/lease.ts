// The default way a lock label carries its lease: description `holder|ISO-expiry`. labels.ts may supply its own
// codec; these functions are pure (the fence name is a hash of its inputs, no clock, no randomness).
import { createHash } from 'node:crypto';
import type { Lease } from '../core/types.js';
import type { LockCodec } from './port.js';

export const MAX_LABEL_NAME = 50;
export const MAX_LABEL_DESCRIPTION = 100;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** GitHub counts characters (code points), not UTF-16 units, against its label limits. */
export function characters(text: string): number {
  return [...text].length;
}

export function formatLease(lease: Lease): string {
  if (lease.holder === '' || lease.holder.includes('|')) {
    throw new Error(
      `Invalid lock holder ${JSON.stringify(lease.holder)}: expected non-empty text without "|"`,
    );
  }
  if (Number.isNaN(lease.expiresAt.getTime())) throw new Error('Invalid lock expiry: expected a valid date');
  const text = `${lease.holder}|${lease.expiresAt.toISOString()}`;
  if (characters(text) > MAX_LABEL_DESCRIPTION) {
    throw new Error(
      `Invalid lock holder ${JSON.stringify(lease.holder)}: at most ` +
        `${MAX_LABEL_DESCRIPTION - 25} characters fit in a label description with the expiry`,
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

/**
 * `<lock name> ⛓ <8 hex>`: the hash identifies the expired lease, so every racer that saw the same lease tries to
 * create the same fence and exactly one succeeds. The lock name is shortened when needed to stay within 50
 * characters; the hash covers the full name, so distinct locks still get distinct fences.
 */
export function fenceName(name: string, description: string): string {
  const hash = createHash('sha256').update(`${name}\n${description}`).digest('hex').slice(0, 8);
  const suffix = ` ⛓ ${hash}`;
  const room = MAX_LABEL_NAME - characters(suffix);
  return `${[...name].slice(0, room).join('')}${suffix}`;
}

export const DEFAULT_LOCK_CODEC: LockCodec = { describe: formatLease, parse: parseLease, fenceName };
