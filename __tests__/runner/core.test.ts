// src/runner/core.ts writes the runner's workflow commands through @actions/core's command modules instead of its
// package entry (which loads an HTTP stack at start). The runner reads these bytes, so they must be exactly the ones
// @actions/core writes: each function is run beside its @actions/core twin on the same arguments and compared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as actions from '@actions/core';
import fc from 'fast-check';
import * as ours from '../../src/runner/core.js';

type Writer = typeof ours;

/** What one call wrote: stdout, the GITHUB_OUTPUT file, and the exit code it set. */
function capture(run: () => void): { stdout: string; output: string; exitCode: typeof process.exitCode } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'showtime-core-'));
  const file = path.join(dir, 'output');
  writeFileSync(file, '');
  const saved = { output: process.env.GITHUB_OUTPUT, exitCode: process.exitCode };
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.env.GITHUB_OUTPUT = file;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    run();
    return {
      stdout,
      output: readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM'),
      exitCode: process.exitCode,
    };
  } finally {
    process.stdout.write = write;
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved.output;
    process.exitCode = saved.exitCode;
    rmSync(dir, { recursive: true, force: true });
  }
}

function same(call: (writer: Writer) => void): void {
  expect(capture(() => call(ours))).toEqual(capture(() => call(actions as unknown as Writer)));
}

// Text with the characters workflow commands escape (%, CR, LF, ':' and ',' in properties) well represented.
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '%', '\r', '\n', ':', ',', '🎪', '=', '<', '"'),
});

describe('the runner interface writes what @actions/core writes', () => {
  test.each([
    ['info', (w: Writer) => w.info('plain line')],
    ['debug', (w: Writer) => w.debug('the plan record: {"version":2}')],
    ['warning', (w: Writer) => w.warning('100% sure\nsecond line')],
    ['error', (w: Writer) => w.error('broke: a\r\nb')],
    ['setFailed', (w: Writer) => w.setFailed('the run step failed')],
    ['setOutput', (w: Writer) => w.setOutput('plan-file', '/tmp/plan.json')],
    ['setOutput, multi-line', (w: Writer) => w.setOutput('summary', 'line 1\nline 2')],
  ])('%s', (_name, call) => same(call));

  test('setOutput without GITHUB_OUTPUT falls back to the set-output command, like @actions/core', () => {
    const run = (writer: Writer) => {
      const saved = process.env.GITHUB_OUTPUT;
      delete process.env.GITHUB_OUTPUT;
      try {
        return capture(() => {
          delete process.env.GITHUB_OUTPUT;
          writer.setOutput('action', 'create');
        });
      } finally {
        if (saved !== undefined) process.env.GITHUB_OUTPUT = saved;
      }
    };
    expect(run(ours).stdout).toBe(run(actions as unknown as Writer).stdout);
    expect(run(ours).stdout).toContain('::set-output name=action::create');
  });

  test('every message and output value, byte for byte (property)', () => {
    fc.assert(
      fc.property(text, fc.stringMatching(/^[a-z][a-z-]{0,20}$/), (value, name) => {
        same((w) => w.info(value));
        same((w) => w.warning(value));
        same((w) => w.error(value));
        same((w) => w.debug(value));
        same((w) => w.setOutput(name, value));
      }),
      { numRuns: 200 },
    );
  });

  test('getInput reads INPUT_<NAME> as @actions/core does (spaces to _, upper case, trimmed)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z -]{0,15}$/), text, (name, value) => {
        const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
        process.env[key] = value;
        try {
          expect(ours.getInput(name)).toBe(actions.getInput(name));
        } finally {
          delete process.env[key];
        }
      }),
    );
    expect(ours.getInput('never-set-input')).toBe('');
  });

  test('group folds the lines between ::group:: and ::endgroup::, also when the body throws', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await expect(ours.group('Deploy', async () => 7)).resolves.toBe(7);
      await expect(
        ours.group('Switch', async () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
    } finally {
      process.stdout.write = write;
    }
    expect(lines.join('')).toBe(
      `::group::Deploy${os.EOL}::endgroup::${os.EOL}::group::Switch${os.EOL}::endgroup::${os.EOL}`,
    );
  });

  test('summary is @actions/core’s own', () => {
    expect(ours.summary).toBe(actions.summary);
  });
});
