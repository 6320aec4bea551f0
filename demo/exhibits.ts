// What the PR showed during the demo, kept for people to read: the status comment after every step, a build in
// progress (the plan step's claim), a failed deploy, a fork's commit waiting for approval, and the cleanup
// dashboard. The three extra scenes run on PRs of their own after the checked steps, against the same world, so the
// timeline's checks are untouched. Each is written as markdown and all of them as one HTML page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STATUS_MARKER } from '../src/core/report.js';
import type { ActionWorld } from '../test-support/action-world.js';
import { FULL, REPO } from '../test-support/action-world.js';
import { pullRequestEvent } from '../test-support/payloads.js';
import { TRIGGER_START } from '../src/core/labels.js';

export interface Exhibit {
  /** File name without extension: `02-start`, `failed-deploy`. */
  name: string;
  title: string;
  markdown: string;
}

export function statusCommentOf(world: ActionWorld, pr: number): string | undefined {
  return world.github.store.comments(FULL, pr).find((c) => c.body.includes(STATUS_MARKER))?.body;
}

function addPull(world: ActionWorld, pr: number, headSha: string, fork: boolean): void {
  world.github.store.addPull(FULL, {
    number: pr,
    title: fork ? 'fix: a contributor’s change from a fork' : 'feat: a change whose health check fails',
    author: fork ? 'contributor' : 'writer',
    headSha,
    fork,
    labels: [],
  });
}

function startEvent(world: ActionWorld, pr: number, headSha: string, fork: boolean) {
  world.github.store.addLabels(FULL, pr, [TRIGGER_START]);
  return pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr,
    headSha,
    sender: 'maintainer',
    label: TRIGGER_START,
    fork,
    author: fork ? 'contributor' : 'writer',
  });
}

/** The three scenes the lifecycle does not pass through; each returns what its PR's status comment said. */
export async function extraScenes(world: ActionWorld, firstPr: number): Promise<Exhibit[]> {
  const exhibits: Exhibit[] = [];
  const keep = (pr: number, name: string, title: string): void => {
    const markdown = statusCommentOf(world, pr);
    exhibits.push({ name, title, markdown: markdown ?? `(PR #${pr} has no status comment)` });
  };

  // A build in progress: only the plan step runs, which claims the SHA and writes the comment at once.
  const building = firstPr;
  const buildingSha = 'b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9';
  addPull(world, building, buildingSha, false);
  await world.runStep('plan', 'pull_request_target', startEvent(world, building, buildingSha, false));
  keep(
    building,
    'building',
    `PR #${building}: the plan step has claimed the build (the comment, within seconds)`,
  );

  // A deploy whose health check never passes: the service is deleted and the comment says why and what went.
  const failing = firstPr + 1;
  const failingSha = 'f0f1f2f3f4f5f6f7f8f9e0e1e2e3e4e5e6e7e8e9';
  addPull(world, failing, failingSha, false);
  world.setHealth(503);
  try {
    await world.runMain('pull_request_target', startEvent(world, failing, failingSha, false), {
      inputs: { 'health-timeout-seconds': '2', 'poll-interval-seconds': '0.2' },
    });
  } finally {
    world.setHealth(200);
  }
  keep(failing, 'failed-deploy', `PR #${failing}: a deploy whose health check fails`);

  // A fork's head: the start label is answered with the exact approval command. Fork PRs go through the three-job
  // form (the one-job form refuses to build a fork's code at all).
  const fork = firstPr + 2;
  const forkSha = 'a0a1a2a3a4a5a6a7a8a9d0d1d2d3d4d5d6d7d8d9';
  addPull(world, fork, forkSha, true);
  await world.runSplit('pull_request_target', startEvent(world, fork, forkSha, true));
  keep(fork, 'fork-approval', `PR #${fork}: a fork's commit waiting for a maintainer's approval`);
  return exhibits;
}

/** Writes every exhibit as `<name>.md` and all of them as `index.html`; returns the directory. */
export async function writeExhibits(exhibits: Exhibit[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'showtime-demo-'));
  for (const exhibit of exhibits) writeFileSync(path.join(dir, `${exhibit.name}.md`), exhibit.markdown);
  const { renderHtml } = await import('../scripts/render-comments.js');
  const pages = exhibits.map((exhibit) => {
    const page = renderHtml({ name: 'running', title: exhibit.title, markdown: exhibit.markdown });
    const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
    return `<h1 style="font-size:16px;margin:32px 0 8px">${escapeHtml(exhibit.title)}</h1>${body}`;
  });
  const style =
    /<style>[\s\S]*?<\/style>/.exec(renderHtml({ name: 'running', title: '', markdown: '' }))?.[0] ?? '';
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>showtime demo: what the PR showed</title>${style}</head><body>${pages.join('\n')}</body></html>\n`,
  );
  return dir;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
