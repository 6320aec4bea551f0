// The GitHub client goes through Node's fetch, and through undici's ProxyAgent (loaded only then) when HTTPS_PROXY /
// HTTP_PROXY applies to the API's address: runners behind a proxy keep working without a second HTTP stack for all.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOctokit } from '../../src/github/octokit.js';

const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

test('with HTTP_PROXY set, requests to the API go through the proxy (a CONNECT for the API host)', async () => {
  const tunnels: string[] = [];
  const proxy = createServer();
  proxy.on('connect', (request, socket) => {
    tunnels.push(request.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  delete process.env.NO_PROXY;
  try {
    const octokit = createOctokit({
      token: 'ghs_test',
      baseUrl: 'http://api.github.invalid',
      pacing: false,
      retries: 0,
      delayUnitMs: 1,
    });
    await expect(octokit.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 1 })).rejects.toThrow();
    expect(tunnels).toEqual(['api.github.invalid:80']);
  } finally {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

test('without a proxy, or for a loopback API, the client uses Node’s own fetch', async () => {
  let seen = 0;
  const api = createServer((_request, response) => {
    seen += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"number":1}');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', () => resolve()));
  process.env.HTTP_PROXY = 'http://127.0.0.1:9'; // loopback is never proxied, as @actions/http-client decides
  try {
    const octokit = createOctokit({
      token: 'ghs_test',
      baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      pacing: false,
    });
    const { data } = await octokit.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 1 });
    expect(data.number).toBe(1);
    expect(seen).toBe(1);
  } finally {
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
  }
});
