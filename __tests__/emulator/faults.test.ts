import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { FAULT_KINDS, startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator, FaultKind, Seed } from '../../test-support/github-emulator/index.js';
import { Faults, seededRandom } from '../../test-support/github-emulator/faults.js';
import { KeyedMutex } from '../../test-support/github-emulator/mutex.js';
import { RateLimits } from '../../test-support/github-emulator/rate-limit.js';
import { REPO, client, enc } from './helpers.js';
import type { Call, ErrorJson, LabelJson } from './helpers.js';

const TRIGGER = '🎪 ⚡ showtime-trigger-start';
const ISSUE_LABEL = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';

function seed(extra: Partial<Seed> = {}): Seed {
  return {
    repositories: [{ owner: 'apache', name: 'superset', pulls: [{ number: 7, labels: [TRIGGER, 'keep'] }] }],
    ...extra,
  };
}

let emu: Emulator;
let call: Call;

beforeEach(async () => {
  emu = await startEmulator({ seed: seed() });
  call = client(emu);
});

afterEach(async () => {
  await emu.stop();
});

describe('compare-and-swap under concurrency', () => {
  test('of 20 concurrent DELETEs of one issue label exactly one gets 200', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('DELETE', `/repos/${REPO}/issues/7/labels/${enc(TRIGGER)}`)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(19);
    expect(emu.store.labelNames(REPO, 7)).toEqual(['keep']);
  });

  test('of 20 concurrent POST /labels of one name exactly one gets 201', async () => {
    const name = '🎪 🔒 lock-7';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', `/repos/${REPO}/labels`, { name, color: `00000${i % 10}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
  });

  test('the guarantee holds when slow before-hooks run inside the write lock', async () => {
    const order: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      emu.faults.beforeNext({ method: 'DELETE', route: ISSUE_LABEL }, async () => {
        order.push(`start ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${i}`);
      });
    }
    const responses = await Promise.all(
      Array.from({ length: 3 }, () => call('DELETE', `/repos/${REPO}/issues/7/labels/${enc(TRIGGER)}`)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    expect(order).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });
});

describe('KeyedMutex', () => {
  test('runs work with the same key one at a time, and different keys side by side', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (key: string, name: string, ms: number) =>
      mutex.run(key, async () => {
        log.push(`+${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`-${name}`);
        return name;
      });
    const results = await Promise.all([job('a', 'a1', 10), job('a', 'a2', 1), job('b', 'b1', 1)]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('-a1')).toBeLessThan(log.indexOf('+a2'));
    expect(log.indexOf('+b1')).toBeLessThan(log.indexOf('-a1'));
    expect(mutex.busyKeys()).toEqual([]);
  });

  test('a failing job releases the key', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', () => 'next')).resolves.toBe('next');
  });
});

describe('fault injection', () => {
  test.each([500, 502, 503] as const)(
    'failNext(%i) fails the next n requests, then GitHub answers again',
    async (status) => {
      emu.faults.failNext(2, { status });
      const a = await call<ErrorJson>('GET', `/repos/${REPO}/issues/7/labels`);
      const b = await call('GET', `/repos/${REPO}/issues/7/labels`);
      const c = await call('GET', `/repos/${REPO}/issues/7/labels`);
      expect([a.status, b.status, c.status]).toEqual([status, status, 200]);
      expect(a.body.status).toBe(String(status));
      expect(emu.faults.injected()).toEqual({ [`error-${status}`]: 2 });
    },
  );

  test.each([403, 429] as const)(
    'rateLimitNext(%i) answers a secondary rate limit with retry-after',
    async (status) => {
      emu.faults.rateLimitNext(1, { status, retryAfter: 7 });
      const limited = await call<ErrorJson>('POST', `/repos/${REPO}/issues/7/labels`, { labels: ['x'] });
      expect(limited.status).toBe(status);
      expect(limited.headers.get('retry-after')).toBe('7');
      // @octokit/plugin-throttling recognises the secondary limit by this wording.
      expect(limited.body.message).toMatch(/\bsecondary rate\b/i);
      expect(emu.store.labelNames(REPO, 7)).not.toContain('x');
      expect((await call('POST', `/repos/${REPO}/issues/7/labels`, { labels: ['x'] })).status).toBe(200);
    },
  );

  test('rateLimitNext with kind primary reports an exhausted budget', async () => {
    emu.faults.rateLimitNext(1, { kind: 'primary' });
    const limited = await call<ErrorJson>('GET', `/repos/${REPO}`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body.message).toContain('API rate limit exceeded');
  });

  test('a route filter confines a fault to matching requests', async () => {
    emu.faults.failNext(1, { method: 'DELETE', route: ISSUE_LABEL });
    expect((await call('GET', `/repos/${REPO}/issues/7/labels`)).status).toBe(200);
    expect((await call('DELETE', `/repos/${REPO}/issues/7/labels/keep`)).status).toBe(502);
    expect((await call('DELETE', `/repos/${REPO}/issues/7/labels/keep`)).status).toBe(200);
  });

  test('a RegExp route filter', async () => {
    emu.faults.failNext(1, { route: /\/labels$/ });
    expect((await call('GET', `/repos/${REPO}`)).status).toBe(200);
    expect((await call('GET', `/repos/${REPO}/labels`)).status).toBe(502);
  });

  test('delay slows matching requests; delay(0) removes delays', async () => {
    emu.faults.delay(120, { route: '/repos/{owner}/{repo}' });
    const started = Date.now();
    await call('GET', `/repos/${REPO}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    const fast = Date.now();
    await call('GET', `/repos/${REPO}/labels`);
    expect(Date.now() - fast).toBeLessThan(100);
    emu.faults.delay(0);
    const again = Date.now();
    await call('GET', `/repos/${REPO}`);
    expect(Date.now() - again).toBeLessThan(100);
    expect(emu.faults.injected()['delay']).toBe(1);
  });

  test('random mode fails a deterministic fraction from its seed', async () => {
    const run = async (seedValue: number): Promise<number[]> => {
      const fresh = await startEmulator({ seed: seed() });
      const freshCall = client(fresh);
      fresh.faults.random({ rate: 0.3, seed: seedValue, kinds: ['error-500', 'secondary-rate-limit-429'] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await freshCall('GET', `/repos/${REPO}`)).status);
      expect(fresh.faults.total()).toBe(statuses.filter((s) => s !== 200).length);
      await fresh.stop();
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    const failures = first.filter((s) => s !== 200);
    expect(failures.length).toBeGreaterThan(4);
    expect(failures.length).toBeLessThan(24);
    expect(new Set(failures)).toEqual(new Set([500, 429]));
    expect(await run(7)).not.toEqual(first);
  });

  test('beforeNext lets another writer change the labels between two calls', async () => {
    const before = await call<LabelJson[]>('GET', `/repos/${REPO}/issues/7/labels`);
    expect(before.body.map((l) => l.name)).toContain(TRIGGER);
    emu.faults.beforeNext({ method: 'DELETE', route: ISSUE_LABEL }, (store) => {
      store.removeLabel(REPO, 7, TRIGGER);
    });
    const lost = await call<ErrorJson>('DELETE', `/repos/${REPO}/issues/7/labels/${enc(TRIGGER)}`);
    expect(lost.status).toBe(404);
    expect(emu.faults.injected()['before-next']).toBe(1);
  });

  test('clear() disarms everything', async () => {
    emu.faults.failNext(5);
    emu.faults.delay(500);
    emu.faults.random({ rate: 1, seed: 1 });
    emu.faults.beforeNext({}, (store) => {
      store.removeLabel(REPO, 7, 'keep');
    });
    emu.faults.clear();
    expect((await call('GET', `/repos/${REPO}`)).status).toBe(200);
    expect(emu.store.labelNames(REPO, 7)).toContain('keep');
    expect(emu.faults.total()).toBe(0);
  });

  test.each([
    ['failNext(0)', (f: Faults) => f.failNext(0), 'positive integer'],
    ['failNext with 404', (f: Faults) => f.failNext(1, { status: 404 as 500 }), '500, 502 or 503'],
    ['rateLimitNext with 500', (f: Faults) => f.rateLimitNext(1, { status: 500 as 403 }), '403 or 429'],
    ['rateLimitNext with retryAfter -1', (f: Faults) => f.rateLimitNext(1, { retryAfter: -1 }), 'retryAfter'],
    ['delay(-1)', (f: Faults) => f.delay(-1), 'ms must be'],
    ['random rate 2', (f: Faults) => f.random({ rate: 2, seed: 1 }), 'rate must be in [0, 1]'],
    ['random with no kinds', (f: Faults) => f.random({ rate: 0.5, seed: 1, kinds: [] }), 'kinds'],
    [
      'random with an unknown kind',
      (f: Faults) => f.random({ rate: 0.5, seed: 1, kinds: ['x' as FaultKind] }),
      'kinds',
    ],
  ])('%s is rejected with a message', (_what, arm, message) => {
    expect(() => arm(new Faults())).toThrow(message);
  });

  test('every fault kind can be produced by random mode', () => {
    const faults = new Faults();
    faults.random({ rate: 1, seed: 3, kinds: [...FAULT_KINDS] });
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) seen.add(faults.take('GET', '/x')?.kind ?? 'none');
    expect([...seen].sort()).toEqual([...FAULT_KINDS].sort());
  });

  test('seededRandom is deterministic and in [0, 1)', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('request counting', () => {
  test('counts requests per method and route template, faulted ones included; resetCounts starts over', async () => {
    emu.faults.failNext(1);
    await call('GET', `/repos/${REPO}/issues/7/labels`);
    await call('GET', `/repos/${REPO}/issues/7/labels?page=2`);
    await call('DELETE', `/repos/${REPO}/issues/7/labels/keep`);
    await call('DELETE', `/repos/${REPO}/issues/7/labels/${enc(TRIGGER)}`);
    await call('GET', '/no/such/route');
    expect(emu.counts()).toEqual({
      'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': 2,
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': 2,
      'GET /no/such/route': 1,
    });
    emu.resetCounts();
    expect(emu.counts()).toEqual({});
  });

  test('requests addressed by repository id count under the named route', async () => {
    const id = emu.store.repo(REPO).id;
    const res = await call<LabelJson[]>('GET', `/repositories/${id}/issues/7/labels`);
    expect(res.status).toBe(200);
    expect(emu.counts()).toEqual({ 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': 1 });
    expect((await call('GET', '/repositories/999999/issues/7/labels')).status).toBe(404);
  });
});

describe('authentication, rate-limit headers, unknown routes', () => {
  test.each([
    ['no Authorization header', null, 'Requires authentication'],
    ['a wrong token', 'token nope', 'Bad credentials'],
  ])('%s → 401', async (_what, authorization, message) => {
    const res = await call<ErrorJson>('GET', `/repos/${REPO}`, undefined, { authorization });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(message);
  });

  test.each([
    ['token', `token TOKEN`],
    ['Bearer', `Bearer TOKEN`],
  ])('the %s scheme is accepted', async (_what, header) => {
    const res = await call('GET', `/repos/${REPO}`, undefined, {
      authorization: header.replace('TOKEN', emu.token),
    });
    expect(res.status).toBe(200);
  });

  test('every response carries the rate-limit headers; used counts up', async () => {
    const a = await call('GET', `/repos/${REPO}`);
    const b = await call('GET', '/nope');
    const c = await call('GET', `/repos/${REPO}`, undefined, { authorization: null });
    for (const res of [a, b, c]) {
      for (const header of ['limit', 'remaining', 'used', 'reset', 'resource']) {
        expect(res.headers.get(`x-ratelimit-${header}`)).not.toBeNull();
      }
    }
    expect([a, b].map((r) => r.headers.get('x-ratelimit-used'))).toEqual(['1', '2']);
    expect(a.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  test('a used-up budget answers 403 with remaining 0 until the window resets', async () => {
    const small = await startEmulator({ seed: seed({ rateLimits: { core: 2 } }) });
    const smallCall = client(small);
    expect((await smallCall('GET', `/repos/${REPO}`)).status).toBe(200);
    expect((await smallCall('GET', `/repos/${REPO}`)).status).toBe(200);
    const over = await smallCall<ErrorJson>('GET', `/repos/${REPO}`);
    expect(over.status).toBe(403);
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    small.rateLimits.reset();
    expect((await smallCall('GET', `/repos/${REPO}`)).status).toBe(200);
    await small.stop();
  });

  test('RateLimits opens a new window after the reset time', () => {
    const limits = new RateLimits({ core: 1, search: 1 });
    const t0 = Date.UTC(2024, 0, 1);
    expect(limits.take('core', t0).allowed).toBe(true);
    expect(limits.take('core', t0 + 1000).allowed).toBe(false);
    expect(limits.take('search', t0).allowed).toBe(true);
    expect(limits.take('core', t0 + 3600_000).allowed).toBe(true);
    expect(limits.snapshot('core', t0 + 3600_000)).toMatchObject({ used: 1, remaining: 0 });
  });

  test('an unknown route is a 404 JSON error', async () => {
    const res = await call<ErrorJson>('GET', '/repos/apache/superset/unknown/thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toMatchObject({ message: 'Not Found', status: '404' });
  });
});
