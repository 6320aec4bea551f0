// A GitHub emulator with one repository, and adapters that talk to it over HTTP with fast retry settings.
import type { Emulator } from '../../test-support/github-emulator/index.js';
import { startEmulator } from '../../test-support/github-emulator/index.js';
import type { SeedRepository } from '../../test-support/github-emulator/seed.js';
import type { AdapterOptions } from '../../src/github/adapter.js';
import { OctokitGitHub } from '../../src/github/adapter.js';

export const OWNER = 'apache';
export const NAME = 'superset';
export const FULL = `${OWNER}/${NAME}`;
export const REPO = { owner: OWNER, repo: NAME };

export interface World {
  emulator: Emulator;
  /** A new adapter (a separate Octokit, as a separate workflow run would have). */
  adapter(overrides?: Partial<AdapterOptions>): OctokitGitHub;
  /** Requests the emulator counted since the last reset, without the zero entries. */
  requests(): Record<string, number>;
  stop(): Promise<void>;
}

export async function startWorld(repository: Partial<SeedRepository> = {}): Promise<World> {
  const emulator = await startEmulator({
    seed: {
      repositories: [{ owner: OWNER, name: NAME, ...repository }],
      // The search quota is 30 a minute on GitHub; these tests make more, and quota handling is tested on its own.
      rateLimits: { core: 100_000, search: 100_000 },
    },
  });
  return {
    emulator,
    adapter: (overrides = {}) =>
      new OctokitGitHub({
        token: emulator.token,
        baseUrl: emulator.url,
        repo: REPO,
        pacing: false,
        delayUnitMs: 1,
        ...overrides,
      }),
    requests: () => Object.fromEntries(Object.entries(emulator.counts()).filter(([, n]) => n > 0)),
    stop: async () => {
      await emulator.stop();
    },
  };
}

export const sha = (n: number): string => n.toString(16).padStart(40, 'a');
