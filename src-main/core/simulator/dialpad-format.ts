import type { Agent, AgentStatusEvent, BusinessEvent, CallEvent, CallSnapshot, SmsEvent } from './business-events';

/**
 * Renders business events in Dialpad's webhook/websocket payload shapes. Dialpad ids are 64-bit
 * integers written as JSON numbers, but some fields (and some calls) carry them as strings.
 */

/** Ours stay below 2^53, so Number() keeps every digit. */
function idNumber(id: string): number {
  return Number(id);
}

/** A deterministic tenth of the calls carry their ids as strings, as Dialpad sometimes does. */
function callIdValue(call: CallSnapshot, id: string | null): number | string | null {
  if (id === null) return null;
  return call.id.endsWith('7') ? id : idNumber(id);
}

function userTarget(agent: Agent): Record<string, unknown> {
  return { id: idNumber(agent.id), type: 'user', name: agent.name, email: agent.email, phone: agent.phone };
}

function callTarget(call: CallSnapshot): Record<string, unknown> {
  if (call.agent !== null) return userTarget(call.agent);
  if (call.queue !== null) {
    return { id: idNumber(call.queue.id), type: 'callcenter', name: call.queue.name, email: '', phone: call.queue.number };
  }
  return {};
}

function callDuration(call: CallSnapshot, at: number): number | null {
  if (call.connectedAt === null) return null;
  return (call.endedAt ?? at) - call.connectedAt;
}

function recordingDetails(call: CallSnapshot): unknown[] {
  if (!call.wasRecorded || call.connectedAt === null || call.endedAt === null) return [];
  return [
    {
      id: call.uuid,
      recording_type: 'callrecording',
      duration: call.endedAt - call.connectedAt,
      start_time: call.connectedAt,
      url: `https://dialpad.com/r/${call.id}.mp3`,
    },
  ];
}

function dialpadCallPayload(event: CallEvent): Record<string, unknown> {
  const { call } = event;
  const payload: Record<string, unknown> = {
    call_id: callIdValue(call, call.id),
    master_call_id: callIdValue(call, call.masterId),
    entry_point_call_id: callIdValue(call, call.entryPointId),
    operator_call_id: null,
    state: call.state,
    direction: call.direction,
    date_started: call.startedAt,
    date_rang: call.rangAt,
    date_connected: call.connectedAt,
    date_ended: call.endedAt,
    event_timestamp: event.at,
    duration: callDuration(call, event.at),
    total_duration: (call.endedAt ?? event.at) - call.startedAt,
    internal_number: call.internalNumber,
    external_number: call.externalNumber,
    target: callTarget(call),
    contact: { id: call.contact.id, type: 'local', name: call.contact.name, email: '', phone: call.contact.phone },
    entry_point_target:
      call.queue === null
        ? {}
        : { id: idNumber(call.queue.id), type: 'callcenter', name: call.queue.name, email: '', phone: call.queue.number },
    proxy_target: {},
    group_id: call.queue === null ? null : `Callcenter:${call.queue.id}`,
    is_transferred: call.isTransferred,
    was_recorded: call.wasRecorded,
    labels: [],
    recording_details: recordingDetails(call),
    custom_data: null,
  };
  if (call.state === 'transcription') {
    payload['transcription_text'] = 'Agent: Thanks for calling, how can I help?\nCaller: I have a question about my account.';
  }
  return payload;
}

function dialpadAgentStatusPayload(event: AgentStatusEvent): Record<string, unknown> {
  const onDuty = event.status !== 'unavailable';
  return {
    availability_status: event.status === 'available' ? 'available' : 'unavailable',
    on_duty_status: event.status,
    on_duty_status_reason: event.reason,
    call_center_ids: onDuty ? [...event.agent.queueIds] : [],
    powerdialer_mode: false,
    date: event.at,
    event_timestamp: event.at,
    // Agent status targets carry the id as a string (and `phone_number`), unlike call targets.
    target: {
      id: event.agent.id,
      type: 'user',
      name: event.agent.name,
      email: event.agent.email,
      phone_number: event.agent.phone,
    },
  };
}

function dialpadSmsPayload(event: SmsEvent): Record<string, unknown> {
  const { sms } = event;
  return {
    id: idNumber(sms.id),
    created_date: sms.createdAt,
    direction: sms.direction,
    event_timestamp: event.at,
    from_number: sms.fromNumber,
    to_number: [sms.toNumber],
    mms: false,
    mms_url: null,
    text: sms.text,
    message_status: sms.direction === 'inbound' ? 'received' : 'sent',
    message_delivery_result: sms.direction === 'inbound' ? null : 'delivered',
    target: userTarget(sms.agent),
    contact: { id: sms.contact.id, type: 'local', name: sms.contact.name, phone: sms.contact.phone },
    sender_id: sms.direction === 'outbound' ? idNumber(sms.agent.id) : null,
    is_internal: false,
  };
}

export function dialpadPayload(event: BusinessEvent): Record<string, unknown> {
  switch (event.kind) {
    case 'call':
      return dialpadCallPayload(event);
    case 'agent_status':
      return dialpadAgentStatusPayload(event);
    case 'sms':
      return dialpadSmsPayload(event);
  }
}
