// The registry port of the split form: read a manifest's digest, push an OCI archive. skopeo does both without a
// docker daemon and without running anything from the image: the deploy job only copies bytes it was handed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDockerReference } from './reference.js';

export type Lookup = { found: true; digest: string } | { found: false; why: string };

export interface Registry {
  /**
   * The manifest digest (`sha256:…`) `reference` points at. `anonymous` reads without any credential of the job
   * (the plan job has none, and must not pick up one by accident).
   */
  digestOf(reference: string, options: { anonymous: boolean }): Promise<Lookup>;
  /** Pushes the OCI archive to `destination` (repository:tag) and returns the manifest digest it was stored under. */
  pushArchive(archive: string, destination: string): Promise<string | undefined>;
}

export interface RegistryLog {
  info(message: string): void;
}

export const SKOPEO_MISSING =
  'skopeo is not installed: the split form reads and pushes images with it (GitHub’s Ubuntu runner images ship it; ' +
  'elsewhere `apt-get install skopeo`)';

/**
 * Plain HTTP is allowed for one registry only, and only on the loopback interface: a test registry on this machine.
 * A real registry is always spoken to over verified TLS, whatever the environment says.
 */
export function isLoopbackRegistry(domain: string | undefined): boolean {
  if (domain === undefined) return false;
  const host = domain.replace(/:[0-9]+$/, '');
  return host === 'localhost' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function skopeo(args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      'skopeo',
      args,
      { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, ...(env ? { env } : {}) },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') return reject(new Error(SKOPEO_MISSING));
        const exit = error
          ? typeof code === 'number'
            ? code
            : ((error as { status?: number }).status ?? 1)
          : 0;
        resolve({ code: exit, stdout, stderr: stderr.toString() });
      },
    );
  });
}

export interface SkopeoOptions {
  /** host:port of a loopback registry spoken to over plain HTTP (tests); ignored for any other host. */
  insecureLoopback?: string;
  env?: NodeJS.ProcessEnv;
  log: RegistryLog;
}

export class SkopeoRegistry implements Registry {
  constructor(private readonly options: SkopeoOptions) {}

  private insecure(reference: string): boolean {
    const domain = parseDockerReference(reference)?.domain;
    return (
      this.options.insecureLoopback !== undefined &&
      domain === this.options.insecureLoopback &&
      isLoopbackRegistry(domain)
    );
  }

  async digestOf(reference: string, { anonymous }: { anonymous: boolean }): Promise<Lookup> {
    if (parseDockerReference(reference) === undefined) return { found: false, why: 'not an image reference' };
    const args = ['inspect', '--raw', '--retry-times', '2'];
    if (anonymous) args.push('--no-creds');
    if (this.insecure(reference)) args.push('--tls-verify=false');
    args.push(`docker://${reference}`);
    const run = await skopeo(args, this.options.env);
    if (run.code !== 0) {
      const why = /manifest unknown|not found/i.test(run.stderr)
        ? 'the registry has no such manifest'
        : `the registry did not answer (${lastLine(run.stderr)})`;
      return { found: false, why };
    }
    // --raw prints the manifest exactly as stored: its sha256 is the digest the registry serves it under.
    return { found: true, digest: `sha256:${createHash('sha256').update(run.stdout).digest('hex')}` };
  }

  async pushArchive(archive: string, destination: string): Promise<string> {
    const scratch = mkdtempSync(path.join(tmpdir(), 'showtime-push-'));
    const digestFile = path.join(scratch, 'digest');
    try {
      // --all keeps every manifest of the archive's index (a multi-platform build, an attestation).
      const args = ['copy', '--all', '--retry-times', '3', '--digestfile', digestFile];
      if (this.insecure(destination)) args.push('--dest-tls-verify=false');
      args.push(`oci-archive:${archive}`, `docker://${destination}`);
      this.options.log.info(`Pushing the image archive to ${destination}`);
      const run = await skopeo(args, this.options.env);
      if (run.code !== 0) {
        throw new Error(`skopeo could not push the image archive to ${destination}: ${lastLine(run.stderr)}`);
      }
      const digest = readFileSync(digestFile, 'utf8').trim();
      if (!DIGEST.test(digest)) throw new Error(`skopeo reported the digest ${JSON.stringify(digest)}`);
      return digest;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}

/** The dry-run twin: finds nothing (so a plan says a build is needed) and pushes nothing. */
export function dryRunRegistry(log: RegistryLog): Registry {
  return {
    async digestOf(reference) {
      log.info(`dry run (docker): would look ${reference} up in the registry`);
      return { found: false, why: 'dry run' };
    },
    async pushArchive(archive, destination) {
      log.info(`dry run (docker): would push ${archive} to ${destination}`);
      return undefined;
    },
  };
}
