/** The panes a user arranged (their topics and pinned columns), restored on the next start. */
export interface PaneLayout {
  topic: string | null;
  pins: string[];
}

const STORAGE_KEY = 'switchboard:stream-layout';
export const MAX_PANES = 3;

export function loadLayout(): PaneLayout[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.slice(0, MAX_PANES).map((entry: { topic?: unknown; pins?: unknown }) => ({
      topic: typeof entry?.topic === 'string' ? entry.topic : null,
      pins: Array.isArray(entry?.pins) ? entry.pins.filter((pin): pin is string => typeof pin === 'string') : [],
    }));
  } catch {
    return [];
  }
}

export function saveLayout(layout: PaneLayout[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the layout simply is not remembered.
  }
}
