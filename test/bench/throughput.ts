export interface Rate {
  events: number;
  ms: number;
  perSecond: number;
}

export function rate(events: number, ms: number): Rate {
  return { events, ms, perSecond: ms > 0 ? Math.round((events * 1000) / ms) : 0 };
}

export interface Throughput extends Rate {
  /** CPU time of this process per event: unlike the rate, barely moved by other load on the machine. */
  cpuMicrosPerEvent: number;
}

/** Starts a measurement; the returned function ends it. */
export function startThroughput(): (events: number, ms: number) => Throughput {
  const cpuAtStart = process.cpuUsage();
  return (events, ms) => {
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      ...rate(events, ms),
      cpuMicrosPerEvent: events > 0 ? Math.round((cpu.user + cpu.system) / events) : 0,
    };
  };
}

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

const MB = 1024 * 1024;

/** After a full GC when node runs with --expose-gc, so the heap figure is what is really kept. */
export function sampleMemory(): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: Math.round(usage.rss / MB), heapUsedMb: Math.round(usage.heapUsed / MB) };
}
