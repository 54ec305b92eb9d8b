import { readdirSync, readFileSync } from 'node:fs';

/** CPU time of this process so far, split between the main thread and all the others (writer, checkpointer, V8's GC helpers, libuv). */
export interface ThreadCpu {
  mainMs: number;
  otherMs: number;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Per-thread figures come from /proc: null elsewhere than Linux, or if it cannot be read. */
export function sampleThreadCpu(): ThreadCpu | null {
  try {
    const sample = { mainMs: 0, otherMs: 0 };
    for (const thread of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
      // Fields after the parenthesized name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      if (Number(thread) === process.pid) sample.mainMs += ms;
      else sample.otherMs += ms;
    }
    return sample;
  } catch {
    return null;
  }
}

/** CPU per event, in µs to one decimal, on the main thread and on all the others. */
export interface ThreadCpuPerEvent {
  mainMicros: number;
  otherMicros: number;
}

/** Between two samples; threads that ended between them are not counted. */
export function cpuPerEvent(before: ThreadCpu | null, after: ThreadCpu | null, events: number): ThreadCpuPerEvent | null {
  if (before === null || after === null || events === 0) return null;
  const micros = (ms: number): number => Math.round((ms * 10_000) / events) / 10;
  return { mainMicros: micros(after.mainMs - before.mainMs), otherMicros: micros(after.otherMs - before.otherMs) };
}
