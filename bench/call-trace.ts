// Request-by-request trace of the GitHub calls of each lifecycle event (plan + run steps), for finding the
// redundant ones: `npx tsx bench/call-trace.ts` after `npm run build`. Prints one numbered line per request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRIGGER_START, TRIGGER_STOP } from '../src/core/labels.js';
import { FULL, REPO } from '../test-support/action-world.js';
import { pullRequestEvent } from '../test-support/payloads.js';
import type { MainTimed } from './measure.js';
import { shaOf, TracedWorld } from './measure.js';

function print(name: string, timed: MainTimed): void {
  const lines: string[] = [];
  for (const [step, t] of [
    ['plan', timed.plan],
    ['run', timed.run],
  ] as const) {
    for (const event of t?.events ?? []) {
      if (event.kind === 'github') lines.push(`${step.padEnd(4)} ${decodeURIComponent(event.what)}`);
    }
  }
  console.log(`\n## ${name}: ${lines.length} calls`);
  lines.forEach((line, i) => console.log(`${String(i + 1).padStart(3)}  ${line}`));
}

const traced = await TracedWorld.start(path.join(mkdtempSync(path.join(tmpdir(), 'trace-')), 'docker.log'));
try {
  const shaA = shaOf('trace-a');
  const shaB = shaOf('trace-b');
  const pr = traced.newPr([], shaA);
  print('first start', await traced.main('pull_request_target', traced.labeled(pr, TRIGGER_START, shaA)));
  traced.world.github.store.setHeadSha(FULL, pr, shaB);
  const push = pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: shaB, sender: 'writer' });
  print('rolling update', await traced.main('pull_request_target', push));
  print('comment command', await traced.main('issue_comment', traced.comment(pr, '/showtime extend 72h')));
  print('stop', await traced.main('pull_request_target', traced.labeled(pr, TRIGGER_STOP, shaB)));
} finally {
  await traced.stop();
}
