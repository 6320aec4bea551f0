// Scale: one cleanup sweep over a repository with 1,000 PRs whose environments run (labels seeded through the
// emulator's store, services created in moto), plus a few PRs that need the sweep: expired, closed with leftovers,
// services gone, orphan services. The emulator keeps GitHub's default search limit of 30 requests a minute, and a
// recording pass-through sees every query. The sweep must stay within the search API's limits (≤ 256 characters,
// nothing past the 1,000th result, no search answered with a rate limit) and finish, leaving the truth.
import { createManagedService, FULL, TASK_IP } from '../../test-support/action-world.js';
import {
  activeLabel,
  addressLabel,
  createdLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  ttlLabel,
} from '../../src/core/labels.js';
import type { RecordingProxy, ReliabilityWorld } from './helpers.js';
import {
  pool,
  seconds,
  SWEEP_INPUTS,
  startRecordingProxy,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import { describeTruth, managedServices, observeTruth } from './truth.js';

const HEALTHY = Number(process.env.RELIABILITY_SCALE_PRS ?? 1000);
const EXPIRED = 10;
const CLOSED = 10;
const GONE = 5;
const ORPHANS = 5;
const DAY = 86_400_000;
const SEARCH_LIMIT_PER_MINUTE = 30;
const MAX_QUERY = 256;

let rig: ReliabilityWorld;
let proxy: RecordingProxy;

beforeAll(async () => {
  // Nothing is deployed here, so no scheduler stand-in: it would poll a thousand services without end.
  rig = await startReliabilityWorld({ scheduler: false, rateLimits: { search: SEARCH_LIMIT_PER_MINUTE } });
  proxy = await startRecordingProxy(rig.world.github.url);
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await rig?.stop();
});

function sha7(n: number): string {
  return (0xe000000 + n).toString(16);
}

function environment(sha: string, createdAt: Date, status: 'running' = 'running'): string[] {
  return [
    TRACKED,
    statusLabel(sha, status),
    activeLabel(sha),
    createdLabel(sha, createdAt),
    ttlLabel(sha, { kind: 'duration', hours: 48 }),
    requesterLabel(sha, 'maintainer'),
    addressLabel(sha, { host: TASK_IP, port: rig.port }),
  ];
}

interface Seeded {
  pr: number;
  sha: string;
  served: boolean;
  kind: 'healthy' | 'expired' | 'closed' | 'gone' | 'orphan';
}

test(`one sweep over ${HEALTHY} PRs with running environments stays within GitHub's search limits`, async () => {
  const { world } = rig;
  const now = Date.now();
  const seeded: Seeded[] = [];
  let n = 0;
  const add = (kind: Seeded['kind'], count: number) => {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      seeded.push({ pr: 20_000 + n, sha: sha7(n), served: kind !== 'gone', kind });
    }
  };
  add('healthy', HEALTHY);
  add('expired', EXPIRED);
  add('closed', CLOSED);
  add('gone', GONE);
  add('orphan', ORPHANS);
  for (const [index, entry] of seeded.entries()) {
    if (entry.kind === 'orphan') continue;
    // Opened over the last 100 days: more than 1,000 results make the adapter split the search by creation date.
    const opened = new Date(now - 100 * DAY + (index * 100 * DAY) / seeded.length);
    const createdAt = entry.kind === 'expired' ? new Date(now - 3 * DAY) : new Date(now - 3_600_000);
    world.github.store.addPull(FULL, {
      number: entry.pr,
      author: 'writer',
      labels: environment(entry.sha, createdAt),
      state: entry.kind === 'closed' ? 'closed' : 'open',
      createdAt: opened.toISOString(),
    });
  }
  const t0 = Date.now();
  await pool(
    8,
    seeded
      .filter((entry) => entry.served)
      .map(
        (entry) => () =>
          createManagedService(world, {
            pr: entry.pr,
            sha7: entry.sha,
            createdAt: new Date(now - 2 * 3_600_000),
          }),
      ),
  );
  const seeding = Date.now() - t0;

  const t1 = Date.now();
  const sweep = await world.runStep(
    'cleanup',
    'schedule',
    { schedule: '0 * * * *' },
    { inputs: SWEEP_INPUTS, env: { GITHUB_API_URL: proxy.url } },
  );
  const duration = Date.now() - t1;
  if (sweep.code !== 0) throw new Error(`the sweep failed:\n${sweep.stdout}\n${sweep.stderr}`);

  const searches = proxy.requests.filter((r) => r.url.startsWith('/search/'));
  const queries = searches.map((r) => new URL(r.url, 'http://x').searchParams);
  const longest = Math.max(...queries.map((q) => [...(q.get('q') ?? '')].length));
  const deepest = Math.max(
    ...queries.map((q) => Number(q.get('page') ?? 1) * Number(q.get('per_page') ?? 30)),
  );
  const limited = searches.filter((r) => r.status === 403 || r.status === 429);
  // The busiest minute of the sweep, by the search requests' own times.
  const busiest = Math.max(
    ...searches.map((r) => searches.filter((o) => o.at >= r.at && o.at < r.at + 60_000).length),
  );

  expect(longest).toBeLessThanOrEqual(MAX_QUERY);
  expect(deepest).toBeLessThanOrEqual(1000);
  expect(limited).toEqual([]);
  expect(busiest).toBeLessThanOrEqual(SEARCH_LIMIT_PER_MINUTE);

  const services = new Set((await managedServices(world)).map((s) => `${s.pr}/${s.sha}`));
  const alive = (kind: Seeded['kind']) =>
    seeded.filter((e) => e.kind === kind && services.has(`${e.pr}/${e.sha}`));
  expect(alive('healthy')).toHaveLength(HEALTHY);
  expect(alive('expired')).toEqual([]);
  expect(alive('closed')).toEqual([]);
  expect(alive('orphan')).toEqual([]);
  for (const entry of seeded.filter((e) => e.kind === 'gone')) {
    expect(world.labels(entry.pr)).toContain(statusLabel(entry.sha, 'failed'));
  }
  const truth = await observeTruth(world, { atRest: true, port: rig.port });
  if (truth.lies.length + truth.leaks.length > 0) throw new Error(describeTruth(truth));

  writeFigures('scale (scale.long.ts)', [
    '## Scale (`scale.long.ts`)',
    '',
    `- ${seeded.length - ORPHANS} PRs with environment labels (${HEALTHY} running, ${EXPIRED} past their TTL, ` +
      `${CLOSED} closed with leftovers, ${GONE} whose service was gone) and ${seeded.length - GONE} ECS services ` +
      `(${ORPHANS} of them orphans); seeding took ${seconds(seeding)}`,
    `- one sweep: ${seconds(duration)}, ${proxy.requests.length} GitHub requests, ${searches.length} of them searches ` +
      `(busiest minute: ${busiest}, limit ${SEARCH_LIMIT_PER_MINUTE}); longest query ${longest} characters ` +
      `(limit ${MAX_QUERY}); deepest result reached ${deepest} (limit 1,000); rate-limited searches: ${limited.length}`,
    `- after the sweep: ${alive('healthy').length} running environments untouched, ${EXPIRED + CLOSED} torn down, ` +
      `${ORPHANS} orphans deleted, ${GONE} marked failed; ${truth.lies.length} lies, ${truth.leaks.length} leaks`,
  ]);
}, 300_000);
