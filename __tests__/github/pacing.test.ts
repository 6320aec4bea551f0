// Pacing inside GitHub's documented limits: the token bucket's guarantee in any window (fake clock), and against the
// emulator enforcing the secondary limit on content creation (80 a minute, 500 an hour), in a world whose second
// lasts 10 ms so that minutes pass in a test.
import fc from 'fast-check';
import { CONTENT_PACING, SEARCH_PACING, TokenBucket } from '../../src/github/pacing.js';
import type { BucketLimits, TimeSource } from '../../src/github/pacing.js';
import type { World } from './world.js';
import { FULL, sha, startWorld } from './world.js';

/** A clock that only moves when someone sleeps. */
function fakeTime(): TimeSource & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    scale: 1,
    slept,
  };
}

/** Send times of `count` requests arriving `gaps` apart (cycled), each leaving when the bucket lets it. */
async function sendTimes(limits: BucketLimits, count: number, gaps: number[]): Promise<number[]> {
  const time = fakeTime();
  const bucket = new TokenBucket(limits, time);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await time.sleep(gaps[i % gaps.length] ?? 0);
    await bucket.take();
    times.push(time.now());
  }
  return times;
}

function mostInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[j] ?? 0) <= (times[i] ?? 0) - windowMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('the token bucket (fake clock)', () => {
  test('a burst of 20 writes leaves at once: no pause at all', async () => {
    const time = fakeTime();
    const bucket = new TokenBucket(CONTENT_PACING, time);
    for (let i = 0; i < 20; i += 1) await bucket.take();
    expect(time.slept).toEqual([]);
    await bucket.take();
    expect(time.slept).toEqual([1200]);
  });

  test('whatever the arrival pattern: ≤ 70 writes in any minute, ≤ 400 in any hour, ≤ 29 searches a minute', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }),
        async (gaps) => {
          const writes = await sendTimes(CONTENT_PACING, 600, gaps);
          expect(mostInAnyWindow(writes, 60_000)).toBeLessThanOrEqual(70);
          expect(mostInAnyWindow(writes, 3_600_000)).toBeLessThanOrEqual(400);
          const searches = await sendTimes(SEARCH_PACING, 100, gaps);
          expect(mostInAnyWindow(searches, 60_000)).toBeLessThanOrEqual(29);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('the hourly cap holds back the 401st write until the first one is an hour old', async () => {
    const times = await sendTimes(CONTENT_PACING, 401, [0]);
    expect((times[400] ?? 0) - (times[0] ?? 0)).toBe(3_600_000);
  });
});

describe('against the emulator enforcing the content-creation limit (a second lasts 10 ms)', () => {
  let world: World;
  const PR = 7;
  const WRITES = 150;

  beforeAll(async () => {
    world = await startWorld();
    world.emulator.store.addPull(FULL, { number: PR, headSha: sha(7), author: 'writer', labels: [] });
  });
  afterAll(() => world.stop());

  async function burst(pacing: boolean): Promise<{ refused: number; failed: number }> {
    world.emulator.secondaryLimits.enable({ secondMs: 10 });
    const github = world.adapter({ pacing, delayUnitMs: 10, rateLimitRetries: 0 });
    // All at once, as fast as the client lets them go: the pacing alone decides when each leaves.
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITES }, (_, i) => github.addLabels(PR, [`burst-${i % 40}`])),
    );
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
    const refused = world.emulator.secondaryLimits.refused;
    world.emulator.secondaryLimits.disable();
    return { refused, failed };
  }

  test(`${WRITES} writes with the production pacing are never refused`, async () => {
    expect(await burst(true)).toEqual({ refused: 0, failed: 0 });
  });

  test(`the same ${WRITES} writes without pacing are refused (the limit is real)`, async () => {
    const { refused, failed } = await burst(false);
    expect(refused).toBeGreaterThan(0);
    expect(failed).toBe(refused);
  });
});
