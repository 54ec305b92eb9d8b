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

/** µs of CPU per event on the main thread and on the others between two samples (threads that ended between them are not counted). */
export function cpuPerEvent(before: ThreadCpu | null, after: ThreadCpu | null, events: number): ThreadCpu | null {
  if (before === null || after === null || events === 0) return null;
  return {
    mainMs: Math.round(((after.mainMs - before.mainMs) * 10_000) / events) / 10,
    otherMs: Math.round(((after.otherMs - before.otherMs) * 10_000) / events) / 10,
  };
}
