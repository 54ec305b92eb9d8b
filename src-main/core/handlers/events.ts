import type { SwitchboardApi } from '../api';
import { parseEventQuery, requireSeq } from '../api-validation';
import type { CoreContext, SessionContext } from './context';

export function eventHandlers(core: CoreContext, session: SessionContext) {
  return {
    queryEvents: async (query) => {
      const parsed = parseEventQuery(query);
      await core.store.whenSearchable(parsed.filter);
      return core.store.query(parsed);
    },
    getEvent: async (seq) => core.store.get(requireSeq(seq, 'seq')),
    ackLiveBatch: async (batchId) => session.live.ack(requireSeq(batchId, 'batchId')),
  } satisfies Partial<SwitchboardApi>;
}
