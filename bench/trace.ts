// Timestamps for the benchmarks: a pass-through HTTP proxy in front of the GitHub emulator or moto that records when
// each request started and ended, and a docker wrapper that does the same for each docker call. The bundles are
// pointed at them through their ordinary settings (GITHUB_API_URL, the aws-endpoint input, PATH), so they run
// unchanged.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Interval } from './phases.js';

/** Milliseconds since the epoch, sub-millisecond precision: comparable with `date +%s%3N` in the docker wrapper. */
export const clock = (): number => performance.timeOrigin + performance.now();

export interface Traced extends Interval {
  /** `GET /repos/…` for GitHub, `ECS:CreateService` for AWS, `buildx build` for docker. */
  what: string;
}

export interface TracingProxy {
  url: string;
  events(): Traced[];
  clear(): void;
  stop(): Promise<void>;
}

/** The AWS operation of a request: JSON protocols name it in X-Amz-Target, the EC2 query protocol in its body. */
export function awsOperation(headers: IncomingHttpHeaders, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string' && target.includes('.')) {
    const service = target.startsWith('AmazonEC2ContainerService') ? 'ECS' : target.split('_')[0];
    return `${service}:${target.slice(target.lastIndexOf('.') + 1)}`;
  }
  const action = new URLSearchParams(body).get('Action');
  return action ? `EC2:${action}` : 'AWS:unknown';
}

export async function startTracingProxy(target: string, kind: 'github' | 'aws'): Promise<TracingProxy> {
  const upstream = new URL(target);
  let events: Traced[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const start = clock();
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const what =
        kind === 'aws'
          ? awsOperation(incoming.headers, body.toString('utf8'))
          : `${incoming.method ?? 'GET'} ${(incoming.url ?? '/').split('?')[0]}`;
      const forward = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => events.push({ kind, start, end: clock(), what }));
        },
      );
      forward.on('error', (error) => {
        events.push({ kind, start, end: clock(), what });
        outgoing.writeHead(502).end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    events: () => [...events].sort((a, b) => a.start - b.start),
    clear: () => {
      events = [];
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const WRAPPER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'timing-docker');

export interface DockerTimer {
  /** Environment for a step: the wrapper first on PATH, in front of whatever docker `path` finds. */
  env(pathValue: string, wrapped: string): Record<string, string>;
  events(): Traced[];
  clear(): void;
}

export function dockerTimer(logFile: string): DockerTimer {
  // A checkout or an archive may drop the executable bit.
  chmodSync(path.join(WRAPPER_DIR, 'docker'), 0o755);
  writeFileSync(logFile, '');
  return {
    env: (pathValue, wrapped) => ({
      PATH: `${WRAPPER_DIR}${path.delimiter}${pathValue}`,
      BENCH_WRAPPED_DOCKER: wrapped,
      BENCH_DOCKER_TIMES: logFile,
    }),
    events: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => {
              const [start = '0', end = '0', ...args] = line.split(' ');
              return {
                kind: 'docker' as const,
                start: Number(start),
                end: Number(end),
                what: args.join(' '),
              };
            })
        : [],
    clear: () => writeFileSync(logFile, ''),
  };
}
