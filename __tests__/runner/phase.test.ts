import { phase } from '../../src/orchestrator/context.js';
import type { Log } from '../../src/orchestrator/context.js';

function recordingLog(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  const log: Log = {
    info: (message) => lines.push(message),
    warning: (message) => lines.push(`warning ${message}`),
    error: (message) => lines.push(`error ${message}`),
    group: async (name, fn) => {
      lines.push(`::group::${name}`);
      try {
        return await fn();
      } finally {
        lines.push('::endgroup::');
      }
    },
  };
  return { log, lines };
}

test('a phase is one log group; a phase inside another stays in the outer one (GitHub groups do not nest)', async () => {
  const { log, lines } = recordingLog();
  const value = await phase(log, 'Pull requests', async () => {
    log.info('tearing down #7');
    return phase(log, 'Retire abc1234', async () => {
      log.info('deleted');
      return 42;
    });
  });
  expect(value).toBe(42);
  expect(lines).toEqual(['::group::Pull requests', 'tearing down #7', 'deleted', '::endgroup::']);
});

test('a failing phase closes its group and lets the next one open', async () => {
  const { log, lines } = recordingLog();
  await expect(phase(log, 'Deploy abc1234', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  await phase(log, 'Retire def5678', async () => undefined);
  expect(lines).toEqual([
    '::group::Deploy abc1234',
    '::endgroup::',
    '::group::Retire def5678',
    '::endgroup::',
  ]);
});

test('a log without groups prints flat', async () => {
  const lines: string[] = [];
  const flat: Log = { info: (m) => lines.push(m), warning: () => undefined, error: () => undefined };
  expect(await phase(flat, 'Claim', async () => 'ok')).toBe('ok');
  expect(lines).toEqual([]);
});
