import { describe, expect, it } from 'vitest';
import type { BoardCall } from '../../../src-main/core/api';
import { BoardModel } from '../../../src-main/core/calls/board-model';
import { ProviderEvents, T0 } from './provider-events';

const NIL = '00000000-0000-0000-0000-000000000000';
const CALL = '7b0c8d24-7a8f-11ec-9d2c-2f9d1b6c7a01';
const AGENT = 'a1b2c3d4-0000-4000-8000-000000000001';
const QUEUE = 'q1b2c3d4-0000-4000-8000-00000000000q';

/** VoIPBin time text: "2022-04-11 06:10:54.788000". */
function tm(seconds: number | null): string {
  if (seconds === null) return '9999-01-01 00:00:00.000000';
  return `${new Date(T0 + seconds * 1000).toISOString().slice(0, 23).replace('T', ' ')}000`;
}

function voipbinCall(status: string, at: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: CALL,
    customer_id: 'c-1',
    type: 'flow',
    master_call_id: NIL,
    chained_call_ids: [],
    source: { type: 'tel', target: '+14155550101', target_name: 'Ava Patel', name: 'Ava Patel', detail: '' },
    destination: { type: 'tel', target: '+14155550199', target_name: 'Support', name: 'Support', detail: '' },
    status,
    direction: 'incoming',
    owner_type: '',
    owner_id: NIL,
    hangup_by: '',
    hangup_reason: '',
    tm_create: tm(0),
    tm_update: tm(at),
    ...extra,
  };
}

function queuecall(status: string, at: number, agentId = NIL): Record<string, unknown> {
  return {
    id: 'qc-1',
    customer_id: 'c-1',
    queue_id: QUEUE,
    reference_type: 'call',
    reference_id: CALL,
    source: { type: 'tel', target: '+14155550101' },
    status,
    service_agent_id: agentId,
    tm_create: tm(0),
    tm_update: tm(at),
  };
}

function setup(provider: 'voipbin' | 'opentact') {
  const board = new BoardModel();
  const events = new ProviderEvents(provider);
  const send = (payload: Record<string, unknown>): void => board.apply(events.frame(payload));
  const call = (key: string): BoardCall | undefined => board.snapshot().calls.find((candidate) => candidate.key === key);
  return { board, send, call };
}

describe('board model on VoIPBin resources', () => {
  it('reads queueing from queuecall resources and answering from the agent who owns the call', () => {
    const { board, send, call } = setup('voipbin');
    const key = `voipbin:${CALL}`;
    send(voipbinCall('ringing', 0));
    expect(call(key)).toMatchObject({ state: 'ringing', direction: 'inbound', externalNumber: '+14155550101', contactName: 'Ava Patel' });
    // Answered by the flow (queue music), then waiting in the queue.
    send(voipbinCall('progressing', 1));
    expect(call(key)!.state).toBe('flow');
    send(queuecall('waiting', 1));
    expect(call(key)).toMatchObject({ state: 'queued', waitingSince: T0 + 1000, queue: { id: QUEUE } });
    send(queuecall('connecting', 20, AGENT));
    expect(call(key)).toMatchObject({ state: 'ringing', agent: { id: AGENT } });
    send({ type: 'call_updated', data: voipbinCall('progressing', 23, { owner_type: 'agent', owner_id: AGENT }) });
    send(queuecall('service', 23, AGENT));
    expect(call(key)).toMatchObject({ state: 'connected', answeredAt: T0 + 23_000, waitingSince: null });

    send(voipbinCall('hangup', 80, { owner_type: 'agent', owner_id: AGENT, hangup_reason: 'normal', hangup_by: 'remote' }));
    send(queuecall('done', 80, AGENT));
    send({ id: 'rec-1', customer_id: 'c-1', reference_type: 'call', reference_id: CALL, status: 'ended', recording_name: 'r', tm_create: tm(23), tm_update: tm(90) });
    expect(call(key)).toMatchObject({ phase: 'ended', outcome: 'answered', afterCall: ['recording'] });
    expect(board.snapshot().counters.ended.answered).toBe(1);
  });

  it('takes the outcome VoIPBin states on hangup: canceled is abandoned, noanswer is missed', () => {
    const { send, call } = setup('voipbin');
    send(voipbinCall('ringing', 0));
    send(voipbinCall('hangup', 9, { hangup_reason: 'canceled', hangup_by: 'remote' }));
    expect(call(`voipbin:${CALL}`)!.outcome).toBe('abandoned');
    const other = setup('voipbin');
    other.send(voipbinCall('ringing', 0, { id: 'call-2' }));
    other.send(voipbinCall('hangup', 30, { id: 'call-2', hangup_reason: 'noanswer' }));
    expect(other.call('voipbin:call-2')!.outcome).toBe('missed');
  });

  it('links chained calls and the master call', () => {
    const { call, send } = setup('voipbin');
    send(voipbinCall('progressing', 0, { chained_call_ids: ['leg-2'] }));
    send(voipbinCall('ringing', 5, { id: 'leg-3', master_call_id: CALL, direction: 'outgoing' }));
    expect(call(`voipbin:${CALL}`)!.legIds.sort()).toEqual([CALL, 'leg-2', 'leg-3'].sort());
    expect(call('voipbin:leg-3')).toMatchObject({ direction: 'outbound', externalNumber: '+14155550199' });
  });

  it('tracks agents by their VoIPBin status: busy is on a call, away is unavailable', () => {
    const { board, send } = setup('voipbin');
    const agent = (status: string, at: number) => ({
      type: 'agent_status_updated',
      data: { id: AGENT, customer_id: 'c-1', username: 'alice@example.com', name: 'Alice', ring_method: 'ringall', status, permission: 1, tm_create: tm(0), tm_update: tm(at), tm_delete: tm(null) },
    });
    send(agent('available', 1));
    send(agent('busy', 5));
    expect(board.snapshot().agents).toMatchObject([{ agentId: AGENT, name: 'Alice', status: 'occupied', providerStatus: 'busy', since: T0 + 5000 }]);
    send(agent('away', 9));
    expect(board.snapshot().counters.agentsByStatus).toMatchObject({ unavailable: 1, occupied: 0 });
  });
});

describe('board model on Opentact frames', () => {
  const frame2024 = (state: string, at: number, extra: Record<string, unknown> = {}) => ({
    uuid: `evt-${state}-${at}`,
    created_on: new Date(T0 + at * 1000).toISOString(),
    type: 'call_state',
    message: `Call is ${state}`,
    payload: { state, duration: 0 },
    call: { uuid: 'ot-1', direction: 'in', from: '+14155550101', to: '+14155550199', state, created_on: new Date(T0).toISOString(), init_on: new Date(T0).toISOString() },
    ...extra,
  });

  it('follows a 2024 call from init to hangup, ignoring `destroyed`', () => {
    const { board, send, call } = setup('opentact');
    send(frame2024('init', 0));
    send(frame2024('ringing', 0));
    send(frame2024('live', 4));
    expect(call('opentact:ot-1')).toMatchObject({ state: 'connected', externalNumber: '+14155550101', answeredAt: T0 + 4000 });
    send(frame2024('hangup', 60));
    send(frame2024('destroyed', 60));
    expect(call('opentact:ot-1')).toMatchObject({ phase: 'ended', outcome: 'answered', endedAt: T0 + 60_000 });
    expect(board.snapshot().counters.live).toBe(0);
  });

  it('links a leg to its parent', () => {
    const { call, send } = setup('opentact');
    send(frame2024('ringing', 0));
    send({ ...frame2024('ringing', 3), call: { uuid: 'ot-2', direction: 'out', from: '+14155550199', to: '+14155550155', state: 'ringing' }, parent: 'ot-1' });
    expect(call('opentact:ot-2')).toMatchObject({ direction: 'outbound', externalNumber: '+14155550155', legIds: ['ot-2', 'ot-1'] });
  });

  it('reads 2022 call_flow commands: ring, answer, hangup', () => {
    const { send, call } = setup('opentact');
    const command = (name: string, at: number) => ({
      timestamp: new Date(T0 + at * 1000).toISOString(),
      success: true,
      message: `call ${name}`,
      type: 'call_flow',
      payload: {
        command: { name, success: true, reason: '', path: '/calls/ot-9' },
        call: { uuid: 'ot-9', from: '+14155550199', to: '+14155550101', direction: 'out', init_on: new Date(T0).toISOString() },
      },
    });
    send(command('init', 0));
    expect(call('opentact:ot-9')!.state).toBe('calling');
    send(command('ring', 1));
    send(command('hangup', 30));
    expect(call('opentact:ot-9')).toMatchObject({ phase: 'ended', outcome: 'no_answer', externalNumber: '+14155550101' });
  });
});
