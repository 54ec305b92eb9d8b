import type { AgentStatus, BusinessEvent, CallEvent, CallSnapshot } from './business-events';
import { uuidFor } from './roster';

/**
 * Renders business events as VoIPBin resources. One business event can touch two resources
 * (a call and its queuecall); each resource change is published under two topics.
 */

export interface VoipbinPublication {
  /** e.g. `call_hangup` */
  eventType: string;
  resource: string;
  resourceId: string;
  /** The agent whose `agent_id:` topics also carry it. */
  agentUuid: string | null;
  data: Record<string, unknown>;
}

const NOT_YET = '9999-01-01 00:00:00.000000';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** VoIPBin's timestamp text: "2022-04-11 06:10:54.788000" (UTC, microseconds). */
export function voipbinTime(ms: number | null): string {
  if (ms === null) return NOT_YET;
  return `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}000`;
}

function address(number: string, name = ''): Record<string, string> {
  return { type: 'tel', target: number, target_name: name, name, detail: '' };
}

const CALL_STATUS: Partial<Record<CallSnapshot['state'], string>> = {
  calling: 'dialing',
  ringing: 'ringing',
  queued: 'progressing',
  connected: 'progressing',
  hold: 'progressing',
  voicemail: 'progressing',
  hangup: 'hangup',
};

function hangupReason(call: CallSnapshot): string {
  switch (call.outcome) {
    case 'no_answer':
      return 'noanswer';
    case 'abandoned':
      return 'canceled';
    default:
      return 'normal';
  }
}

function callResource(customerId: string, event: CallEvent): Record<string, unknown> {
  const { call } = event;
  const inbound = call.direction === 'inbound';
  const local = address(call.internalNumber, call.agent?.name ?? call.queue?.name ?? '');
  const remote = address(call.externalNumber, call.contact.name);
  return {
    id: call.uuid,
    customer_id: customerId,
    owner_type: call.agent === null ? '' : 'agent',
    owner_id: call.agent?.uuid ?? NIL_UUID,
    flow_id: uuidFor(`flow:${call.queue?.id ?? 'outbound'}`),
    activeflow_id: uuidFor(`activeflow:${call.id}`),
    type: 'flow',
    master_call_id: call.masterId === null ? NIL_UUID : uuidFor(call.masterId),
    chained_call_ids: [],
    recording_id: call.wasRecorded && call.connectedAt !== null ? uuidFor(`recording:${call.id}`) : NIL_UUID,
    source: inbound ? remote : local,
    destination: inbound ? local : remote,
    status: CALL_STATUS[call.state] ?? 'progressing',
    direction: inbound ? 'incoming' : 'outgoing',
    mute_direction: '',
    hangup_by: call.endedAt === null ? '' : call.outcome === 'abandoned' ? 'remote' : 'local',
    hangup_reason: call.endedAt === null ? '' : hangupReason(call),
    action: { id: uuidFor(`action:${call.id}:${call.state}`), type: call.state === 'queued' ? 'queue_join' : call.connectedAt === null ? 'answer' : 'talk' },
    tm_create: voipbinTime(call.startedAt),
    tm_update: voipbinTime(event.at),
    tm_progressing: voipbinTime(call.connectedAt ?? (call.state === 'queued' ? event.at : null)),
    tm_ringing: voipbinTime(call.rangAt),
    tm_hangup: voipbinTime(call.endedAt),
  };
}

function queuecallResource(customerId: string, event: CallEvent, status: string): Record<string, unknown> {
  const { call } = event;
  return {
    id: uuidFor(`queuecall:${call.id}`),
    customer_id: customerId,
    queue_id: call.queue?.uuid ?? NIL_UUID,
    reference_type: 'call',
    reference_id: call.uuid,
    source: address(call.externalNumber, call.contact.name),
    status,
    service_agent_id: call.agent?.uuid ?? NIL_UUID,
    tm_create: voipbinTime(call.startedAt),
    tm_service: voipbinTime(call.connectedAt),
    tm_update: voipbinTime(event.at),
    tm_end: voipbinTime(call.endedAt),
  };
}

const AGENT_STATUS: Record<AgentStatus, string> = {
  available: 'available',
  occupied: 'busy',
  wrapup: 'busy',
  unavailable: 'away',
  busy: 'busy',
};

function callPublications(customerId: string, event: CallEvent): VoipbinPublication[] {
  const { call } = event;
  const agentUuid = call.agent?.uuid ?? null;
  const callChange = (eventType: string): VoipbinPublication => ({
    eventType,
    resource: 'call',
    resourceId: call.uuid,
    agentUuid,
    data: callResource(customerId, event),
  });
  const queuecallChange = (eventType: string, status: string): VoipbinPublication[] =>
    call.queue === null || call.direction !== 'inbound'
      ? []
      : [{ eventType, resource: 'queuecall', resourceId: uuidFor(`queuecall:${call.id}`), agentUuid, data: queuecallResource(customerId, event, status) }];
  switch (call.state) {
    case 'calling':
      return [callChange('call_dialing')];
    case 'ringing':
      // Ringing an agent is the queue connecting the call, not a new ring of the call itself.
      return call.agent !== null && call.direction === 'inbound' ? queuecallChange('queuecall_connecting', 'connecting') : [callChange('call_ringing')];
    case 'queued':
      return [callChange('call_progressing'), ...queuecallChange('queuecall_waiting', 'waiting')];
    case 'connected':
      return call.direction === 'outbound' && event.call.connectedAt === event.at
        ? [callChange('call_progressing')]
        : [callChange('call_updated'), ...queuecallChange('queuecall_serviced', 'service')];
    case 'hold':
      return [callChange('call_updated')];
    case 'voicemail':
      return [callChange('call_updated'), ...queuecallChange('queuecall_abandoned', 'abandoned')];
    case 'hangup': {
      const queueEnd =
        call.outcome === 'abandoned' ? queuecallChange('queuecall_abandoned', 'abandoned') : call.outcome === 'voicemail' ? [] : queuecallChange('queuecall_done', 'done');
      return [callChange('call_hangup'), ...queueEnd];
    }
    case 'recording':
      return [
        {
          eventType: 'recording_finished',
          resource: 'recording',
          resourceId: uuidFor(`recording:${call.id}`),
          agentUuid,
          data: {
            id: uuidFor(`recording:${call.id}`),
            customer_id: customerId,
            reference_type: 'call',
            reference_id: call.uuid,
            status: 'ended',
            format: 'wav',
            tm_start: voipbinTime(call.connectedAt),
            tm_end: voipbinTime(call.endedAt),
            tm_create: voipbinTime(call.connectedAt),
            tm_update: voipbinTime(event.at),
            tm_delete: NOT_YET,
          },
        },
      ];
    default:
      return [];
  }
}

export function voipbinPublications(customerId: string, event: BusinessEvent): VoipbinPublication[] {
  switch (event.kind) {
    case 'call':
      return callPublications(customerId, event);
    case 'agent_status': {
      const { agent } = event;
      return [
        {
          eventType: 'agent_status_updated',
          resource: 'agent',
          resourceId: agent.uuid,
          agentUuid: agent.uuid,
          data: {
            id: agent.uuid,
            customer_id: customerId,
            username: agent.email,
            name: agent.name,
            detail: '',
            ring_method: 'ringall',
            status: AGENT_STATUS[event.status],
            permission: 1,
            tag_ids: [...agent.queueIds].map((id) => uuidFor(`tag:${id}`)),
            addresses: [address(agent.phone, agent.name)],
            tm_create: '2024-01-15 09:00:00.000000',
            tm_update: voipbinTime(event.at),
            tm_delete: NOT_YET,
          },
        },
      ];
    }
    case 'sms': {
      const { sms } = event;
      return [
        {
          eventType: 'message_created',
          resource: 'message',
          resourceId: sms.uuid,
          agentUuid: sms.agent.uuid,
          data: {
            id: sms.uuid,
            customer_id: customerId,
            type: 'sms',
            source: address(sms.fromNumber),
            targets: [{ destination: address(sms.toNumber), status: sms.direction === 'inbound' ? 'received' : 'sent', parts: 1, tm_update: voipbinTime(event.at) }],
            provider_name: 'telnyx',
            text: sms.text,
            direction: sms.direction,
            tm_create: voipbinTime(sms.createdAt),
            tm_update: voipbinTime(event.at),
            tm_delete: NOT_YET,
          },
        },
      ];
    }
  }
}

/** The two topics VoIPBin publishes every change under (so prefix subscribers get it twice). */
export function voipbinTopics(scope: string, publication: VoipbinPublication): [string, string] {
  return [
    `${scope}:${publication.resource}:${publication.resourceId}`,
    `${scope}:${publication.resource}:${publication.eventType}:${publication.resourceId}`,
  ];
}
