import type { BusinessEvent, CallEvent, SmsEvent } from './business-events';
import { uuidFor } from './roster';

/**
 * Renders business events as Opentact socket frames, in the 2024 shape
 * (`{uuid, created_on, type, message, payload, call}`) or the 2022 one
 * (`{timestamp, success, message, type, payload:{command, call}}`).
 */

export type OpentactShape = '2024' | '2022' | 'mixed';

export interface OpentactAccount {
  accountUuid: string;
  accountName: string;
  sipControlAppUuid: string;
}

export interface OpentactFrame {
  /** The subscription type that must be active for the frame to be delivered. */
  subscriptionTypes: readonly string[];
  frame: Record<string, unknown>;
}

type OpentactCallState = 'init' | 'ringing' | 'live' | 'hangup' | 'destroyed';
const COMMAND_2022: Record<OpentactCallState, string> = { init: 'init', ringing: 'ring', live: 'answer', hangup: 'hangup', destroyed: 'destroy' };

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Opentact knows no queues or holds: only these moments of a call become frames. */
function callStates(event: CallEvent): OpentactCallState[] {
  const { call } = event;
  switch (call.state) {
    case 'calling':
      return ['init'];
    case 'ringing':
      if (call.direction === 'inbound' && call.agent !== null) return [];
      return call.direction === 'inbound' ? ['init', 'ringing'] : ['ringing'];
    case 'connected':
      return call.connectedAt === event.at ? ['live'] : [];
    case 'hangup':
      return ['hangup', 'destroyed'];
    default:
      return [];
  }
}

function durationSec(event: CallEvent): number {
  const { call } = event;
  return call.connectedAt === null ? 0 : Math.round(((call.endedAt ?? event.at) - call.connectedAt) / 1000);
}

function callFrame(event: CallEvent, state: OpentactCallState, shape: '2024' | '2022', account: OpentactAccount): OpentactFrame {
  const { call } = event;
  const inbound = call.direction === 'inbound';
  const from = inbound ? call.externalNumber : call.internalNumber;
  const to = inbound ? call.internalNumber : call.externalNumber;
  if (shape === '2022') {
    return {
      subscriptionTypes: ['call_flow', 'call_state'],
      frame: {
        timestamp: iso(event.at),
        success: true,
        message: `call ${COMMAND_2022[state]}`,
        type: 'call_flow',
        command: COMMAND_2022[state],
        payload: {
          command: { name: COMMAND_2022[state], success: true, reason: state === 'hangup' ? call.outcome ?? 'normal' : '', path: `/calls/${call.uuid}` },
          call: {
            uuid: call.uuid,
            from,
            to,
            direction: inbound ? 'in' : 'out',
            state,
            init_on: iso(call.startedAt),
            ring_on: iso(call.rangAt),
            answer_on: iso(call.connectedAt),
            hangup_on: iso(call.endedAt),
            q850_cause: call.endedAt === null ? null : call.outcome === 'no_answer' ? 19 : 16,
          },
        },
      },
    };
  }
  const duration = durationSec(event);
  return {
    subscriptionTypes: ['call_state', 'call_flow'],
    frame: {
      uuid: uuidFor(`opentact-event:${event.seq}:${state}`),
      created_on: iso(event.at),
      type: 'call_state',
      message: `Call ${call.uuid} is ${state}`,
      payload: { state, duration },
      call: {
        uuid: call.uuid,
        direction: inbound ? 'in' : 'out',
        from,
        to,
        state,
        duration,
        type: 'CallSCA',
        created_on: iso(call.startedAt),
        init_on: iso(call.startedAt),
        tn: { tn: call.internalNumber },
        sip_control_app: { uuid: account.sipControlAppUuid, name: 'Switchboard demo app' },
        account: { uuid: account.accountUuid, name: account.accountName },
      },
      ...(call.masterId === null ? {} : { parent: uuidFor(call.masterId) }),
    },
  };
}

function smsFrame(event: SmsEvent, shape: '2024' | '2022'): OpentactFrame {
  const { sms } = event;
  const message = {
    uuid: sms.uuid,
    from: sms.fromNumber,
    to: sms.toNumber,
    text: sms.text,
    direction: sms.direction === 'inbound' ? 'in' : 'out',
    state: sms.direction === 'inbound' ? 'received' : 'delivered',
    created_on: iso(sms.createdAt),
  };
  const text = sms.direction === 'inbound' ? 'Inbound SMS' : 'Outbound SMS';
  const frame =
    shape === '2022'
      ? { timestamp: iso(event.at), success: true, message: text, type: 'sms', payload: { sms: message } }
      : { uuid: uuidFor(`opentact-event:${event.seq}`), created_on: iso(event.at), type: 'sms', message: text, payload: message };
  return { subscriptionTypes: ['sms'], frame };
}

export function opentactFrames(event: BusinessEvent, shape: OpentactShape, account: OpentactAccount): OpentactFrame[] {
  const concrete = shape === 'mixed' ? (event.seq % 2 === 0 ? '2024' : '2022') : shape;
  switch (event.kind) {
    case 'call':
      return callStates(event).map((state) => callFrame(event, state, concrete, account));
    case 'sms':
      return [smsFrame(event, concrete)];
    case 'agent_status':
      return [];
  }
}
