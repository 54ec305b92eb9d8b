import { readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine';
import type { PipelineResult } from './pipeline-receive';
import type { MemorySample, Throughput } from './throughput';

/** One measured run: raw ws receive, then the pipeline, against the same frames. */
export interface BenchRun {
  raw: Throughput;
  pipeline: PipelineResult;
}

export interface BenchReport {
  date: string;
  machine: Machine;
  loadAverage: string;
  frameBytes: number;
  runs: BenchRun[];
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
}

export const TARGET_EVENTS_PER_SECOND = 50_000;
export const TARGET_RATIO = 0.25;

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const n = (value: number): string => value.toLocaleString('en-US');
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function ratio(run: BenchRun): number {
  return run.raw.perSecond > 0 ? run.pipeline.pushed.perSecond / run.raw.perSecond : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianRate(report: BenchReport): number {
  return Math.round(median(report.runs.map((run) => run.pipeline.pushed.perSecond)));
}

function medianRatio(report: BenchReport): number {
  return median(report.runs.map(ratio));
}

export function meetsTargets(report: BenchReport): boolean {
  return medianRate(report) >= TARGET_EVENTS_PER_SECOND && medianRatio(report) >= TARGET_RATIO;
}

function runRow(run: BenchRun, index: number): string {
  const { raw, pipeline } = run;
  const threads = pipeline.threadMicrosPerEvent;
  return (
    `| ${index + 1} | ${n(raw.perSecond)} | ${n(pipeline.stored.perSecond)} | ${n(pipeline.pushed.perSecond)} | ` +
    `${percent(ratio(run))} | ${pipeline.pushed.cpuMicrosPerEvent} | ` +
    `${threads === null ? '—' : `${threads.mainMicros} / ${threads.otherMicros}`} | ${n(pipeline.meanAgeAtPushMs)} ms |`
  );
}

export function renderResults(report: BenchReport): string {
  const { machine, runs, memoryBefore, memoryAfter } = report;
  const last = runs.at(-1)!.pipeline;
  return [
    `Run of ${report.date} — ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.platform}.`,
    `Load average at the start: ${report.loadAverage} (the rates need an otherwise idle machine; CPU per event does not).`,
    `Frames: ${n(last.stored.events)} Dialpad call events of ${n(report.frameBytes)} bytes per run, ${runs.length} runs.`,
    '',
    '| Run | Raw `ws` receive, events/s | Pipeline → store, events/s | Pipeline → live push, events/s | Pipeline / raw | CPU µs/event (process) | of which main thread / other threads | Mean age at push |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(runRow),
    '',
    `- Median of the runs: pipeline **${n(medianRate(report))} events/s** (target ≥ ${n(TARGET_EVENTS_PER_SECOND)}), ` +
      `**${percent(medianRatio(report))}** of raw (target ≥ ${percent(TARGET_RATIO)}): ` +
      `${meetsTargets(report) ? 'targets met' : 'TARGETS MISSED'}.`,
    `- Live push: ${n(last.delivered)} of ${n(last.pushed.events)} events delivered in batches in the last run, the rest counted as skipped (one acking subscriber, 50 ms batches of at most 1,000).`,
    `- After the last run: ${n(last.storedCount)} call events stored, ${n(last.searchableCount)} found by text search (${n(last.searchableAfterMs)} ms for the first search, index catch-up included).`,
    `- Memory (after GC), before the first run → after the last: RSS ${n(memoryBefore.rssMb)} MB → ${n(memoryAfter.rssMb)} MB, heap used ${n(memoryBefore.heapUsedMb)} MB → ${n(memoryAfter.heapUsedMb)} MB.`,
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
