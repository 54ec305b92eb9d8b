/**
 * A frame whose 64-bit ids were restored as strings (restoreExactIds) has a payload text that is
 * the frame with those integers quoted. The two texts are one text and a list of offsets apart:
 * the pipeline builds the payload text only where it is stored, and the store keeps only the
 * payload text, giving the frame back from it.
 */

/**
 * `text` with the numbers at the given [start, end) offsets (ascending, flattened pairs) written
 * as JSON strings.
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

/** Where those numbers stand in withQuotedIntegers(text, spans), quotes included. */
export function quotedSpans(spans: readonly number[]): number[] {
  return spans.map((offset, index) => offset + (index - (index % 2)) + (index % 2) * 2);
}

/** The inverse of withQuotedIntegers: `quoted` holds the offsets quotedSpans() gave. */
export function withoutQuotes(text: string, quoted: readonly number[]): string {
  if (quoted.length === 0) return text;
  let result = '';
  let from = 0;
  for (let index = 0; index < quoted.length; index += 2) {
    const start = quoted[index]!;
    const end = quoted[index + 1]!;
    result += text.slice(from, start) + text.slice(start + 1, end - 1);
    from = end;
  }
  return result + text.slice(from);
}
