import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkHealth } from '../../src/aws/health.js';
import type { HealthResult } from '../../src/aws/health.js';

/** One scripted answer: a status, or an error (as fetch throws it), after `latency` ms of the fake clock. */
type Answer = { status: number; latency?: number } | { error: Error; latency?: number };

const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const timedOut = Object.assign(new Error('The operation was aborted due to timeout'), {
  name: 'TimeoutError',
});

function run(answers: Answer[], budgetMs: number, intervalMs: number, requestTimeoutMs = 1000) {
  let clock = 0;
  const sleeps: number[] = [];
  const requested: number[] = [];
  const result = checkHealth('http://203.0.113.9:8080/health', {
    budgetMs,
    intervalMs,
    requestTimeoutMs,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    fetch: async () => {
      requested.push(clock);
      // The last answer repeats for ever.
      const answer = answers[Math.min(requested.length - 1, answers.length - 1)] as Answer;
      clock += answer.latency ?? 0;
      if ('error' in answer) throw answer.error;
      return { status: answer.status };
    },
  });
  return result.then((r) => ({ result: r, sleeps, requested }));
}

test.each<[string, Answer[], number, number, Partial<HealthResult>, number[]]>([
  ['healthy at once', [{ status: 200 }], 1000, 300, { healthy: true, attempts: 1 }, [0]],
  ['any 2xx is healthy', [{ status: 204 }], 1000, 300, { healthy: true, attempts: 1 }, [0]],
  [
    'starting, then healthy',
    [{ status: 503 }, { status: 502 }, { status: 200 }],
    1000,
    300,
    { healthy: true, attempts: 3 },
    [0, 300, 600],
  ],
  [
    'never healthy: the last attempt falls on the end of the budget',
    [{ status: 503 }],
    1000,
    300,
    { healthy: false, attempts: 5, elapsedMs: 1000, lastProblem: 'HTTP 503' },
    [0, 300, 600, 900, 1000],
  ],
  [
    'a redirect is not healthy',
    [{ status: 302 }],
    100,
    100,
    { healthy: false, attempts: 2, lastProblem: 'HTTP 302' },
    [0, 100],
  ],
  [
    'slow answers use up the budget',
    [{ status: 500, latency: 600 }],
    1000,
    100,
    { healthy: false, attempts: 2, elapsedMs: 1300 },
    [0, 700],
  ],
  [
    'connection refused',
    [{ error: refused }],
    500,
    250,
    { healthy: false, attempts: 3, lastProblem: 'ECONNREFUSED' },
    [0, 250, 500],
  ],
  [
    'a request that times out',
    [{ error: timedOut, latency: 1000 }, { status: 200 }],
    5000,
    100,
    { healthy: true, attempts: 2 },
    [0, 1100],
  ],
])('%s', async (_case, answers, budgetMs, intervalMs, expected, requestedAt) => {
  const { result, requested } = await run(answers, budgetMs, intervalMs);
  expect(result).toMatchObject(expected);
  expect(requested).toEqual(requestedAt);
});

test.each([
  ['the request timeout when the budget is larger', 60_000, 2000, 'no answer within 2s'],
  ['what is left of the budget when that is shorter', 1500, 10_000, 'no answer within 1.5s'],
])('a request is cut off at %s', async (_case, budgetMs, requestTimeoutMs, message) => {
  const { result } = await run([{ error: timedOut, latency: budgetMs }], budgetMs, 100, requestTimeoutMs);
  expect(result.lastProblem).toBe(message);
});

describe('with the real fetch', () => {
  test('a local server that answers 200 is healthy; a closed port is refused', async () => {
    const server = createServer((_request, response) => response.writeHead(200).end('OK'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const options = { budgetMs: 300, intervalMs: 100, requestTimeoutMs: 1000 };
    try {
      expect(await checkHealth(`http://127.0.0.1:${port}/health`, options)).toMatchObject({
        healthy: true,
        attempts: 1,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const closed = await checkHealth(`http://127.0.0.1:${port}/health`, options);
    expect(closed).toMatchObject({ healthy: false, lastProblem: 'ECONNREFUSED' });
    expect(closed.attempts).toBeGreaterThanOrEqual(2);
  });
});
