// The pictures in docs/comments come from this HTML: each page must carry the facts its state is about (no pixel
// comparisons: the PNGs are checked by eye when regenerated with `npm run render:comments`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { commentStates, FORK_HEAD, HEAD } from '../../scripts/comment-states.js';
import { OUT_DIR, renderHtml } from '../../scripts/render-comments.js';

const SHA7 = HEAD.slice(0, 7);
const FACTS: Record<string, string[]> = {
  building: [
    `🟡 building <code>${SHA7}</code>`,
    `href="https://github.com/apache/superset/commit/${HEAD}"`,
    '>run logs</a>',
    '>container logs</a>',
  ],
  deploying: ['🚀 deploying', 'deploying it to ECS'],
  running: [
    'href="http://52.1.2.3:8088">🔗 Open the environment</a>',
    '2026-12-04 13:52 UTC',
    '$0.06/hour',
    '<code>/showtime stop</code>',
    '<code>/showtime extend 48h</code>',
    '<code>/showtime help</code>',
  ],
  failed: ['❌ failed', 'failed: the health check', 'Cleaned up: the ECS service'],
  stopped: ['⚪ no environment', 'Stopped and removed', '<code>/showtime start</code>'],
  'awaiting-approval': [
    `/showtime start ${FORK_HEAD}`,
    `href="https://github.com/apache/superset/commit/${FORK_HEAD}"`,
  ],
  'status-reply': ['@maxime', 'href="http://52.1.2.3:8088">open it</a>', 'status comment</a>'],
  'cleanup-dashboard': ['Showtime dashboard', '<th>expires</th>', 'Totals:', '1 × destroyed'],
};

describe('render-comments HTML', () => {
  test.each(commentStates().map((state) => [state.name, state] as const))('%s', (name, state) => {
    const html = renderHtml(state);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<div class="comment">');
    for (const fact of FACTS[name] ?? ['(no facts listed for this state)']) expect(html).toContain(fact);
    // Markdown never shows through unrendered: no literal ** or table pipes left in the page.
    expect(html).not.toMatch(/\*\*|\n\| /);
    // Every state has its picture in docs/, which the README shows.
    expect(existsSync(path.join(OUT_DIR, `${name}.png`))).toBe(true);
  });
});
