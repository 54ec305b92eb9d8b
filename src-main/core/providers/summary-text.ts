/** Building blocks for the one-line `summary` shown in event lists. */

export const SUMMARY_SEPARATOR = ' · ';
const MAX_SUMMARY_LENGTH = 240;

/** Joins the present parts; a summary longer than a list row can show is cut. */
export function joinSummary(parts: readonly (string | null | undefined | false)[]): string {
  let summary = '';
  for (const part of parts) {
    if (!part) continue;
    summary = summary.length === 0 ? part : summary + SUMMARY_SEPARATOR + part;
  }
  return clip(summary, MAX_SUMMARY_LENGTH);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// A summary is shown, searched and exported: a token or key that a frame echoes must not land
// there. Matched even when cut short by the preview length.
const JWT_LIKE = /eyJ[\w-]{6,}(?:\.[\w-]*){0,2}/g;
const SECRET_ASSIGNMENT =
  /\b(token|apikey|api_key|accesskey|access_key|secret|password)(["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi;

/** One line of free text: blanks collapsed, credentials masked, cut to `max`. */
export function preview(text: string, max: number): string {
  const line = collapseBlanks(text, max);
  return clip(line.replace(JWT_LIKE, '«token»').replace(SECRET_ASSIGNMENT, '$1$2«redacted»'), max);
}

/**
 * Runs of blanks to one space, reading only as far as the preview needs: a regex over the whole
 * frame would cost more than parsing it (pretty-printed JSON is mostly blanks).
 */
function collapseBlanks(text: string, max: number): string {
  let line = '';
  let i = 0;
  while (i < text.length && line.length <= max) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    const stop = Math.min(text.length, start + max + 1);
    while (i < stop && !isBlank(text.charCodeAt(i))) i++;
    line += (line.length > 0 ? ' ' : '') + text.slice(start, i);
  }
  return line;
}

function isBlank(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

/** `"…"` around a message body preview, or null when there is none. */
export function quoted(text: string | null, max: number): string | null {
  return text === null ? null : `"${preview(text, max)}"`;
}

const NANP_E164 = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** +14155550101 -> +1 415 555 0101; other numbers are shown as sent. */
export function formatPhone(number: string): string {
  const nanp = NANP_E164.exec(number);
  return nanp === null ? number : `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}`;
}

/** 192000 -> "3m 12s"; 3723000 -> "1h 02m"; 45000 -> "45s". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/** 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
