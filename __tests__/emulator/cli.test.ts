import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../test-support/github-emulator/cli.js';

describe('parseArgs', () => {
  test.each([
    [[], { port: 0 }],
    [['--port', '8080'], { port: 8080 }],
    [['--port=0', '--seed', 's.json'], { port: 0, seedFile: 's.json' }],
    [['--seed=a b.json'], { port: 0, seedFile: 'a b.json' }],
  ])('%j → %j', (argv, options) => {
    expect(parseArgs(argv)).toEqual({ ok: true, options });
  });

  test.each([
    [['--port'], '--port: expected a port number 0-65535, got null'],
    [['--port', '70000'], '--port: expected a port number 0-65535, got "70000"'],
    [['--port', 'abc'], 'got "abc"'],
    [['--seed'], '--seed: expected a path to a JSON file'],
    [['--verbose'], 'unknown argument "--verbose"'],
  ])('%j is rejected: %s', (argv, message) => {
    const result = parseArgs(argv);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe('npm run github-emulator', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;

  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGTERM');
    child = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function run(args: string[]): {
    child: ChildProcess;
    output: Promise<{ stdout: string; code: number | null }>;
  } {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'test-support/github-emulator/cli.ts', ...args],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    proc.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const output = new Promise<{ stdout: string; code: number | null }>((resolve) => {
      proc.on('exit', (code) => resolve({ stdout, code }));
      const timer = setInterval(() => {
        if (/token: \S+\n/.test(stdout)) {
          clearInterval(timer);
          resolve({ stdout, code: null });
        }
      }, 20);
      proc.on('exit', () => clearInterval(timer));
    });
    return { child: proc, output };
  }

  test('starts, prints its URL and token, serves the seed, and stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        token: 'cli-token',
        repositories: [{ owner: 'apache', name: 'superset', pulls: [{ number: 7 }] }],
      }),
    );
    const started = run(['--seed', seedFile]);
    child = started.child;
    const { stdout } = await started.output;
    const url = /url: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toContain('token: cli-token');
    const res = await fetch(`${url}/repos/apache/superset/pulls/7`, {
      headers: { authorization: 'token cli-token' },
    });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  test.each([
    [['--port', 'x'], '--port: expected a port number'],
    [['--seed', '/nonexistent/seed.json'], '--seed /nonexistent/seed.json'],
  ])('%j exits with status 2 and says why', async (args, message) => {
    const started = run(args);
    child = started.child;
    const { stdout, code } = await started.output;
    expect(code).toBe(2);
    expect(stdout).toContain(message);
  });

  test('a seed with a bad field exits with status 2 naming the field', async () => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ repositories: [{ owner: 'apache' }] }));
    const started = run(['--seed', seedFile]);
    child = started.child;
    const { stdout, code } = await started.output;
    expect(code).toBe(2);
    expect(stdout).toContain('seed.repositories[0].name');
  });
});
