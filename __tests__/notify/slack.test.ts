import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Notice } from '../../src/notify/slack.js';
import { notify, slackMessage } from '../../src/notify/slack.js';

interface Received {
  method?: string;
  url?: string;
  contentType?: string;
  body: string;
}

/** A local stand-in for Slack's incoming webhook: records what arrives, answers `status`. */
async function receiver(
  respond: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(200).end('ok'),
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body });
      respond(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/s3cr3t-token`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const notice: Notice = {
  kind: 'ready',
  pr: 34809,
  sha: 'abc123f000000000000000000000000000000000',
  url: 'http://52.1.2.3:8080',
  repo: 'apache/superset',
};

describe('slackMessage', () => {
  test.each<[Notice, string]>([
    [notice, '🎪 apache/superset PR #34809 `abc123f` 🟢 ready · <http://52.1.2.3:8080|open>'],
    [
      { kind: 'failed', pr: 7, sha: 'def4567', reason: 'health check failed' },
      '🎪 PR #7 `def4567` ❌ failed · health check failed',
    ],
    [
      { kind: 'expiring', pr: 7, sha: 'def4567', reason: 'expires at 2026-11-22T17:30:00.000Z' },
      '🎪 PR #7 `def4567` ⏳ expiring soon · expires at 2026-11-22T17:30:00.000Z',
    ],
    [
      { kind: 'destroyed', pr: 7, sha: 'def4567', reason: 'ttl-expired' },
      '🎪 PR #7 `def4567` 🧹 destroyed · ttl-expired',
    ],
    [
      { kind: 'failed', pr: 7, sha: 'def4567', reason: '<script> & co' },
      '🎪 PR #7 `def4567` ❌ failed · &lt;script&gt; &amp; co',
    ],
  ])('%j → one short line', (input, text) => {
    expect(slackMessage(input)).toEqual({ text });
  });
});

describe('notify', () => {
  test('posts the JSON message to the webhook', async () => {
    const slack = await receiver();
    const warnings: string[] = [];
    try {
      const sent = await notify({ slackWebhookUrl: slack.url }, notice, { warn: (m) => warnings.push(m) });
      expect(sent).toBe(true);
      expect(slack.received).toHaveLength(1);
      expect(slack.received[0]).toMatchObject({
        method: 'POST',
        url: '/services/T000/B000/s3cr3t-token',
        contentType: 'application/json',
      });
      expect(JSON.parse(slack.received[0]!.body)).toEqual(slackMessage(notice));
      expect(warnings).toEqual([]);
    } finally {
      await slack.close();
    }
  });

  test('does nothing without a webhook', async () => {
    const calls: unknown[] = [];
    const fake = (async (...args: unknown[]) => {
      calls.push(args);
      return new Response('ok');
    }) as typeof fetch;
    expect(await notify({ slackWebhookUrl: undefined }, notice, { fetch: fake })).toBe(false);
    expect(calls).toEqual([]);
  });

  test.each([500, 404, 403])(
    'HTTP %d is a warning, not an error, and does not show the webhook',
    async (status) => {
      const slack = await receiver((_req, res) => res.writeHead(status).end('no_service'));
      const warnings: string[] = [];
      try {
        await expect(
          notify({ slackWebhookUrl: slack.url }, notice, { warn: (m) => warnings.push(m) }),
        ).resolves.toBe(false);
        expect(warnings).toEqual([
          `could not send the Slack notice (ready, PR #34809): Slack answered HTTP ${status}`,
        ]);
      } finally {
        await slack.close();
      }
    },
  );

  test('an unreachable webhook is a warning without the secret', async () => {
    const slack = await receiver();
    await slack.close();
    const warnings: string[] = [];
    await expect(
      notify({ slackWebhookUrl: slack.url }, notice, { warn: (m) => warnings.push(m) }),
    ).resolves.toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^could not send the Slack notice \(ready, PR #34809\): .*ECONNREFUSED/);
    expect(warnings[0]).not.toContain('s3cr3t');
  });

  test('a Slack that never answers is given up on after the timeout', async () => {
    const slack = await receiver(() => undefined);
    const warnings: string[] = [];
    try {
      const started = Date.now();
      await expect(
        notify({ slackWebhookUrl: slack.url }, notice, { warn: (m) => warnings.push(m), timeoutMs: 200 }),
      ).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toContain('s3cr3t');
    } finally {
      await slack.close();
    }
  });

  test('an error quoting the webhook URL is redacted', async () => {
    const secret = 'https://hooks.slack.com/services/T1/B2/s3cr3t';
    const fake = (async () => {
      throw new Error(`request to ${secret} failed, path /services/T1/B2/s3cr3t`);
    }) as typeof fetch;
    const warnings: string[] = [];
    await notify({ slackWebhookUrl: secret }, notice, { fetch: fake, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      'could not send the Slack notice (ready, PR #34809): request to (webhook) failed, path (webhook path)',
    ]);
  });
});
