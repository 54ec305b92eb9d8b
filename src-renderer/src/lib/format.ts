/** Local wall-clock time with milliseconds: what an engineer compares against server logs. */
export function formatClock(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatDateTime(ms: number): string {
  return `${new Date(ms).toLocaleDateString()} ${formatClock(ms)}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
