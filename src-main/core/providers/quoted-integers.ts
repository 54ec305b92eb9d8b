/**
 * `text` with the numbers at the given [start, end) offsets (ascending, flattened pairs) written
 * as JSON strings: the payload text of a frame whose 64-bit ids were restored as strings
 * (restoreExactIds). Built only where it is stored, so the thread that reads the socket neither
 * builds nor copies a second text per frame.
 */
export function withQuotedIntegers(text: string, spans: readonly number[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let from = 0;
  for (let index = 0; index < spans.length; index += 2) {
    const start = spans[index]!;
    const end = spans[index + 1]!;
    result += `${text.slice(from, start)}"${text.slice(start, end)}"`;
    from = end;
  }
  return result + text.slice(from);
}
