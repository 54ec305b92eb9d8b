import { readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine';
import type { PipelineResult } from './pipeline-receive';
import type { MemorySample, Throughput } from './throughput';

export interface BenchReport {
  date: string;
  machine: Machine;
  loadAverage: string;
  frameBytes: number;
  raw: Throughput;
  pipeline: PipelineResult;
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
}

export const TARGET_EVENTS_PER_SECOND = 50_000;
export const TARGET_RATIO = 0.25;

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const n = (value: number): string => value.toLocaleString('en-US');

export function ratio(report: BenchReport): number {
  return report.raw.perSecond > 0 ? report.pipeline.pushed.perSecond / report.raw.perSecond : 0;
}

export function meetsTargets(report: BenchReport): boolean {
  return report.pipeline.pushed.perSecond >= TARGET_EVENTS_PER_SECOND && ratio(report) >= TARGET_RATIO;
}

export function renderResults(report: BenchReport): string {
  const { machine, raw, pipeline, memoryBefore, memoryAfter } = report;
  return [
    `Run of ${report.date} — ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.platform}.`,
    `Load average at the start: ${report.loadAverage} (the rates need an otherwise idle machine; CPU per event does not).`,
    `Frames: ${n(pipeline.stored.events)} Dialpad call events of ${n(report.frameBytes)} bytes.`,
    '',
    '| Measure | Events | Time | Events/s | CPU µs/event |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| raw \`ws\` receive (count only) | ${n(raw.events)} | ${n(Math.round(raw.ms))} ms | ${n(raw.perSecond)} | ${raw.cpuMicrosPerEvent} |`,
    `| pipeline: frame → decode → store | ${n(pipeline.stored.events)} | ${n(Math.round(pipeline.stored.ms))} ms | ${n(pipeline.stored.perSecond)} | |`,
    `| pipeline: … → live push | ${n(pipeline.pushed.events)} | ${n(Math.round(pipeline.pushed.ms))} ms | ${n(pipeline.pushed.perSecond)} | ${pipeline.pushed.cpuMicrosPerEvent} |`,
    '',
    `- Pipeline / raw: **${(ratio(report) * 100).toFixed(1)} %** (target ≥ ${TARGET_RATIO * 100} %); ` +
      `pipeline **${n(pipeline.pushed.perSecond)} events/s** (target ≥ ${n(TARGET_EVENTS_PER_SECOND)}): ` +
      `${meetsTargets(report) ? 'targets met' : 'TARGETS MISSED'}.`,
    `- Live push: ${n(pipeline.delivered)} events delivered in batches, the rest counted as skipped (one acking subscriber, 50 ms batches of at most 1,000).`,
    `- After the run: ${n(pipeline.storedCount)} call events stored, ${n(pipeline.searchableCount)} found by text search (${n(pipeline.searchableAfterMs)} ms for the first search, index catch-up included).`,
    `- Memory (after GC): RSS ${n(memoryBefore.rssMb)} MB → ${n(memoryAfter.rssMb)} MB, heap used ${n(memoryBefore.heapUsedMb)} MB → ${n(memoryAfter.heapUsedMb)} MB.`,
  ].join('\n');
}

/** Replaces the generated section of docs/benchmarks.md, keeping the hand-written text around it. */
export function writeResults(file: string, results: string): void {
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${file} has no ${START} … ${END} section to fill.`);
  writeFileSync(file, `${current.slice(0, start + START.length)}\n${results}\n${current.slice(end)}`);
}
