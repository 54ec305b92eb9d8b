import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface SavedState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_BOUNDS = { width: 1360, height: 860 };

/** Where and how big the window was last time, as long as that spot is still on a screen. */
export function loadWindowState(dataDir: string): Partial<SavedState> {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as SavedState;
    const visible = screen.getAllDisplays().some((display) => intersects(display.workArea, saved.bounds));
    return visible ? saved : { bounds: { ...saved.bounds, x: 0, y: 0, ...DEFAULT_BOUNDS } };
  } catch {
    return {};
  }
}

export function defaultBounds(): { width: number; height: number } {
  return DEFAULT_BOUNDS;
}

export function keepWindowState(window: BrowserWindow, dataDir: string): void {
  const save = (): void => {
    const state: SavedState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Losing the window position is not worth interrupting the user for.
    }
  };
  window.on('close', save);
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
