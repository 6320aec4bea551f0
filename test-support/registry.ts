// A real OCI registry on the loopback interface for the tests: Debian's docker-registry (the distribution project),
// filesystem storage in a temporary directory, plain HTTP on a free 127.0.0.1 port. skopeo pushes to it for real.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface LocalRegistry {
  /** host:port, the registry part of an image reference. */
  host: string;
  /** The raw manifest stored under `reference` (a tag or a digest), or undefined when there is none. */
  manifest(repository: string, reference: string): Promise<{ body: string; digest?: string } | undefined>;
  tags(repository: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Fails with the name of the missing tool and how to install it, rather than with a spawn error deep in a test. */
export function requireTools(tools: { name: string; probe: string[]; install: string }[]): void {
  const missing = tools.filter(
    (tool) => spawnSync(tool.probe[0] ?? '', tool.probe.slice(1)).error !== undefined,
  );
  if (missing.length > 0) {
    throw new Error(
      `missing test tools: ${missing.map((tool) => `${tool.name} (${tool.install})`).join(', ')}; .ci/run installs them`,
    );
  }
}

export const REGISTRY_TOOLS = [
  {
    name: 'docker-registry',
    probe: [REGISTRY_BINARY, '--version'],
    install: 'apt-get install -y docker-registry',
  },
  { name: 'skopeo', probe: ['skopeo', '--version'], install: 'apt-get install -y skopeo' },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not answer on ${url}: ${log()}`);
}

export async function startRegistry(): Promise<LocalRegistry> {
  requireTools(REGISTRY_TOOLS);
  const dir = mkdtempSync(path.join(tmpdir(), 'showtime-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      '',
    ].join('\n'),
  );
  const child = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://${host}/v2`;
  await waitUntilUp(`${base}/`, child, () => output);
  const accept = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
  ].join(', ');
  return {
    host,
    async manifest(repository, reference) {
      const response = await fetch(`${base}/${repository}/manifests/${reference}`, { headers: { accept } });
      if (response.status === 404) return undefined;
      if (!response.ok)
        throw new Error(`registry answered ${response.status} for ${repository}@${reference}`);
      return {
        body: await response.text(),
        digest: response.headers.get('docker-content-digest') ?? undefined,
      };
    },
    async tags(repository) {
      const response = await fetch(`${base}/${repository}/tags/list`);
      if (response.status === 404) return [];
      return ((await response.json()) as { tags?: string[] | null }).tags ?? [];
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
