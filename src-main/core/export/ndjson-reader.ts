import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MonitorEvent } from '../api';
import { monitorEventProblem, toMonitorEvent } from './event-shape';

export interface NdjsonLineError {
  /** 1-based, as an editor shows it. */
  line: number;
  message: string;
}

export class NdjsonImportError extends Error {
  constructor(readonly detail: NdjsonLineError) {
    super(`line ${detail.line}: ${detail.message}`);
    this.name = 'NdjsonImportError';
  }
}

/**
 * Reads an NDJSON export back as MonitorEvents, one line at a time. Blank lines are skipped. A line
 * that is not a valid event goes to `onError` and reading continues; without `onError` it stops
 * the read with an NdjsonImportError, so a bad line is never dropped silently.
 */
export async function* readNdjsonExport(
  file: string,
  onError?: (error: NdjsonLineError) => void,
): AsyncGenerator<MonitorEvent, void, undefined> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      let value: unknown;
      let problem: string | null;
      try {
        value = JSON.parse(line);
        problem = monitorEventProblem(value);
      } catch (error) {
        problem = `not valid JSON (${(error as Error).message})`;
      }
      if (problem === null) {
        yield toMonitorEvent(value as Record<string, unknown>);
        continue;
      }
      const detail = { line: lineNumber, message: problem };
      if (!onError) throw new NdjsonImportError(detail);
      onError(detail);
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
