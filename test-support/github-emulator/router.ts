// Matches request paths against route templates. Parameters are percent-decoded after the path is split on `/`, so
// a label name may contain an encoded slash, spaces arrive as `%20`, emoji as UTF-8 bytes, and a `+` stays a plus.

export interface Template {
  method: string;
  template: string;
}

export interface Match<T extends Template> {
  route: T;
  params: Record<string, string>;
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/**
 * The route for `method` and `pathname`, with decoded parameters; undefined when nothing fits or a parameter is not
 * valid percent-encoding. Where several templates fit, the literal segment that comes first wins
 * (`/issues/comments/1` is a comment, not issue "comments").
 */
export function findRoute<T extends Template>(
  routes: readonly T[],
  method: string,
  pathname: string,
): Match<T> | undefined {
  const parts = pathname.split('/');
  let best: { route: T; score: string } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const segments = route.template.split('/');
    if (segments.length !== parts.length) continue;
    let fits = true;
    let score = '';
    for (let i = 0; i < segments.length && fits; i += 1) {
      const segment = segments[i] ?? '';
      const part = parts[i] ?? '';
      if (isParam(segment)) {
        fits = part !== '';
        score += '0';
      } else {
        fits = segment === part;
        score += '1';
      }
    }
    if (fits && (!best || score > best.score)) best = { route, score };
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  const segments = best.route.template.split('/');
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    if (!isParam(segment)) continue;
    try {
      params[segment.slice(1, -1)] = decodeURIComponent(parts[i] ?? '');
    } catch {
      return undefined;
    }
  }
  return { route: best.route, params };
}
