import type { MonitorEvent } from '../../../src-main/core/api';
import type { NewEvent } from '../../../src-main/core/store/event-store';

function event(overrides: Partial<NewEvent> & { payload: unknown }): NewEvent {
  return {
    connectionId: 'conn-a',
    provider: 'dialpad',
    receivedAt: 1_700_000_000_000,
    occurredAt: null,
    topic: 'call',
    type: 'call.ringing',
    callId: null,
    summary: '',
    raw: JSON.stringify(overrides.payload),
    rawEncoding: 'text',
    verified: null,
    ...overrides,
  };
}

/** A small contact center: calls in several states, an SMS, an agent status and a system entry. */
export const SAMPLE_EVENTS: readonly NewEvent[] = [
  event({
    type: 'call.ringing',
    callId: '1001',
    summary: 'ringing inbound +1 415 555 0101 → Sales queue (Alice Moreno)',
    payload: { call_id: 1001, state: 'ringing', direction: 'inbound', duration: null, target: { name: 'Alice Moreno', type: 'user' }, recording_details: [] },
  }),
  event({
    type: 'call.hangup',
    callId: '1001',
    summary: 'hangup inbound 1m 30s',
    payload: { call_id: 1001, state: 'hangup', direction: 'inbound', duration: 90_000, target: { name: 'Alice Moreno', type: 'user' }, recording_details: [{ id: 'r1' }] },
  }),
  event({
    type: 'call.hangup',
    callId: '1002',
    summary: 'hangup outbound 20s',
    connectionId: 'conn-b',
    payload: { call_id: '6524329623650304123', state: 'hangup', direction: 'outbound', duration: 20_000, target: { name: 'Bob Smith', type: 'user' }, is_transferred: true },
  }),
  event({
    type: 'call.connected',
    callId: '1003',
    summary: 'connected inbound John SMITHSON',
    provider: 'voipbin',
    payload: { call_id: 1003, state: 'connected', direction: 'inbound', duration: 60_000.5, target: { name: 'John Smithson' }, labels: ['vip', 'escalated'] },
  }),
  event({
    topic: 'sms',
    type: 'sms.inbound',
    summary: 'inbound +1 415 555 0102 → +1 415 555 0199 "Where is my order?"',
    provider: 'opentact',
    payload: { direction: 'inbound', text: 'Where is my order?', from_number: '+14155550102', to_number: ['+14155550199'] },
  }),
  event({
    topic: 'agent_status',
    type: 'agent.status',
    summary: 'Carol Diaz available',
    payload: { target: { name: 'Carol Díaz', email: 'carol@example.com' }, on_duty_status: 'available', state: null },
  }),
  event({
    topic: 'system',
    type: 'system.malformed',
    summary: 'malformed frame: not JSON',
    raw: 'not json at all {',
    payload: null,
  }),
  event({
    topic: 'system',
    type: 'system.binary',
    summary: 'binary frame 4 bytes',
    raw: 'c21pdGg=',
    rawEncoding: 'base64',
    payload: null,
  }),
];

/** The samples as the store hands them out (seq from 1, payload round-tripped through JSON). */
export const STORED_SAMPLES: readonly MonitorEvent[] = SAMPLE_EVENTS.map((sample, index) => ({
  ...sample,
  seq: index + 1,
  payload: sample.payload === null ? null : JSON.parse(JSON.stringify(sample.payload)),
}));
