// The sleep schedule's grammar and its clock, table-driven, with properties for the parser.
import fc from 'fast-check';
import {
  minutesIntoWindow,
  parseSleepSchedule,
  SLEEP_GRACE_MINUTES,
  sleepIsDue,
} from '../../src/core/schedule.js';
import type { SleepSchedule } from '../../src/core/schedule.js';

const parsed = (text: string): SleepSchedule => {
  const schedule = parseSleepSchedule(text);
  if (typeof schedule === 'string') throw new Error(schedule);
  return schedule;
};

describe('parseSleepSchedule', () => {
  test.each<[string, Omit<SleepSchedule, 'text'>]>([
    ['daily', { windows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: 0, end: 1440 }], timeZone: 'UTC' }],
    ['Sat,Sun', { windows: [{ days: [5, 6], start: 0, end: 1440 }], timeZone: 'UTC' }],
    [
      'Mon-Fri 20:00-08:00 in Europe/Amsterdam',
      { windows: [{ days: [0, 1, 2, 3, 4], start: 1200, end: 1920 }], timeZone: 'Europe/Amsterdam' },
    ],
    ['fri-mon 22:00-23:30', { windows: [{ days: [0, 4, 5, 6], start: 1320, end: 1410 }], timeZone: 'UTC' }],
    [
      'Mon-Fri 20:00-24:00; Sat,Sun in America/New_York',
      {
        windows: [
          { days: [0, 1, 2, 3, 4], start: 1200, end: 1440 },
          { days: [5, 6], start: 0, end: 1440 },
        ],
        timeZone: 'America/New_York',
      },
    ],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual({ ...expected, text });
  });

  test.each([
    ['Mon-Fri 20:00-08:00 in Mars/Olympus', '"Mars/Olympus" is not an IANA time zone'],
    ['Weekdays 20:00-08:00', '"Weekdays" is not days'],
    ['Mon 8pm-8am', '"8pm-8am" is not a time range HH:MM-HH:MM'],
    ['Mon 25:00-08:00', 'is not a time range'],
    ['Mon 24:00-08:00', 'is not a time range'],
    ['Mon 20:00-08:00 extra', 'has more than days and one time range'],
    ['Mon;;Tue', 'a window is empty'],
    ['Mon;', 'a window is empty'],
  ])('%s is refused: %s', (text, message) => {
    expect(parseSleepSchedule(text)).toContain(message);
  });

  test('any text: a schedule or a message, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = parseSleepSchedule(text);
        if (typeof result === 'string') expect(result.length).toBeGreaterThan(0);
        else
          for (const w of result.windows) {
            expect(w.end).toBeGreaterThan(w.start);
            expect(w.end - w.start).toBeLessThanOrEqual(1440);
          }
      }),
    );
  });
});

describe('minutesIntoWindow and sleepIsDue', () => {
  // 2025-06-02 is a Monday; Amsterdam is UTC+2 in June.
  test.each<[string, string, number | undefined]>([
    ['Mon-Fri 20:00-08:00', '2025-06-02T20:00:00Z', 0],
    ['Mon-Fri 20:00-08:00', '2025-06-02T19:59:00Z', undefined],
    ['Mon-Fri 20:00-08:00', '2025-06-03T07:59:00Z', 719],
    ['Mon-Fri 20:00-08:00', '2025-06-03T08:00:00Z', undefined],
    // Friday night runs into Saturday morning; Saturday night is no window.
    ['Mon-Fri 20:00-08:00', '2025-06-07T07:00:00Z', 660],
    ['Mon-Fri 20:00-08:00', '2025-06-07T20:30:00Z', undefined],
    ['Sat,Sun', '2025-06-07T00:30:00Z', 30],
    ['Mon-Fri 20:00-08:00 in Europe/Amsterdam', '2025-06-02T18:00:00Z', 0],
    ['Mon-Fri 20:00-08:00 in Europe/Amsterdam', '2025-06-02T20:00:00Z', 120],
  ])('%s at %s: %s minutes in', (text, at, expected) => {
    expect(minutesIntoWindow(parsed(text), new Date(at))).toBe(expected);
  });

  test.each<[string, boolean]>([
    ['2025-06-02T20:00:00Z', true],
    ['2025-06-02T20:59:00Z', true],
    ['2025-06-02T21:00:00Z', false],
    ['2025-06-02T19:00:00Z', false],
  ])(`within ${SLEEP_GRACE_MINUTES} minutes of the start, at %s: %s`, (at, due) => {
    expect(sleepIsDue(parsed('Mon-Fri 20:00-08:00'), new Date(at))).toBe(due);
  });

  test('no schedule: never due', () => {
    expect(sleepIsDue(undefined, new Date())).toBe(false);
  });
});
