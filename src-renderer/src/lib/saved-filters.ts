import { EMPTY_FILTER, type TimeRange, type ViewFilter } from './view-filter';

export interface SavedFilter {
  name: string;
  filter: ViewFilter;
}

/**
 * Saved filters live in this browser profile's localStorage, one list per Switchboard profile:
 * enough until profiles carry settings of their own in the core.
 */
const storageKey = (profileId: string): string => `switchboard:saved-filters:${profileId}`;
const MAX_SAVED = 50;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function timeRange(value: unknown): TimeRange {
  const range = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (range.kind === 'last' && typeof range.minutes === 'number') return { kind: 'last', minutes: range.minutes };
  if (range.kind === 'custom') {
    const time = (raw: unknown): number | null => (typeof raw === 'number' && Number.isFinite(raw) ? raw : null);
    return { kind: 'custom', from: time(range.from), to: time(range.to) };
  }
  return { kind: 'all' };
}

/** Storage is user-editable: anything malformed is dropped or reset to a blank field. */
function readFilter(value: unknown): ViewFilter {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    ...EMPTY_FILTER,
    expression: typeof raw.expression === 'string' ? raw.expression : '',
    types: stringList(raw.types),
    providers: stringList(raw.providers) as ViewFilter['providers'],
    connectionIds: stringList(raw.connectionIds),
    topics: stringList(raw.topics),
    range: timeRange(raw.range),
  };
}

export function loadSavedFilters(profileId: string): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(profileId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((entry): entry is { name: string; filter: unknown } => typeof entry?.name === 'string' && entry.name.trim() !== '')
      .map((entry) => ({ name: entry.name, filter: readFilter(entry.filter) }));
  } catch {
    return [];
  }
}

/** Saving under an existing name replaces it. */
export function saveFilter(profileId: string, saved: SavedFilter): SavedFilter[] {
  const list = [saved, ...loadSavedFilters(profileId).filter((entry) => entry.name !== saved.name)].slice(0, MAX_SAVED);
  localStorage.setItem(storageKey(profileId), JSON.stringify(list));
  return list;
}

export function deleteSavedFilter(profileId: string, name: string): SavedFilter[] {
  const list = loadSavedFilters(profileId).filter((entry) => entry.name !== name);
  localStorage.setItem(storageKey(profileId), JSON.stringify(list));
  return list;
}
