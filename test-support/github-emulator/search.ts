// The subset of GitHub's issue search syntax the action uses, as pure functions: parse `q`, test an item, sort.
// Unsupported parts of GitHub's syntax are reported (422 with a message naming them) instead of being silently
// ignored, so a test never passes on a query the emulator did not understand.

export const MAX_QUERY_LENGTH = 256;
export const MAX_OPERATORS = 5;
/** GitHub serves at most this many results of one query, however many match. */
export const MAX_SEARCH_RESULTS = 1000;

/** Inclusive bounds in epoch milliseconds; a missing bound is open. */
export interface DateRange {
  from?: number;
  to?: number;
}

export interface SearchQuery {
  /** Lower-cased words and quoted phrases; each must occur in the title or body. */
  text: string[];
  /** Lower-cased `owner/name`; an item must be in one of them when any are given. */
  repos: string[];
  /** Lower-cased owners from `user:` / `org:`. */
  owners: string[];
  /** Every entry must hold (`is:pr is:issue` matches nothing, as on GitHub). */
  types: ('pr' | 'issue')[];
  states: ('open' | 'closed')[];
  /** Lower-cased label names: AND across groups, OR within one group (`label:"a","b"`). */
  labels: string[][];
  excludedLabels: string[];
  noLabel: boolean;
  authors: string[];
  excludedAuthors: string[];
  created: DateRange[];
  updated: DateRange[];
  closed: DateRange[];
  /** Where text terms are looked for. */
  textIn: ('title' | 'body')[];
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; message: string };

/** What the search needs to know about an issue or PR. */
export interface Searchable {
  repo: string;
  number: number;
  title: string;
  body: string | null;
  author: string;
  state: 'open' | 'closed';
  isPull: boolean;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: number;
}

/** Qualifiers GitHub knows that this emulator does not implement. */
const UNSUPPORTED = new Set([
  'assignee',
  'mentions',
  'commenter',
  'involves',
  'team',
  'milestone',
  'project',
  'status',
  'head',
  'base',
  'comments',
  'interactions',
  'reactions',
  'language',
  'linked',
  'draft',
  'review',
  'reviewed-by',
  'review-requested',
  'user-review-requested',
  'team-review-requested',
  'archived',
  'merged',
  'sort',
  'reason',
  'parent-issue',
  'sub-issue',
  'has',
]);

const SUPPORTED = new Set([
  'repo',
  'user',
  'org',
  'is',
  'type',
  'state',
  'label',
  'no',
  'author',
  'created',
  'updated',
  'closed',
  'in',
]);

/** Splits on whitespace outside double quotes; an unbalanced quote runs to the end. Never throws. */
export function tokenize(q: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of q) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

function unquote(text: string): string {
  return text.replace(/^"/, '').replace(/"$/, '');
}

/** Splits `"a","b",c` on commas outside quotes and unquotes each part. */
export function splitValues(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') {
      quoted = !quoted;
      continue;
    }
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.filter((p) => p !== '');
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/;

/** A date (whole UTC day) or a date-time (one instant) as [start, end] in epoch ms; undefined when malformed. */
export function parseMoment(text: string): { start: number; end: number } | undefined {
  const day = DATE.exec(text);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const start = Date.UTC(y, m - 1, d);
    const check = new Date(start);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
      return undefined;
    return { start, end: start + DAY_MS - 1 };
  }
  if (DATETIME.test(text)) {
    const zoned = /(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`;
    const at = Date.parse(zoned);
    return Number.isNaN(at) ? undefined : { start: at, end: at };
  }
  return undefined;
}

/** `2024-01-01`, `>2024-01-01`, `>=…`, `<…`, `<=…`, `A..B`, `A..*`, `*..B`. */
export function parseDateRange(value: string): DateRange | undefined {
  const range = /^(.+?)\.\.(.+)$/.exec(value);
  if (range) {
    const from = range[1] === '*' ? undefined : parseMoment(range[1] ?? '');
    const to = range[2] === '*' ? undefined : parseMoment(range[2] ?? '');
    if ((range[1] !== '*' && !from) || (range[2] !== '*' && !to)) return undefined;
    const result: DateRange = {};
    if (from) result.from = from.start;
    if (to) result.to = to.end;
    return result;
  }
  const op = /^(>=|<=|>|<)?(.*)$/.exec(value);
  const moment = parseMoment(op?.[2] ?? '');
  if (!moment) return undefined;
  switch (op?.[1]) {
    case '>':
      return { from: moment.end + 1 };
    case '>=':
      return { from: moment.start };
    case '<':
      return { to: moment.start - 1 };
    case '<=':
      return { to: moment.end };
    default:
      return { from: moment.start, to: moment.end };
  }
}

function emptyQuery(): SearchQuery {
  return {
    text: [],
    repos: [],
    owners: [],
    types: [],
    states: [],
    labels: [],
    excludedLabels: [],
    noLabel: false,
    authors: [],
    excludedAuthors: [],
    created: [],
    updated: [],
    closed: [],
    textIn: ['title', 'body'],
  };
}

const DATE_FORM = 'YYYY-MM-DD (or a date-time), A..B, A..*, *..B, or >, >=, <, <= followed by a date';

/** Parses `q` of `GET /search/issues`. Never throws: problems come back as `{ ok: false, message }`. */
export function parseSearchQuery(q: string): ParsedQuery {
  if (q.trim() === '') return { ok: false, message: 'The search query (q) must not be empty.' };
  if ([...q].length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `The search is longer than ${MAX_QUERY_LENGTH} characters.` };
  }
  const tokens = tokenize(q);
  const operators = tokens.filter((t) => t === 'AND' || t === 'OR' || t === 'NOT');
  if (operators.length > MAX_OPERATORS) {
    return { ok: false, message: `More than ${MAX_OPERATORS} AND / OR / NOT operators were used.` };
  }
  const query = emptyQuery();
  for (const token of tokens) {
    if (token === 'AND') continue;
    if (token === 'OR' || token === 'NOT') {
      return { ok: false, message: `The emulator does not support the ${token} operator in search queries.` };
    }
    const qualifier = /^(-?)([A-Za-z-]+):(.+)$/s.exec(token);
    const name = qualifier?.[2]?.toLowerCase() ?? '';
    if (!qualifier || (!SUPPORTED.has(name) && !UNSUPPORTED.has(name))) {
      const text = unquote(token).toLowerCase();
      if (text !== '') query.text.push(text);
      continue;
    }
    if (UNSUPPORTED.has(name)) {
      return { ok: false, message: `The emulator does not support the ${name}: search qualifier.` };
    }
    const negated = qualifier[1] === '-';
    const raw = qualifier[3] ?? '';
    const values = splitValues(raw);
    const problem = applyQualifier(query, name, negated, raw, values);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, query };
}

function applyQualifier(
  query: SearchQuery,
  name: string,
  negated: boolean,
  raw: string,
  values: string[],
): string | undefined {
  const lower = values.map((v) => v.toLowerCase());
  if (negated && name !== 'label' && name !== 'author') {
    return `The emulator does not support -${name}: (negation is implemented for label: and author: only).`;
  }
  switch (name) {
    case 'repo':
      if (lower.length !== 1 || !/^[^/\s]+\/[^/\s]+$/.test(lower[0] ?? '')) {
        return `Invalid repo: qualifier "${raw}": expected repo:owner/name.`;
      }
      query.repos.push(lower[0] ?? '');
      return undefined;
    case 'user':
    case 'org':
      query.owners.push(...lower);
      return undefined;
    case 'is':
    case 'type':
    case 'state':
      return applyIs(query, name, lower);
    case 'label':
      if (lower.length === 0)
        return `Invalid label: qualifier "${raw}": expected label:name or label:"a","b".`;
      if (negated) query.excludedLabels.push(...lower);
      else query.labels.push(lower);
      return undefined;
    case 'no':
      if (lower.length !== 1 || lower[0] !== 'label')
        return `The emulator supports no:label only, not no:${raw}.`;
      query.noLabel = true;
      return undefined;
    case 'author':
      if (negated) query.excludedAuthors.push(...lower);
      else query.authors.push(...lower);
      return undefined;
    case 'created':
    case 'updated':
    case 'closed': {
      const range = parseDateRange(raw);
      if (!range) return `Invalid ${name}: qualifier "${raw}": expected ${DATE_FORM}.`;
      query[name].push(range);
      return undefined;
    }
    case 'in': {
      const places = lower.filter((v) => v === 'title' || v === 'body') as ('title' | 'body')[];
      if (places.length !== lower.length || places.length === 0) {
        return `The emulator supports in:title and in:body only, not in:${raw}.`;
      }
      query.textIn = places;
      return undefined;
    }
    default:
      return `The emulator does not support the ${name}: search qualifier.`;
  }
}

function applyIs(query: SearchQuery, name: string, values: string[]): string | undefined {
  for (const value of values) {
    if ((name === 'is' || name === 'type') && (value === 'pr' || value === 'issue')) query.types.push(value);
    else if ((name === 'is' || name === 'state') && (value === 'open' || value === 'closed'))
      query.states.push(value);
    else {
      const accepted =
        name === 'type' ? 'pr, issue' : name === 'state' ? 'open, closed' : 'pr, issue, open, closed';
      return `The emulator supports ${name}: ${accepted}; not ${name}:${value}.`;
    }
  }
  return undefined;
}

function inRanges(at: string | null, ranges: DateRange[]): boolean {
  if (ranges.length === 0) return true;
  if (at === null) return false;
  const ms = Date.parse(at);
  return ranges.every((r) => (r.from === undefined || ms >= r.from) && (r.to === undefined || ms <= r.to));
}

export function matchesQuery(query: SearchQuery, item: Searchable): boolean {
  const repo = item.repo.toLowerCase();
  if (query.repos.length > 0 && !query.repos.includes(repo)) return false;
  if (query.owners.length > 0 && !query.owners.includes(repo.split('/')[0] ?? '')) return false;
  if (!query.types.every((t) => (t === 'pr') === item.isPull)) return false;
  if (!query.states.every((s) => s === item.state)) return false;
  const labels = item.labels.map((l) => l.toLowerCase());
  if (!query.labels.every((group) => group.some((l) => labels.includes(l)))) return false;
  if (query.excludedLabels.some((l) => labels.includes(l))) return false;
  if (query.noLabel && labels.length > 0) return false;
  const author = item.author.toLowerCase();
  if (query.authors.length > 0 && !query.authors.includes(author)) return false;
  if (query.excludedAuthors.includes(author)) return false;
  if (!inRanges(item.createdAt, query.created)) return false;
  if (!inRanges(item.updatedAt, query.updated)) return false;
  if (!inRanges(item.closedAt, query.closed)) return false;
  const haystack = [
    query.textIn.includes('title') ? item.title : '',
    query.textIn.includes('body') ? (item.body ?? '') : '',
  ]
    .join('\n')
    .toLowerCase();
  return query.text.every((t) => haystack.includes(t));
}

export const SEARCH_SORTS = ['created', 'updated', 'comments'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Orders results. Without `sort` GitHub ranks by relevance ("best match"); the emulator stands in newest first,
 * which is also what the 2017 recording shows.
 */
export function sortResults<T extends Searchable>(
  items: T[],
  sort: SearchSort | undefined,
  order: 'asc' | 'desc',
): T[] {
  const key = (item: T): number => {
    if (sort === 'updated') return Date.parse(item.updatedAt);
    if (sort === 'comments') return item.comments;
    return Date.parse(item.createdAt);
  };
  const direction = sort === undefined || order === 'desc' ? -1 : 1;
  return [...items].sort(
    (a, b) => direction * (key(a) - key(b) || a.number - b.number || cmp(a.repo, b.repo)),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
