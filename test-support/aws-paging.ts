// TEST SUPPORT ONLY — never imported by src/. moto answers ListServices, ListTasks and ListTaskDefinitions with every
// item in one page whatever maxResults says, so code that follows nextToken would never be tested. This proxy sits in
// front of moto and pages those three answers as ECS does: at most maxResults items (ECS's default when it is not
// given: 10 services, 100 tasks or task definitions), an opaque nextToken while more remain, and ECS's error for a
// token it did not hand out. Everything else passes through untouched.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The paged operations: the list field of the answer, ECS's default and largest page. */
const PAGED: Record<string, { field: string; defaultSize: number; maxSize: number }> = {
  ListServices: { field: 'serviceArns', defaultSize: 10, maxSize: 100 },
  ListTasks: { field: 'taskArns', defaultSize: 100, maxSize: 100 },
  ListTaskDefinitions: { field: 'taskDefinitionArns', defaultSize: 100, maxSize: 100 },
};

export interface PagingProxy {
  /** `http://127.0.0.1:<port>`: give this to every client instead of moto's own endpoint. */
  endpoint: string;
  /** Pages served per operation, so tests can see that pagination really happened. */
  pages(): Record<string, number>;
  stop(): Promise<void>;
}

/** The whole body of a request. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function forward(
  target: URL,
  request: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, host: target.host, 'content-length': String(body.length) };
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const plain: Record<string, string> = {};
          for (const [key, value] of Object.entries(response.headers)) {
            if (value !== undefined && key !== 'content-length' && key !== 'transfer-encoding') {
              plain[key] = Array.isArray(value) ? value.join(', ') : value;
            }
          }
          resolve({ status: response.statusCode ?? 502, headers: plain, body: Buffer.concat(chunks) });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  response.writeHead(status, { ...headers, 'content-length': String(body.length) });
  response.end(body);
}

function ecsError(response: ServerResponse, message: string): void {
  const body = Buffer.from(JSON.stringify({ __type: 'InvalidParameterException', message }));
  send(response, 400, { 'content-type': 'application/x-amz-json-1.1' }, body);
}

/** The request without its paging fields: the same listing, whichever page is asked for. */
function listingKey(operation: string, request: Record<string, unknown>): string {
  const rest = { ...request };
  delete rest['maxResults'];
  delete rest['nextToken'];
  return `${operation} ${JSON.stringify(rest, Object.keys(rest).sort())}`;
}

export async function startPagingProxy(targetEndpoint: string): Promise<PagingProxy> {
  const target = new URL(targetEndpoint);
  const served: Record<string, number> = {};
  // Tokens handed out: ECS's tokens are opaque and only valid for the listing they came from.
  const tokens = new Map<string, { key: string; offset: number }>();
  let nextToken = 0;

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const paged = request.url?.startsWith('/moto-api') ? undefined : PAGED[operation];
      if (paged === undefined) {
        const answer = await forward(target, request, body);
        send(response, answer.status, answer.headers, answer.body);
        return;
      }
      const asked = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      const size = asked['maxResults'] === undefined ? paged.defaultSize : Number(asked['maxResults']);
      if (!Number.isInteger(size) || size < 1 || size > paged.maxSize) {
        ecsError(
          response,
          `maxResults must be between 1 and ${paged.maxSize}, got ${String(asked['maxResults'])}`,
        );
        return;
      }
      const key = listingKey(operation, asked);
      let offset = 0;
      if (asked['nextToken'] !== undefined) {
        const token = tokens.get(String(asked['nextToken']));
        if (token === undefined || token.key !== key) {
          ecsError(response, 'The nextToken is not valid for this request.');
          return;
        }
        offset = token.offset;
      }
      const rest = { ...asked };
      delete rest['maxResults'];
      delete rest['nextToken'];
      const answer = await forward(target, request, Buffer.from(JSON.stringify(rest)));
      if (answer.status !== 200) {
        send(response, answer.status, answer.headers, answer.body);
        return;
      }
      const full = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
      const items = Array.isArray(full[paged.field]) ? (full[paged.field] as unknown[]) : [];
      const page: Record<string, unknown> = { ...full, [paged.field]: items.slice(offset, offset + size) };
      delete page['nextToken'];
      if (offset + size < items.length) {
        const token = `page-${(nextToken += 1)}`;
        tokens.set(token, { key, offset: offset + size });
        page['nextToken'] = token;
      }
      served[operation] = (served[operation] ?? 0) + 1;
      send(response, 200, answer.headers, Buffer.from(JSON.stringify(page)));
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502);
      response.end(`paging proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pages: () => ({ ...served }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
