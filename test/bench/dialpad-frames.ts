const STATES = ['calling', 'ringing', 'connected', 'hangup'] as const;
const AGENTS = ['Alice Moreno', 'Bruno Diaz', 'Chen Wei', 'Dana Okafor', 'Emil Novak'] as const;
const BASE_TIME = 1_712_345_678_901;
/** Dialpad ids are 64-bit: above 2^53, so the decoder recovers their digits from the text as it must in production. */
const BASE_CALL_ID = 6_524_329_623_650_304_000n;

/**
 * Frame `index` of a stream of Dialpad call events as the socket sends them: compact JSON of about
 * 800 bytes, shaped like test/fixtures/providers/dialpad-call-ringing.json. Each has its own call id
 * and time, so the pipeline deduplicates none of them.
 */
export function dialpadCallFrame(index: number): string {
  const state = STATES[index % STATES.length]!;
  const agent = AGENTS[index % AGENTS.length]!;
  const callId = (BASE_CALL_ID + BigInt(index)).toString();
  const at = BASE_TIME + index * 7;
  const phone = `+1415555${String(index % 10_000).padStart(4, '0')}`;
  const connected = state === 'connected' || state === 'hangup' ? at - 20_000 : null;
  const ended = state === 'hangup' ? at : null;
  return (
    `{"date_started":${at - 30_000},"call_id":${callId},"external_number":"${phone}",` +
    `"internal_number":"+14155550199","date_rang":${at - 25_000},"date_connected":${connected},` +
    `"date_ended":${ended},"duration":${ended === null ? null : 20_000},"total_duration":null,` +
    `"direction":"${index % 3 === 0 ? 'outbound' : 'inbound'}","state":"${state}",` +
    `"target":{"id":5235518231109632,"type":"user","name":"${agent}","phone":"+14155550150"},` +
    `"entry_point_call_id":${callId},` +
    `"entry_point_target":{"id":4800000000000001,"type":"callcenter","name":"Sales queue","email":"",` +
    `"phone":"+14155550199"},"contact":{"id":"c-${index.toString(16)}",` +
    `"type":"shared","name":"Caller ${index % 997}","phone":"${phone}"},` +
    `"master_call_id":${callId},"group_id":"Callcenter:4800000000000001","is_transferred":false,` +
    `"was_recorded":${index % 5 === 0},"labels":["bench","queue-${index % 7}"],"recording_details":[],` +
    `"custom_data":null,"event_timestamp":${at}}`
  );
}
