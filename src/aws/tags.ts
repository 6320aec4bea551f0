// Tags on an environment's service (propagated to its tasks) and task definition: they mark what showtime
// manages and carry enough to find and expire an environment without GitHub. Pure.
import type { Tag } from '@aws-sdk/client-ecs';
import { toSha7 } from '../core/values.js';

export const TAG_KEYS = {
  managedBy: 'managed-by',
  pr: 'showtime-pr',
  sha: 'showtime-sha',
  requester: 'showtime-requester',
  createdAt: 'showtime-created-at',
  expiresAt: 'showtime-expires-at',
} as const;

export const MANAGED_BY = 'showtime';
/** The expiry tag of an environment that lives until its PR closes or someone stops it. */
export const NO_EXPIRY = 'none';

const MAX_TAG_VALUE = 256;
// ECS tag values allow letters, digits, spaces and + - = . _ : / @ only (a bot login's brackets are not).
const DISALLOWED = /[^\p{L}\p{N} +\-=._:/@]/gu;

export function tagValue(text: string): string {
  return text.replace(DISALLOWED, '_').slice(0, MAX_TAG_VALUE);
}

export interface EnvironmentTagFields {
  pr: number;
  sha7: string;
  requester: string;
  createdAt: Date;
  expiresAt?: Date;
}

export function environmentTags(fields: EnvironmentTagFields): Tag[] {
  return [
    { key: TAG_KEYS.managedBy, value: MANAGED_BY },
    { key: TAG_KEYS.pr, value: String(fields.pr) },
    { key: TAG_KEYS.sha, value: fields.sha7 },
    { key: TAG_KEYS.requester, value: tagValue(fields.requester) },
    { key: TAG_KEYS.createdAt, value: fields.createdAt.toISOString() },
    { key: TAG_KEYS.expiresAt, value: fields.expiresAt ? fields.expiresAt.toISOString() : NO_EXPIRY },
  ];
}

export function isManaged(tags: Tag[] | undefined): boolean {
  return (tags ?? []).some((t) => t.key === TAG_KEYS.managedBy && t.value === MANAGED_BY);
}

export interface ParsedTags {
  pr?: number;
  sha?: string;
  requester?: string;
  createdAt?: Date;
  expiresAt?: Date;
}

const PR = /^[1-9][0-9]{0,9}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

function parseDate(text: string | undefined): Date | undefined {
  if (text === undefined || !ISO.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Reads the showtime tags; a tag that is missing or damaged leaves its field undefined (never throws). */
export function parseEnvironmentTags(tags: Tag[] | undefined): ParsedTags {
  const get = (key: string) => (tags ?? []).find((t) => t.key === key)?.value;
  const parsed: ParsedTags = {};
  const pr = get(TAG_KEYS.pr);
  if (pr !== undefined && PR.test(pr)) parsed.pr = Number(pr);
  const sha = toSha7(get(TAG_KEYS.sha) ?? '');
  if (sha !== undefined) parsed.sha = sha;
  const requester = get(TAG_KEYS.requester);
  if (requester) parsed.requester = requester;
  const createdAt = parseDate(get(TAG_KEYS.createdAt));
  if (createdAt) parsed.createdAt = createdAt;
  const expiresAt = parseDate(get(TAG_KEYS.expiresAt));
  if (expiresAt) parsed.expiresAt = expiresAt;
  return parsed;
}
