// The lock primitive (a repository label whose description holds the lease) against the emulator, races included.
import { fenceName, formatLease } from '../../src/core/locks.js';
import type { World } from './world.js';
import { FULL, startWorld } from './world.js';

const CREATE_LABEL = 'POST /repos/{owner}/{repo}/labels';
const GET_LABEL = 'GET /repos/{owner}/{repo}/labels/{name}';
const UPDATE_LABEL = 'PATCH /repos/{owner}/{repo}/labels/{name}';
const DELETE_LABEL = 'DELETE /repos/{owner}/{repo}/labels/{name}';

const LOCK = '🎪 🔐 pr-12';
const NOW = new Date('2024-06-01T12:00:00.000Z');
const LATER = new Date('2024-06-01T12:30:00.000Z');
const EXPIRED = new Date('2024-06-01T11:59:59.000Z');

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.stop());

const description = (name = LOCK) => world.emulator.store.findLabel(FULL, name)?.description;
const seedLock = (holder: string, expiresAt: Date) =>
  world.emulator.store.createLabel(FULL, { name: LOCK, description: formatLease({ holder, expiresAt }) });

describe('acquireLock', () => {
  test('a free lock: one POST creates the label carrying holder|expiry', async () => {
    expect(await world.adapter().acquireLock(LOCK, 'run-1', LATER, NOW)).toEqual({
      acquired: true,
      holder: 'run-1',
      expiresAt: LATER,
    });
    expect(description()).toBe('run-1|2024-06-01T12:30:00.000Z');
    expect(world.requests()).toEqual({ [CREATE_LABEL]: 1 });
  });

  test('held by another run with a valid lease: not acquired, the holder is reported (2 requests)', async () => {
    seedLock('run-1', LATER);
    expect(await world.adapter().acquireLock(LOCK, 'run-2', LATER, NOW)).toEqual({
      acquired: false,
      holder: 'run-1',
      expiresAt: LATER,
    });
    expect(description()).toBe('run-1|2024-06-01T12:30:00.000Z');
    expect(world.requests()).toEqual({ [CREATE_LABEL]: 1, [GET_LABEL]: 1 });
  });

  test('held by us: acquired again with the new expiry (3 requests)', async () => {
    seedLock('run-1', LATER);
    const further = new Date('2024-06-01T13:00:00.000Z');
    expect(await world.adapter().acquireLock(LOCK, 'run-1', further, NOW)).toEqual({
      acquired: true,
      holder: 'run-1',
      expiresAt: further,
    });
    expect(description()).toBe('run-1|2024-06-01T13:00:00.000Z');
    expect(world.requests()).toEqual({ [CREATE_LABEL]: 1, [GET_LABEL]: 1, [UPDATE_LABEL]: 1 });
  });

  test.each([
    ['an expired lease', formatLease({ holder: 'run-1', expiresAt: EXPIRED })],
    ['a lease that expires exactly now', formatLease({ holder: 'run-1', expiresAt: NOW })],
    ['a description that is not a lease', 'locked by hand'],
  ])('%s is taken over behind a fence (4 requests)', async (_case, seen) => {
    world.emulator.store.createLabel(FULL, { name: LOCK, description: seen });
    expect(await world.adapter().acquireLock(LOCK, 'run-2', LATER, NOW)).toEqual({
      acquired: true,
      holder: 'run-2',
      expiresAt: LATER,
    });
    expect(description()).toBe('run-2|2024-06-01T12:30:00.000Z');
    expect(world.emulator.store.findLabel(FULL, fenceName(LOCK, seen))).toBeDefined();
    expect(world.requests()).toEqual({ [CREATE_LABEL]: 2, [GET_LABEL]: 1, [UPDATE_LABEL]: 1 });
  });

  test('of 20 concurrent claimers of a free lock exactly one acquires; the others see the winner', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => world.adapter().acquireLock(LOCK, `run-${i}`, LATER, NOW)),
    );
    const winners = results.filter((r) => r.acquired);
    expect(winners).toHaveLength(1);
    expect(description()).toBe(formatLease({ holder: winners[0]!.holder!, expiresAt: LATER }));
    for (const loser of results.filter((r) => !r.acquired)) expect(loser.holder).toBe(winners[0]!.holder);
  });

  test('of 20 concurrent claimers of an expired lock exactly one takes it over', async () => {
    seedLock('run-dead', EXPIRED);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => world.adapter().acquireLock(LOCK, `run-${i}`, LATER, NOW)),
    );
    const winners = results.filter((r) => r.acquired);
    expect(winners).toHaveLength(1);
    expect(description()).toBe(formatLease({ holder: winners[0]!.holder!, expiresAt: LATER }));
  });

  test('a racer that read the expired lease before another run took it over cannot steal the lock', async () => {
    seedLock('run-dead', EXPIRED);
    const seen = formatLease({ holder: 'run-dead', expiresAt: EXPIRED });
    const winner = formatLease({ holder: 'run-fast', expiresAt: LATER });
    // Between our GET (which sees the expired lease) and our next write, another run completes its takeover.
    world.emulator.faults.beforeNext({ method: 'GET', route: '/repos/{owner}/{repo}/labels/{name}' }, () => {
      world.emulator.faults.beforeNext({ method: 'POST', route: '/repos/{owner}/{repo}/labels' }, (store) => {
        store.createLabel(FULL, { name: fenceName(LOCK, seen), description: 'fence' });
        store.updateLabel(FULL, LOCK, { description: winner });
      });
    });
    expect(await world.adapter().acquireLock(LOCK, 'run-slow', LATER, NOW)).toEqual({
      acquired: false,
      holder: 'run-fast',
      expiresAt: LATER,
    });
    expect(description()).toBe(winner);
  });

  test('a lock released while we were taking it over is created afresh', async () => {
    seedLock('run-dead', EXPIRED);
    world.emulator.faults.beforeNext(
      { method: 'PATCH', route: '/repos/{owner}/{repo}/labels/{name}' },
      (store) => {
        store.deleteLabel(FULL, LOCK);
      },
    );
    expect(await world.adapter().acquireLock(LOCK, 'run-2', LATER, NOW)).toMatchObject({ acquired: true });
    expect(description()).toBe(formatLease({ holder: 'run-2', expiresAt: LATER }));
  });

  test('a lock released between our create and our read is created afresh', async () => {
    seedLock('run-1', LATER);
    world.emulator.faults.beforeNext(
      { method: 'GET', route: '/repos/{owner}/{repo}/labels/{name}' },
      (store) => {
        store.deleteLabel(FULL, LOCK);
      },
    );
    expect(await world.adapter().acquireLock(LOCK, 'run-2', LATER, NOW)).toMatchObject({ acquired: true });
    expect(world.requests()).toEqual({ [CREATE_LABEL]: 2, [GET_LABEL]: 1 });
  });

  test.each([
    ['', LATER, /Invalid label name/],
    [LOCK, new Date(Number.NaN), /valid date/],
  ])('refuses lock %j / %s before any request', async (name, expiresAt, message) => {
    await expect(world.adapter().acquireLock(name, 'run-1', expiresAt, NOW)).rejects.toThrow(message);
    expect(world.requests()).toEqual({});
  });
});

describe('renewLock and releaseLock', () => {
  test.each([
    ['our valid lease', 'run-1', LATER, true],
    ['someone else’s lease', 'run-9', LATER, false],
    ['our expired lease', 'run-1', EXPIRED, false],
  ])('renewing %s → %s', async (_case, holder, expiresAt, renewed) => {
    seedLock(holder, expiresAt);
    const further = new Date('2024-06-01T13:00:00.000Z');
    expect(await world.adapter().renewLock(LOCK, 'run-1', further, NOW)).toBe(renewed);
    expect(description()).toBe(formatLease({ holder, expiresAt: renewed ? further : expiresAt }));
    expect(world.requests()).toEqual(renewed ? { [GET_LABEL]: 1, [UPDATE_LABEL]: 1 } : { [GET_LABEL]: 1 });
  });

  test('renewing a lock that is gone → false', async () => {
    expect(await world.adapter().renewLock(LOCK, 'run-1', LATER, NOW)).toBe(false);
  });

  test('release: true when we held it (2 requests), false when someone else holds it or it is gone', async () => {
    seedLock('run-1', LATER);
    expect(await world.adapter().releaseLock(LOCK, 'run-2')).toBe(false);
    expect(description()).toBeDefined();
    world.emulator.resetCounts();
    expect(await world.adapter().releaseLock(LOCK, 'run-1')).toBe(true);
    expect(description()).toBeUndefined();
    expect(world.requests()).toEqual({ [GET_LABEL]: 1, [DELETE_LABEL]: 1 });
    expect(await world.adapter().releaseLock(LOCK, 'run-1')).toBe(false);
  });

  test.each([
    ['well before its expiry', new Date(Date.now() + 30 * 60_000), { [DELETE_LABEL]: 1 }, undefined],
    // Too close to the expiry (or past it): someone may be taking it over, so it is read first, and kept.
    ['within the margin of its expiry', new Date(Date.now() + 60_000), { [GET_LABEL]: 1 }, 'run-9'],
  ])('release with the lease this holder was granted, %s', async (_case, heldUntil, requests, holderNow) => {
    seedLock(holderNow ?? 'run-1', heldUntil);
    expect(await world.adapter().releaseLock(LOCK, 'run-1', heldUntil)).toBe(holderNow === undefined);
    expect(world.requests()).toEqual(requests);
    expect(description() === undefined).toBe(holderNow === undefined);
  });

  test('releasing a lock we took over also removes its fence', async () => {
    seedLock('run-dead', EXPIRED);
    const github = world.adapter();
    await github.acquireLock(LOCK, 'run-2', LATER, NOW);
    const fence = fenceName(LOCK, formatLease({ holder: 'run-dead', expiresAt: EXPIRED }));
    expect(world.emulator.store.findLabel(FULL, fence)).toBeDefined();
    world.emulator.resetCounts();
    expect(await github.releaseLock(LOCK, 'run-2')).toBe(true);
    expect(world.emulator.store.findLabel(FULL, fence)).toBeUndefined();
    expect(world.emulator.store.findLabel(FULL, LOCK)).toBeUndefined();
    expect(world.requests()).toEqual({ [GET_LABEL]: 1, [DELETE_LABEL]: 2 });
  });
});
