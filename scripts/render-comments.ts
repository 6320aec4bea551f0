// `npm run render:comments`: the pictures of what the PR shows (docs/comments/*.png), from the markdown the action
// itself writes (scripts/comment-states.ts, a fixed `now`). The markdown goes to HTML with marked (GitHub-flavoured),
// into a page styled close to a GitHub comment, and Debian's chromium takes the picture through playwright-core.
// Needs the Debian packages chromium and fonts-noto-color-emoji (the emoji); nothing is downloaded.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import type { CommentState } from './comment-states.js';
import { commentStates } from './comment-states.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'docs', 'comments');

const STYLE = `
  body { margin: 0; padding: 16px; background: #ffffff; width: 860px;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
      "Noto Color Emoji"; font-size: 14px; line-height: 1.5; color: #1f2328; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; }
  .head { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa;
    border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
  .avatar { width: 20px; height: 20px; border-radius: 50%; background: #2da44e; display: inline-block; }
  .head b { color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; }
  .body { padding: 16px; }
  .body > :first-child { margin-top: 0; }
  .body > :last-child { margin-bottom: 0; }
  h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; margin: 24px 0 16px; }
  h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
  h4 { font-size: 1em; font-weight: 600; margin: 24px 0 16px; }
  p, ul, table, pre, blockquote, details { margin: 0 0 16px; }
  ul { padding-left: 2em; }
  li + li { margin-top: .25em; }
  a { color: #0969da; text-decoration: none; }
  code { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, monospace; font-size: 85%;
    padding: .2em .4em; background: #818b981f; border-radius: 6px; }
  pre { padding: 16px; background: #f6f8fa; border-radius: 6px; overflow: auto; }
  pre code { padding: 0; background: transparent; font-size: 85%; }
  blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  tr:nth-child(2n) { background: #f6f8fa; }
  sub { color: #59636e; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page of one state: its markdown as GitHub would render it, in a comment's frame. */
export function renderHtml(state: CommentState): string {
  const body = marked.parse(state.markdown, { gfm: true, async: false });
  const who =
    state.name === 'cleanup-dashboard'
      ? '<b>Job summary</b> of the scheduled <b>showtime cleanup</b> run'
      : '<b>github-actions</b> <span class="bot">bot</span> commented';
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(state.title)}</title><style>${STYLE}</style></head>`,
    `<body><div class="comment"><div class="head"><span class="avatar"></span>${who}</div>`,
    `<div class="body">${body}</div></div></body></html>`,
  ].join('\n');
}

export async function main(outDir = OUT_DIR): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'showtime-chromium-'));
  // A fresh, empty profile for every run: nothing of an earlier run (or of a person's browser) changes the picture.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 892, height: 400 },
    deviceScaleFactor: 1,
  });
  const written: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const state of commentStates()) {
      await page.setContent(renderHtml(state), { waitUntil: 'load' });
      const file = path.join(outDir, `${state.name}.png`);
      await page.locator('.comment').screenshot({ path: file });
      written.push(file);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await main()) console.log(path.relative(ROOT, file));
}
