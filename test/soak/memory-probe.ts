export interface MemorySample {
  at: number;
  rssMb: number;
  heapUsedMb: number;
}

const MB = 1024 * 1024;

/**
 * This process's memory after a full collection when node runs with --expose-gc (the soak project
 * does), so heap figures show what is retained, not what happens to await collection.
 */
export function sampleMemory(): MemorySample {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { at: Date.now(), rssMb: round(rss / MB), heapUsedMb: round(heapUsed / MB) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
