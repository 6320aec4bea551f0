// TEST SUPPORT ONLY — never imported by src/. A small HTTP proxy on 127.0.0.1 in front of moto that makes the AWS
// side fail the way AWS does, on demand and deterministically from a seed, so the reliability tests can check that
// the action's labels still tell the truth when ECS or EC2 calls fail.
//
// The bundles take `aws-endpoint` as an input: point it at `proxy.endpoint` and every ECS/EC2 call of the action goes
// through here, while the test harness and the scheduler stand-in keep talking to moto directly (they are the world,
// not the code under test). moto's own API (`/moto-api/…`) is passed through untouched.
//
// Faults, by kind:
// - `server-error`: 500 with the protocol's error shape (ECS: ServerException; EC2: InternalError). The SDK retries.
// - `throttle`: ECS ThrottlingException (400) / EC2 RequestLimitExceeded (503). The SDK retries with backoff.
// - `reset`: the connection is closed without an answer. The SDK retries (a transient network error).
// - `lost-response`: the request is forwarded and takes effect, but the client gets a 500: the retry then meets the
//   consequences of its own first attempt (a service that already exists, a task definition registered twice).
// `failNext(n)` with n ≥ the SDK's attempts (5 in src/aws/ecs.ts) makes a call fail for good, which reaches the
// action's own error handling; `random()` fails a fraction of calls, which the SDK's retries should absorb.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './aws-paging.js';
import { seededRandom } from './github-emulator/faults.js';

export const AWS_FAULT_KINDS = ['server-error', 'throttle', 'reset', 'lost-response'] as const;
export type AwsFaultKind = (typeof AWS_FAULT_KINDS)[number];

/** One request as the proxy saw it. */
export interface AwsCall {
  /** `ecs`, `ec2`, or `other` (moto's own API, anything unrecognised). */
  service: 'ecs' | 'ec2' | 'other';
  /** The API operation, e.g. `CreateService`, `DescribeNetworkInterfaces`; the path for `other`. */
  operation: string;
  /** The fault it met, if any. */
  fault?: AwsFaultKind;
}

/** Which calls a fault applies to; an empty filter matches every ECS and EC2 call (never moto's own API). */
export interface AwsFilter {
  service?: 'ecs' | 'ec2';
  /** The operation name, or a RegExp tested on it. */
  operation?: string | RegExp;
}

/** What a beforeNext hook wants done with the request once it returns. */
export type HookVerdict = 'forward' | 'drop';
export type AwsHook = (call: AwsCall) => HookVerdict | void | Promise<HookVerdict | void>;

export interface FaultyAws {
  /** `http://127.0.0.1:<port>`: the `aws-endpoint` input of the runs under test. */
  endpoint: string;
  /** The next `n` matching calls meet `kind` (default `server-error`). */
  failNext(n: number, options?: { kind?: AwsFaultKind } & AwsFilter): void;
  /** Fails a fraction `rate` of matching calls; which ones and how depends on `seed` and the call order only. */
  random(options: { rate: number; seed: number; kinds?: AwsFaultKind[] } & AwsFilter): void;
  /**
   * Runs `hook` once, when the next matching call arrives and before it is forwarded (the reliability tests kill a
   * run from here). `drop` closes the connection without forwarding: the call never reached AWS.
   */
  beforeNext(filter: AwsFilter, hook: AwsHook): void;
  /** Faults injected so far, by kind. */
  injected(): Record<string, number>;
  /** Total faults injected. */
  total(): number;
  /** Every call so far, in arrival order. */
  calls(): AwsCall[];
  /** Forget the calls and the injected counts (armed faults stay). */
  resetCounts(): void;
  /** Disarm every fault, random mode and hook. */
  clear(): void;
  stop(): Promise<void>;
}

interface Armed {
  remaining: number;
  filter: AwsFilter;
  kind: AwsFaultKind;
}

function matches(filter: AwsFilter, call: AwsCall): boolean {
  if (call.service === 'other') return false;
  if (filter.service !== undefined && filter.service !== call.service) return false;
  if (filter.operation === undefined) return true;
  return typeof filter.operation === 'string'
    ? filter.operation === call.operation
    : filter.operation.test(call.operation);
}

/** Which API a request is for: ECS speaks JSON 1.1 with an X-Amz-Target header, EC2 the query protocol. */
export function identify(path: string, headers: IncomingMessage['headers'], body: string): AwsCall {
  if (path.startsWith('/moto-api')) return { service: 'other', operation: path };
  const target = headers['x-amz-target'];
  if (typeof target === 'string' && target.includes('.')) {
    return { service: 'ecs', operation: target.slice(target.lastIndexOf('.') + 1) };
  }
  const action = new URLSearchParams(body).get('Action');
  if (action) return { service: 'ec2', operation: action };
  return { service: 'other', operation: path };
}

function errorReply(
  res: ServerResponse,
  call: AwsCall,
  kind: 'server-error' | 'throttle' | 'lost-response',
): void {
  const throttle = kind === 'throttle';
  const requestId = `faulty-aws-${Math.floor(Math.random() * 1e9).toString(16)}`;
  if (call.service === 'ec2') {
    const code = throttle ? 'RequestLimitExceeded' : 'InternalError';
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code>` +
      `<Message>injected by the faulty-aws test proxy</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`;
    res.writeHead(throttle ? 503 : 500, { 'content-type': 'text/xml;charset=UTF-8' });
    res.end(body);
    return;
  }
  const body = JSON.stringify({
    __type: throttle ? 'ThrottlingException' : 'ServerException',
    message: throttle ? 'Rate exceeded (injected by the faulty-aws test proxy)' : 'injected server error',
  });
  res.writeHead(throttle ? 400 : 500, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

/** Starts the proxy in front of `target` (moto's endpoint, e.g. http://127.0.0.1:41234). */
export async function startFaultyAws(target: string): Promise<FaultyAws> {
  const upstream = new URL(target);
  let armed: Armed[] = [];
  let randomMode: { rate: number; kinds: AwsFaultKind[]; filter: AwsFilter; next: () => number } | undefined;
  let hooks: { filter: AwsFilter; hook: AwsHook }[] = [];
  let calls: AwsCall[] = [];
  let counts = new Map<string, number>();

  function take(call: AwsCall): AwsFaultKind | undefined {
    const first = armed.find((a) => matches(a.filter, call));
    if (first) {
      first.remaining -= 1;
      if (first.remaining === 0) armed = armed.filter((a) => a !== first);
      return first.kind;
    }
    if (randomMode && matches(randomMode.filter, call)) {
      const roll = randomMode.next();
      const pick = randomMode.next();
      if (roll < randomMode.rate) {
        return randomMode.kinds[Math.floor(pick * randomMode.kinds.length)] ?? 'server-error';
      }
    }
    return undefined;
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key] = value;
      headers.host = upstream.host;
      headers['content-length'] = String(body.length);
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const plain: Record<string, string> = {};
            for (const [key, value] of Object.entries(response.headers)) {
              if (value === undefined || key === 'transfer-encoding' || key === 'connection') continue;
              plain[key] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: response.statusCode ?? 502, headers: plain, body: Buffer.concat(chunks) });
          });
          response.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const call = identify(req.url ?? '/', req.headers, body.toString('utf8'));
    calls.push(call);
    const due = hooks.find((h) => matches(h.filter, call));
    if (due) {
      hooks = hooks.filter((h) => h !== due);
      if ((await due.hook(call)) === 'drop') {
        req.socket.destroy();
        return;
      }
    }
    const fault = take(call);
    if (fault) {
      call.fault = fault;
      counts.set(fault, (counts.get(fault) ?? 0) + 1);
    }
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'server-error' || fault === 'throttle') {
      errorReply(res, call, fault);
      return;
    }
    const answer = await forward(req, body);
    if (fault === 'lost-response') {
      errorReply(res, call, fault);
      return;
    }
    answer.headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A proxy failure is a test-harness bug, not an AWS behaviour: say so in the body.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`faulty-aws proxy failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const requireCount = (n: number): void => {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`failNext: n must be a positive integer, got ${n}`);
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    failNext(n, options = {}) {
      requireCount(n);
      const { kind = 'server-error', ...filter } = options;
      armed.push({ remaining: n, filter, kind });
    },
    random({ rate, seed, kinds = ['server-error', 'throttle', 'reset'], ...filter }) {
      if (!(rate >= 0 && rate <= 1)) throw new RangeError(`random: rate must be in [0, 1], got ${rate}`);
      if (kinds.length === 0)
        throw new RangeError(`random: kinds must list some of ${AWS_FAULT_KINDS.join(', ')}`);
      randomMode = rate === 0 ? undefined : { rate, kinds, filter, next: seededRandom(seed) };
    },
    beforeNext(filter, hook) {
      hooks.push({ filter, hook });
    },
    injected: () => Object.fromEntries(counts),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    calls: () => [...calls],
    resetCounts() {
      calls = [];
      counts = new Map();
    },
    clear() {
      armed = [];
      randomMode = undefined;
      hooks = [];
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
