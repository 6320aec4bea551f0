// Where the wall time of one entrypoint run goes, from timestamped events (GitHub requests, AWS requests, docker
// calls). Pure: the same events always give the same breakdown.

export interface Interval {
  kind: 'github' | 'aws' | 'docker';
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
}

export interface Breakdown {
  /** Spawn to exit. */
  wallMs: number;
  /** Spawn to the first request or docker call: node start, bundle load, settings, event. */
  startupMs: number;
  /** Time with a GitHub request in flight. */
  githubMs: number;
  /**
   * AWS calls and the waits between them: each uninterrupted run of AWS requests counts from its first request's
   * start to its last request's end, so the polling sleeps of a wait for a stable service are inside it.
   */
  awsMs: number;
  dockerMs: number;
  /** What is left: the action's own work (deciding, rendering, the health check) and process exit. */
  ownMs: number;
}

/** Total length of the union of intervals (overlapping requests count once). */
export function unionMs(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let openStart: number | undefined;
  let openEnd = 0;
  for (const interval of sorted) {
    if (openStart === undefined || interval.start > openEnd) {
      if (openStart !== undefined) total += openEnd - openStart;
      openStart = interval.start;
      openEnd = interval.end;
    } else {
      openEnd = Math.max(openEnd, interval.end);
    }
  }
  return openStart === undefined ? total : total + openEnd - openStart;
}

/** Consecutive events of one kind, in start order. */
export function runsOf(events: readonly Interval[]): Interval[][] {
  const runs: Interval[][] = [];
  for (const event of [...events].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && last[0]?.kind === event.kind) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

export function breakdown(spawnedAt: number, exitedAt: number, events: readonly Interval[]): Breakdown {
  const inside = events.filter((event) => event.start >= spawnedAt && event.end <= exitedAt);
  const wallMs = exitedAt - spawnedAt;
  const first = Math.min(...inside.map((event) => event.start));
  const startupMs = inside.length === 0 ? wallMs : first - spawnedAt;
  const spent = { github: 0, aws: 0, docker: 0 };
  // Time already counted ends at `cursor`: should events of two kinds overlap, the overlap counts once.
  let cursor = spawnedAt;
  for (const run of runsOf(inside)) {
    const kind = run[0]?.kind ?? 'github';
    const clipped = run
      .map((event) => ({ ...event, start: Math.max(event.start, cursor) }))
      .filter((event) => event.end > event.start);
    if (clipped.length > 0) {
      spent[kind] +=
        kind === 'aws'
          ? Math.max(...clipped.map((e) => e.end)) - Math.min(...clipped.map((e) => e.start))
          : unionMs(clipped);
    }
    cursor = Math.max(cursor, ...run.map((event) => event.end));
  }
  const ownMs = Math.max(0, wallMs - startupMs - spent.github - spent.aws - spent.docker);
  return { wallMs, startupMs, githubMs: spent.github, awsMs: spent.aws, dockerMs: spent.docker, ownMs };
}
