// GitHub's page-based pagination: `per_page` (default 30, at most 100) and `page`, with a `Link` header carrying
// prev/next/last/first. Pure functions: the handler passes in the request URL and the item count.

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface PageRequest {
  page: number;
  perPage: number;
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/**
 * Reads `page` and `per_page`. Like GitHub, values that are not positive integers fall back to the defaults and
 * `per_page` above the maximum is clamped rather than rejected.
 */
export function parsePageRequest(query: URLSearchParams, maxPerPage: number = MAX_PER_PAGE): PageRequest {
  const perPage = Math.min(positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE, maxPerPage);
  return { page: positiveInt(query.get('page')) ?? 1, perPage };
}

export function pageSlice<T>(items: readonly T[], request: PageRequest): T[] {
  const start = (request.page - 1) * request.perPage;
  return items.slice(start, start + request.perPage);
}

/** Number of the last page for `total` items (at least 1: an empty list still has a first page). */
export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

function pageUrl(url: URL, page: number): string {
  const copy = new URL(url.href);
  copy.searchParams.set('page', String(page));
  return copy.href;
}

/**
 * The `Link` header for `page` of `last`, in GitHub's order (prev, next, last, first); undefined when everything fits
 * on the first page. Like GitHub, page 1 has no prev/first and the last page no next/last.
 */
export function linkHeader(url: URL, page: number, last: number): string | undefined {
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(url, Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) {
    links.push(`<${pageUrl(url, page + 1)}>; rel="next"`);
    links.push(`<${pageUrl(url, last)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${pageUrl(url, 1)}>; rel="first"`);
  return links.length > 0 ? links.join(', ') : undefined;
}

/** Parses a `Link` header into rel → URL; the inverse of linkHeader, for clients and tests. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (match?.[1] !== undefined && match[2] !== undefined) links[match[2]] = match[1];
  }
  return links;
}
