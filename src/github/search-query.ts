// Building `GET /search/issues` queries within GitHub's limits: a query of at most 256 characters, and at most 1,000
// results per query (larger result sets are split by creation date). Pure functions: data in, data out.
import type { RepoRef, SearchState } from './port.js';

export const MAX_QUERY_LENGTH = 256;
/** GitHub stops returning results after the first 1,000 of any query. */
export const MAX_SEARCH_RESULTS = 1000;

/** An inclusive creation-time window, whole seconds (GitHub's `created:` resolution). */
export interface CreatedRange {
  from: Date;
  to: Date;
}

/** ` created:2024-01-01T00:00:00Z..2024-12-31T23:59:59Z`: every query leaves room for one. */
const RANGE_ROOM = ' created:'.length + 2 * '2024-01-01T00:00:00Z'.length + '..'.length;

/**
 * GitHub counts the query in characters; counting UTF-16 units (an emoji is two) can only over-estimate, so a query
 * that passes here passes there.
 */
function length(text: string): number {
  return text.length;
}

/**
 * The queries that together find every PR in `repo` carrying any of `labels` (each query ORs a chunk of them with
 * `label:"a","b"`), each short enough to take a `created:` range later. Labels repeated modulo case are asked once.
 * Throws on input GitHub cannot search for: no labels, or a label containing a double quote.
 */
export function buildSearchQueries(repo: RepoRef, labels: string[], state: SearchState): string[] {
  if (labels.length === 0) throw new Error('searchPullRequests needs at least one label to search for');
  const quoted = labels.find((label) => label.includes('"'));
  if (quoted !== undefined) {
    throw new Error(
      `Cannot search for label ${JSON.stringify(quoted)}: GitHub search cannot quote a label with "`,
    );
  }
  const seen = new Set<string>();
  const unique = labels.filter((label) => {
    const key = label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const stateQualifier = state === 'all' ? '' : ` is:${state}`;
  const base = `is:pr repo:${repo.owner}/${repo.repo}${stateQualifier} label:`;
  const budget = MAX_QUERY_LENGTH - RANGE_ROOM;
  const queries: string[] = [];
  let current = '';
  for (const label of unique) {
    const term = `"${label}"`;
    const candidate = current === '' ? `${base}${term}` : `${current},${term}`;
    if (length(candidate) <= budget) {
      current = candidate;
    } else if (current === '') {
      throw new Error(
        `Cannot search for label ${JSON.stringify(label)}: the query would exceed ${MAX_QUERY_LENGTH} characters`,
      );
    } else {
      queries.push(current);
      current = `${base}${term}`;
      if (length(current) > budget) {
        throw new Error(
          `Cannot search for label ${JSON.stringify(label)}: the query would exceed ${MAX_QUERY_LENGTH} characters`,
        );
      }
    }
  }
  queries.push(current);
  return queries;
}

/** UTC as `Z`: shorter than `+00:00`, and no `+` for any layer to mistake for an encoded space. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function withCreatedRange(query: string, range: CreatedRange): string {
  return `${query} created:${isoSeconds(range.from)}..${isoSeconds(range.to)}`;
}

/** Truncates to the whole second (GitHub's `created_at` has no fraction). */
export function floorToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Two halves that together cover `range` exactly and do not overlap, or undefined when the range is a single
 * second and cannot be split further.
 */
export function splitRange(range: CreatedRange): [CreatedRange, CreatedRange] | undefined {
  const from = floorToSecond(range.from).getTime();
  const to = floorToSecond(range.to).getTime();
  if (to <= from) return undefined;
  const middle = from + Math.floor((to - from) / 2000) * 1000;
  return [
    { from: new Date(from), to: new Date(middle) },
    { from: new Date(middle + 1000), to: new Date(to) },
  ];
}
