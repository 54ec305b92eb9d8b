/** The rows of a fixed-row-height list worth having in the DOM: [start, end) by index. */
export interface RowWindow {
  start: number;
  end: number;
}

/** The offset that shows the last row at the bottom of the viewport (0 when everything fits). */
export function endOffset(count: number, rowHeight: number, viewport: number): number {
  return Math.max(0, count * rowHeight - viewport);
}

/**
 * The rows that cover the viewport at `offset`, plus `overscan` on each side so a short scroll
 * shows rows already drawn.
 */
export function rowWindow(count: number, rowHeight: number, viewport: number, offset: number, overscan: number): RowWindow {
  const top = Math.min(Math.max(0, offset), endOffset(count, rowHeight, viewport));
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}
