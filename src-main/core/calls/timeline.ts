import type { CallTimeline, MonitorEvent, ProviderId } from '../api';
import { InvalidRequestError } from '../api-validation';
import type { EventStore } from '../store/event-store';
import type { CallLegs } from './board-model';

/** A timeline longer than this shows its first events; a call with more is pathological. */
const MAX_TIMELINE_EVENTS = 2_000;
const PROVIDERS: readonly ProviderId[] = ['dialpad', 'voipbin', 'opentact', 'websocket', 'file'];

/** `<provider>:<callId>` back into its parts; anything else is a malformed request. */
export function parseCallKey(callKey: unknown): { provider: ProviderId; callId: string } {
  if (typeof callKey !== 'string' || callKey.length > 300) throw new InvalidRequestError('callKey must be a board call key.');
  const separator = callKey.indexOf(':');
  const provider = callKey.slice(0, separator) as ProviderId;
  const callId = callKey.slice(separator + 1);
  if (separator < 1 || callId.length === 0 || !PROVIDERS.includes(provider)) {
    throw new InvalidRequestError(`"${callKey}" is not a board call key (<provider>:<call id>).`);
  }
  return { provider, callId };
}

/**
 * Every stored event of a call and of the legs linked to it, in seq order. A call that has left
 * the board still has its own events in the store; only its links are forgotten.
 */
export function readCallTimeline(store: EventStore, callKey: string, legs: CallLegs | null): CallTimeline {
  const { provider, callId } = parseCallKey(callKey);
  const legIds = legs?.callIds ?? [callId];
  const events: MonitorEvent[] = [];
  let truncated = false;
  for (const legId of legIds) {
    let taken = 0;
    for (const event of store.iterate({ providers: [legs?.provider ?? provider], callId: legId })) {
      if (taken === MAX_TIMELINE_EVENTS) {
        truncated = true;
        break;
      }
      events.push(event);
      taken += 1;
    }
  }
  events.sort((a, b) => a.seq - b.seq);
  if (events.length > MAX_TIMELINE_EVENTS) {
    truncated = true;
    events.length = MAX_TIMELINE_EVENTS;
  }
  return { callKey, legIds, events, truncated };
}
