import type { SwitchboardApi } from '../api';
import { InvalidRequestError } from '../api-validation';
import { parseRetentionSettings } from '../storage/retention-settings';
import type { StorageService } from '../storage/storage-service';

export function storageHandlers(storage: StorageService) {
  return {
    getStorageSettings: async () => storage.describe(),
    setRetention: async (retention) => {
      const parsed = parseRetentionSettings(retention);
      if (!parsed.ok) throw new InvalidRequestError(`The retention settings were not saved: ${parsed.problems.join('; ')}.`);
      return storage.setRetention(parsed.settings);
    },
  } satisfies Partial<SwitchboardApi>;
}
