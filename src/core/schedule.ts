// The sleep schedule of the cleanup action (issue 17): when running environments are put to sleep (desiredCount 0)
// to cost nothing. Pure: a schedule text in, windows out; a time and the windows in, whether a window has just
// begun. The clock is passed in and the time zone's rules come from the runtime's ICU data (Intl).
//
// Grammar: windows separated by `;`, each `<days> [<HH:MM>-<HH:MM>]`, then once, at the end, `in <IANA time zone>`
// (default UTC). Days: `daily`, a day (`Mon`), a range (`Mon-Fri`, `Fri-Mon` wraps) or a comma list (`Sat,Sun`).
// Without times a window is the whole day. A window whose end is not after its start runs past midnight into the
// next day: `Mon-Fri 20:00-08:00` is each weeknight, Friday's ending Saturday at 08:00.
//   e.g. `Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam`

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface SleepWindow {
  /** 0 = Monday … 6 = Sunday: the days the window starts on. */
  days: number[];
  /** Minutes after local midnight. */
  start: number;
  /** Minutes after the start's midnight; over 1440 when it runs into the next day. */
  end: number;
}

export interface SleepSchedule {
  windows: SleepWindow[];
  timeZone: string;
  /** The text it was read from, for messages. */
  text: string;
}

export const SCHEDULE_FORM =
  '`<days> [HH:MM-HH:MM]` windows separated by `;`, then optionally `in <IANA time zone>`, e.g. `Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam`';

/**
 * How long after a window begins the sweep still puts environments to sleep. Later in the window an environment
 * that runs was woken on purpose, and stays awake until the next window: an hourly sweep (the example workflow's)
 * acts once per window, with room for GitHub's delays of scheduled runs.
 */
export const SLEEP_GRACE_MINUTES = 60;

function parseTime(text: string): number | undefined {
  const match = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function parseDays(text: string): number[] | undefined {
  const lower = text.toLowerCase();
  if (lower === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of lower.split(',')) {
    const range = /^([a-z]{3})(?:-([a-z]{3}))?$/.exec(part);
    if (!range) return undefined;
    const from = DAYS.indexOf(range[1] as (typeof DAYS)[number]);
    const to = DAYS.indexOf((range[2] ?? range[1]) as (typeof DAYS)[number]);
    if (from < 0 || to < 0) return undefined;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The schedule, or what is wrong with it in words (naming the part and the accepted form). */
export function parseSleepSchedule(text: string): SleepSchedule | string {
  const trimmed = text.trim();
  const zoneMatch = /\s+in\s+(\S+)$/i.exec(trimmed);
  const timeZone = zoneMatch?.[1] ?? 'UTC';
  if (!isTimeZone(timeZone)) return `"${timeZone}" is not an IANA time zone (e.g. Europe/Amsterdam, UTC)`;
  const body = zoneMatch ? trimmed.slice(0, zoneMatch.index) : trimmed;
  const windows: SleepWindow[] = [];
  for (const part of body.split(';').map((p) => p.trim())) {
    if (part === '') return 'a window is empty (two `;` in a row, or one at the end)';
    const [daysText = '', timesText, ...rest] = part.split(/\s+/);
    if (rest.length > 0) return `"${part}" has more than days and one time range`;
    const days = parseDays(daysText);
    if (days === undefined) return `"${daysText}" is not days: daily, Mon, Mon-Fri or Sat,Sun`;
    if (timesText === undefined) {
      windows.push({ days, start: 0, end: 24 * 60 });
      continue;
    }
    const [startText = '', endText = '', extra] = timesText.split('-');
    const start = parseTime(startText);
    const end = parseTime(endText);
    if (start === undefined || end === undefined || extra !== undefined || start === 24 * 60) {
      return `"${timesText}" is not a time range HH:MM-HH:MM (24-hour, e.g. 20:00-08:00)`;
    }
    windows.push({ days, start, end: end > start ? end : end + 24 * 60 });
  }
  return { windows, timeZone, text: trimmed };
}

/** Day of the week (0 = Monday) and minutes after midnight of `now` in the zone. */
function localTime(now: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = DAYS.indexOf(get('weekday').toLowerCase() as (typeof DAYS)[number]);
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * How many minutes ago the sleep window `now` is in began, or undefined outside every window. A window that began
 * yesterday evening and runs into this morning counts.
 */
export function minutesIntoWindow(schedule: SleepSchedule, now: Date): number | undefined {
  const { day, minutes } = localTime(now, schedule.timeZone);
  let best: number | undefined;
  for (const window of schedule.windows) {
    // Today's window, and yesterday's that may run past midnight.
    for (const [startDay, offset] of [
      [day, minutes],
      [(day + 6) % 7, minutes + 24 * 60],
    ] as const) {
      if (!window.days.includes(startDay)) continue;
      if (offset >= window.start && offset < window.end) {
        const into = offset - window.start;
        best = best === undefined ? into : Math.min(best, into);
      }
    }
  }
  return best;
}

/** Whether the sweep at `now` puts running environments to sleep: a window began less than the grace ago. */
export function sleepIsDue(schedule: SleepSchedule | undefined, now: Date): boolean {
  if (schedule === undefined) return false;
  const into = minutesIntoWindow(schedule, now);
  return into !== undefined && into < SLEEP_GRACE_MINUTES;
}
