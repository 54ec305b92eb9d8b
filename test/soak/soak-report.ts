import { cpus, totalmem } from 'node:os';
import type { SimProvider } from '../../src-main/core/simulator';
import type { FaultRun } from './fault-plan';
import type { MemorySample } from './memory-probe';
import { percentile } from './percentiles';
import type { SoakSettings } from './soak-settings';
import type { ProviderTally } from './store-tally';

export interface ProviderLine {
  provider: SimProvider;
  framesSent: number;
  framesDropped: number;
  /** Events the simulator sent while a socket was live: frames, less VoIPBin's second copies. */
  eventsSent: number;
  tally: ProviderTally;
  reconnects: number;
  malformedSent: number;
}

export interface SoakResult {
  settings: SoakSettings;
  startedAt: Date;
  faultSeconds: number;
  providers: ProviderLine[];
  faults: FaultRun[];
  memoryStart: MemorySample;
  memoryEnd: MemorySample;
  memoryPeak: MemorySample;
  seqContiguous: boolean;
}

export function soakReportMarkdown(result: SoakResult): string {
  const lines = [
    `Soak run ${result.startedAt.toISOString()} — ${machine()}`,
    `Settings: SOAK_SECONDS=${result.settings.seconds}, rate ${result.settings.rate} events/s, fault gap ${result.settings.faultGapMs / 1000} s; faults ran for ${result.faultSeconds.toFixed(0)} s.`,
    '',
    '| Provider | frames sent while live | events sent | provider events stored | distinct frames stored | reconnects | malformed sent / stored | sim frames dropped |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.providers.map(
      (line) =>
        `| ${line.provider} | ${line.framesSent} | ${line.eventsSent} | ${line.tally.events} | ${line.tally.distinctFrames} | ${line.reconnects} | ` +
        `${line.malformedSent} / ${line.tally.system['system.malformed'] ?? 0} | ${line.framesDropped} |`,
    ),
    '',
    '| Fault | times | recovered | p50 to live | p95 to live | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...faultRows(result.faults),
    '',
    'Each fault, seconds from injection to `live` per provider (– = stayed live):',
    '',
    ...result.faults.map(
      (run) =>
        `- ${new Date(run.startedAt).toISOString().slice(11, 19)} ${run.fault}: ` +
        run.outcomes.map((outcome) => `${outcome.provider} ${outcome.recoveryMs === null ? (outcome.stayedLive ? '–' : 'NOT RECOVERED') : seconds(outcome.recoveryMs)}`).join(', '),
    ),
    '',
    `Memory (core process, after a full GC): start RSS ${result.memoryStart.rssMb} MB, heap ${result.memoryStart.heapUsedMb} MB; ` +
      `end RSS ${result.memoryEnd.rssMb} MB, heap ${result.memoryEnd.heapUsedMb} MB; peak RSS ${result.memoryPeak.rssMb} MB.`,
    `Store seq contiguous (1..count, no gap, no repeat): ${result.seqContiguous ? 'yes' : 'NO'}.`,
  ];
  return `${lines.join('\n')}\n`;
}

function faultRows(runs: readonly FaultRun[]): string[] {
  const names = [...new Set(runs.map((run) => run.fault))];
  return names.map((name) => {
    const outcomes = runs.filter((run) => run.fault === name).flatMap((run) => run.outcomes);
    const times = runs.filter((run) => run.fault === name).length;
    const recoveries = outcomes.map((outcome) => outcome.recoveryMs).filter((ms): ms is number => ms !== null);
    if (recoveries.length === 0) {
      const stayed = outcomes.filter((outcome) => outcome.stayedLive).length;
      return `| ${name} | ${times} | stayed live ${stayed}/${outcomes.length} | – | – | – |`;
    }
    return `| ${name} | ${times} | ${recoveries.length}/${outcomes.length} | ${seconds(percentile(recoveries, 50))} | ${seconds(percentile(recoveries, 95))} | ${seconds(Math.max(...recoveries))} |`;
  });
}

function seconds(ms: number | null): string {
  return ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, ${process.platform} ${process.arch}, node ${process.version}`;
}
