import type { MonitorEvent, ProviderId } from '../api';
import { monitorEvent } from '../store/monitor-event';

const PROVIDERS: readonly ProviderId[] = ['dialpad', 'voipbin', 'opentact', 'websocket', 'file'];

/** Why a value is not a MonitorEvent, or null when it is one. */
export function monitorEventProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const event = value as Record<string, unknown>;
  const isInteger = (key: string) => Number.isSafeInteger(event[key]);
  const isString = (key: string) => typeof event[key] === 'string';
  const isTime = (key: string) => typeof event[key] === 'number' && Number.isFinite(event[key]);
  const checks: [boolean, string][] = [
    [isInteger('seq') && (event.seq as number) > 0, 'seq must be a positive integer'],
    [isString('connectionId'), 'connectionId must be a string'],
    [PROVIDERS.includes(event.provider as ProviderId), `provider must be one of ${PROVIDERS.join(', ')}`],
    [isTime('receivedAt'), 'receivedAt must be a number'],
    [event.occurredAt === null || isTime('occurredAt'), 'occurredAt must be a number or null'],
    [isString('topic'), 'topic must be a string'],
    [isString('type'), 'type must be a string'],
    [event.callId === null || isString('callId'), 'callId must be a string or null'],
    [isString('summary'), 'summary must be a string'],
    [isString('raw'), 'raw must be a string'],
    [event.rawEncoding === 'text' || event.rawEncoding === 'base64', 'rawEncoding must be text or base64'],
    ['payload' in event, 'payload is missing'],
    [event.verified === null || typeof event.verified === 'boolean', 'verified must be true, false or null'],
  ];
  return checks.find(([ok]) => !ok)?.[1] ?? null;
}

/** Only the fields of a MonitorEvent, so extra keys in a file do not travel further. */
export function toMonitorEvent(value: Record<string, unknown>): MonitorEvent {
  const event = value as unknown as MonitorEvent;
  return monitorEvent(event, event.seq);
}
