// searchPullRequests against the emulator: label OR, state, pagination, query splitting and the 1,000-result cap.
import { buildSearchQueries } from '../../src/github/search-query.js';
import type { World } from './world.js';
import { FULL, REPO, startWorld } from './world.js';

const SEARCH = 'GET /search/issues';
const TRACKED = '🎪 🎟️ showtime-tracked';
const LEGACY = 'testenv-up';
const T0 = Date.parse('2024-01-01T00:00:00Z');
const MINUTE = 60_000;

let world: World;
afterEach(() => world.stop());

function addPulls(
  count: number,
  labels: (i: number) => string[],
  state: (i: number) => 'open' | 'closed' = () => 'open',
) {
  for (let i = 0; i < count; i++) {
    world.emulator.store.addPull(FULL, {
      number: 1000 + i,
      author: `user-${i % 7}`,
      labels: labels(i),
      state: state(i),
      createdAt: new Date(T0 + i * MINUTE).toISOString(),
    });
  }
}

describe('searchPullRequests', () => {
  test('finds PRs carrying any of the labels, in the state asked, with one request', async () => {
    world = await startWorld({
      pulls: [
        { number: 1, labels: [TRACKED], author: 'alice', createdAt: '2024-02-01T00:00:00Z' },
        { number: 2, labels: [LEGACY, 'bug'] },
        { number: 3, labels: [TRACKED, LEGACY] },
        { number: 4, labels: ['bug'] },
        { number: 5, labels: [TRACKED], state: 'closed' },
      ],
      issues: [{ number: 6, labels: [TRACKED] }],
    });
    const github = world.adapter();
    const open = (await github.searchPullRequests({ labels: [TRACKED, LEGACY], state: 'open' })).pulls;
    expect(open.map((pr) => pr.number)).toEqual([1, 2, 3]);
    expect(open[0]).toEqual({
      number: 1,
      open: true,
      labels: [TRACKED],
      createdAt: new Date('2024-02-01T00:00:00Z'),
      author: 'alice',
    });
    expect(world.requests()).toEqual({ [SEARCH]: 1 });

    expect(
      (await github.searchPullRequests({ labels: [TRACKED], state: 'closed' })).pulls.map((pr) => pr.number),
    ).toEqual([5]);
    expect(
      (await github.searchPullRequests({ labels: [TRACKED], state: 'all' })).pulls.map((pr) => pr.number),
    ).toEqual([1, 3, 5]);
  });

  test('a label with + or { in its name is searched for as written', async () => {
    world = await startWorld({
      pulls: [
        { number: 1, labels: ['c++'] },
        { number: 2, labels: ['c'] },
        { number: 3, labels: ['{x}'] },
      ],
    });
    const found = (await world.adapter().searchPullRequests({ labels: ['c++', '{x}'], state: 'open' })).pulls;
    expect(found.map((pr) => pr.number)).toEqual([1, 3]);
  });

  test('reads every page: 250 results take 3 requests of 100', async () => {
    world = await startWorld();
    addPulls(250, (i) => (i % 2 ? [TRACKED] : [LEGACY]));
    const found = (await world.adapter().searchPullRequests({ labels: [TRACKED, LEGACY], state: 'open' }))
      .pulls;
    expect(found).toHaveLength(250);
    expect(world.requests()).toEqual({ [SEARCH]: 3 });
  });

  test('labels too many for one query are split across queries; a PR found twice is listed once', async () => {
    const labels = Array.from({ length: 20 }, (_, i) => `🎪 some-rather-long-label-name-${i}`);
    const queries = buildSearchQueries(REPO, labels, 'all');
    expect(queries.length).toBeGreaterThan(1);
    world = await startWorld();
    addPulls(20, (i) => [labels[i]!, labels[(i + 10) % 20]!]);
    const found = (await world.adapter().searchPullRequests({ labels, state: 'all' })).pulls;
    expect(found.map((pr) => pr.number)).toEqual(Array.from({ length: 20 }, (_, i) => 1000 + i));
    expect(world.requests()).toEqual({ [SEARCH]: queries.length });
  });

  test('more than 1,000 results: creation dates are bisected until every PR is found', async () => {
    world = await startWorld();
    // One PR a minute for 1,500 minutes; the clock stops at the last one. The first request sees 1,500 > 1,000; the
    // window [first PR, now] splits into two halves of 750 PRs, 8 pages each: 1 + 8 + 8 requests.
    addPulls(
      1500,
      (i) => (i % 3 ? [TRACKED] : [LEGACY, TRACKED]),
      (i) => (i % 5 ? 'open' : 'closed'),
    );
    const github = world.adapter({ clock: () => new Date(T0 + 1499 * MINUTE) });
    const found = (await github.searchPullRequests({ labels: [TRACKED], state: 'all' })).pulls;
    expect(found).toHaveLength(1500);
    expect(new Set(found.map((pr) => pr.number)).size).toBe(1500);
    expect(found.filter((pr) => !pr.open)).toHaveLength(300);
    expect(world.requests()).toEqual({ [SEARCH]: 17 });
  });

  test('bisection recurses: 2,500 PRs over a window whose halves still hold more than 1,000', async () => {
    world = await startWorld();
    addPulls(2500, () => [TRACKED]);
    const { pulls: found } = await world
      .adapter({ clock: () => new Date(T0 + 2499 * MINUTE) })
      .searchPullRequests({ labels: [TRACKED], state: 'open' });
    expect(found.map((pr) => pr.number)).toEqual(Array.from({ length: 2500 }, (_, i) => 1000 + i));
    // 1 (2,500) + left half 1,250 → 1 + 2 × 7 (625 each) + right half likewise: 1 + 2 × 15 = 31.
    expect(world.requests()).toEqual({ [SEARCH]: 31 });
  });

  test.each([
    [[], /at least one label/],
    [['a "quoted" label'], /cannot quote/],
  ])('refuses %j before any request', async (labels, message) => {
    world = await startWorld();
    await expect(world.adapter().searchPullRequests({ labels, state: 'all' })).rejects.toThrow(message);
    expect(world.requests()).toEqual({});
  });
});

describe('search as GitHub answers it: partial and lagging', () => {
  test('a partial page is reported as incomplete, with the PRs it did return', async () => {
    world = await startWorld();
    addPulls(10, () => [TRACKED]);
    world.emulator.store.searchIndex.partialResults(1, { keep: 0.5, seed: 7 });
    const partial = await world.adapter().searchPullRequests({ labels: [TRACKED], state: 'open' });
    expect(partial.incomplete).toBe(true);
    expect(partial.pulls.length).toBeLessThan(10);
    const whole = await world.adapter().searchPullRequests({ labels: [TRACKED], state: 'open' });
    expect(whole).toMatchObject({ incomplete: false });
    expect(whole.pulls).toHaveLength(10);
  });

  test('a label added within the lag is not found yet; once the lag has passed it is', async () => {
    world = await startWorld();
    addPulls(1, () => []);
    let now = Date.now();
    world.emulator.store.clock = () => new Date(now);
    world.emulator.store.searchIndex.setLag(60_000);
    world.emulator.store.addLabels(FULL, 1000, [TRACKED]);
    expect((await world.adapter().searchPullRequests({ labels: [TRACKED], state: 'all' })).pulls).toEqual([]);
    now += 61_000;
    const later = await world.adapter().searchPullRequests({ labels: [TRACKED], state: 'all' });
    expect(later.pulls.map((pr) => pr.number)).toEqual([1000]);
  });
});

describe('listLabelCarriers: a consistent read', () => {
  test('sees a carrier the lagging search does not, with one request', async () => {
    world = await startWorld();
    addPulls(1, () => []);
    world.emulator.store.searchIndex.setLag(60 * MINUTE);
    world.emulator.store.addLabels(FULL, 1000, ['🎪 abc123f 🚦 failed']);
    world.emulator.resetCounts();
    const carriers = await world.adapter().listLabelCarriers('🎪 abc123f 🚦 failed');
    expect(carriers.carried).toBe(true);
    expect(carriers.pulls.map((pr) => pr.number)).toEqual([1000]);
    expect(carriers.numbers).toEqual([1000]);
    expect(world.requests()).toEqual({ 'GET /repos/{owner}/{repo}/issues': 1 });
  });

  test('nothing carries it: not carried; a name with a comma cannot be asked for and counts as carried', async () => {
    world = await startWorld();
    expect(await world.adapter().listLabelCarriers('🎪 abc123f 🚦 failed')).toEqual({
      carried: false,
      numbers: [],
      pulls: [],
    });
    world.emulator.resetCounts();
    expect((await world.adapter().listLabelCarriers('a,b')).carried).toBe(true);
    expect(world.requests()).toEqual({});
  });
});
