import type { SwitchboardApi } from '../api';
import { parseCallKey } from '../calls/timeline';
import type { CoreContext } from './context';

export function boardHandlers(core: CoreContext) {
  return {
    getBoard: async () => core.board.snapshot(),
    callTimeline: async (callKey) => {
      parseCallKey(callKey);
      return core.board.timeline(callKey);
    },
  } satisfies Partial<SwitchboardApi>;
}
