/** Local wall-clock time with milliseconds: what an engineer compares against server logs. */
export function formatClock(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatDateTime(ms: number): string {
  return `${new Date(ms).toLocaleDateString()} ${formatClock(ms)}`;
}

// One formatter for every count: toLocaleString builds a new one on each call, which showed up
// as real time with counts redrawn every frame.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}
