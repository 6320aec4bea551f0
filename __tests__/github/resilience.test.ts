// Retries (5xx, secondary and primary rate limits), the messages of failures that are not retried, and the base URL.
import { GitHubError } from '../../src/github/errors.js';
import { OctokitGitHub } from '../../src/github/adapter.js';
import type { World } from './world.js';
import { REPO, sha, startWorld } from './world.js';

const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const REMOVE_LABEL = 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
const SEARCH = 'GET /search/issues';

let world: World;
beforeEach(async () => {
  world = await startWorld({ pulls: [{ number: 5, headSha: sha(5), labels: ['a', 'b'] }] });
});
afterEach(() => world.stop());

describe('retries', () => {
  test.each([500, 502, 503] as const)('a %d is retried until it succeeds', async (status) => {
    world.emulator.faults.failNext(2, { status });
    expect((await world.adapter().getPullRequest(5)).headSha).toBe(sha(5));
    expect(world.requests()).toEqual({ [GET_PULL]: 3 });
  });

  test('5xx retries are bounded: after `retries` more attempts the error says so', async () => {
    world.emulator.faults.failNext(10, { status: 502 });
    const error = await world
      .adapter({ retries: 2 })
      .getPullRequest(5)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 502, operation: 'getPullRequest' });
    expect((error as Error).message).toMatch(/answered 502 .* kept failing after the allowed retries/);
    expect(world.requests()).toEqual({ [GET_PULL]: 3 });
  });

  test.each([403, 429] as const)('a %d secondary rate limit is retried after retry-after', async (status) => {
    world.emulator.faults.rateLimitNext(2, { status, retryAfter: 1 });
    expect(await world.adapter().removeLabel(5, 'a')).toBe(true);
    expect(world.requests()).toEqual({ [REMOVE_LABEL]: 3 });
  });

  test('retry-after is honoured: it is waited for, in the configured unit', async () => {
    world.emulator.faults.rateLimitNext(1, { status: 429, retryAfter: 3 });
    const started = Date.now();
    await world.adapter({ delayUnitMs: 100 }).getPullRequest(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('secondary-limit retries are bounded, and the error says it was a rate limit', async () => {
    world.emulator.faults.rateLimitNext(10, { status: 403, retryAfter: 1 });
    const error = await world
      .adapter({ rateLimitRetries: 2 })
      .searchPullRequests({ labels: ['a'], state: 'open' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, operation: 'searchPullRequests' });
    expect((error as Error).message).toMatch(/rate limit was still exceeded/);
    expect((error as Error).message).not.toMatch(/permissions:/);
    expect(world.requests()).toEqual({ [SEARCH]: 3 });
  });

  test.each([403, 429] as const)(
    'a %d primary rate limit is waited out when the reset is near (search: a one-minute window)',
    async (status) => {
      world.emulator.faults.rateLimitNext(1, { status, kind: 'primary', route: '/search/issues' });
      expect((await world.adapter().searchPullRequests({ labels: ['a'], state: 'open' })).pulls).toHaveLength(
        1,
      );
      expect(world.requests()).toEqual({ [SEARCH]: 2 });
    },
  );

  test('a primary rate limit whose reset is too far away (core: an hour) is not waited for', async () => {
    world.emulator.faults.rateLimitNext(1, { status: 403, kind: 'primary' });
    const error = await world
      .adapter()
      .removeLabel(5, 'b')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, operation: 'removeLabel' });
    expect((error as Error).message).toMatch(/rate limit was still exceeded/);
    expect(world.requests()).toEqual({ [REMOVE_LABEL]: 1 });
  });

  test('random faults: a sequence of operations still completes', async () => {
    world.emulator.faults.random({ rate: 0.3, seed: 7 });
    const github = world.adapter({ retries: 5, rateLimitRetries: 5 });
    for (let i = 0; i < 10; i++) {
      await github.addLabels(5, [`x-${i}`]);
      expect(await github.removeLabel(5, `x-${i}`)).toBe(true);
    }
    expect((await github.getPullRequest(5)).labels.sort()).toEqual(['a', 'b']);
    expect(world.emulator.faults.total()).toBeGreaterThan(0);
  });
});

describe('failures that are not retried', () => {
  test('a rejected token (401) says to check the token, after one request', async () => {
    const error = await world
      .adapter({ token: 'ghs_wrong' })
      .getPullRequest(5)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 401, operation: 'getPullRequest' });
    expect((error as Error).message).toMatch(/rejected the token \(401 .*\); check the github-token input/);
  });
});

describe('base URL', () => {
  test('a trailing slash in GITHUB_API_URL is accepted', async () => {
    const github = new OctokitGitHub({
      token: world.emulator.token,
      baseUrl: `${world.emulator.url}/`,
      repo: REPO,
      pacing: false,
      delayUnitMs: 1,
    });
    expect((await github.getPullRequest(5)).number).toBe(5);
  });

  test('GitHub’s recommended pacing (the default) still works, only slower', async () => {
    const github = new OctokitGitHub({
      token: world.emulator.token,
      baseUrl: world.emulator.url,
      repo: REPO,
    });
    expect(await github.addLabels(5, ['paced'])).toContain('paced');
  });
});
