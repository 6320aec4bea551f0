import path from 'node:path';
import os from 'node:os';
import { TracedWorld, shaOf } from './bench/measure.ts';
import { TRIGGER_START, TRIGGER_STOP } from './src/core/labels.ts';
import { pullRequestEvent } from './test-support/payloads.ts';
import { FULL, REPO } from './test-support/action-world.ts';
const t = await TracedWorld.start(path.join(os.tmpdir(), 'trace-docker.log'));
try {
  const a = shaOf('ta'), b = shaOf('tb');
  const pr = t.newPr([], a);
  const show = (name: string, m: Awaited<ReturnType<typeof t.main>>) => {
    console.log(`== ${name}`);
    for (const [step, timed] of [['plan', m.plan], ['run', m.run]] as const)
      for (const e of timed?.events ?? []) if (e.kind === 'github') console.log(`  ${step} ${e.what.replace('/repos/apache/superset', '')}`);
  };
  show('create', await t.main('pull_request_target', t.labeled(pr, TRIGGER_START, a)));
  t.world.github.store.setHeadSha(FULL, pr, b);
  show('rolling', await t.main('pull_request_target', pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: b, sender: 'writer' })));
  show('stop', await t.main('pull_request_target', t.labeled(pr, TRIGGER_STOP, b)));
} finally { await t.stop(); }
