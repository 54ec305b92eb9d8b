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
  return replaceSpans(text, spans, (digits) => `"${digits}"`);
}

/**
 * Where those numbers stand in withQuotedIntegers(text, spans), quotes included: the k-th number
 * moved right by the 2k quotes written before it, and its end by its own two.
 */
export function quotedSpans(spans: readonly number[]): number[] {
  const quoted: number[] = [];
  for (let index = 0; index < spans.length; index += 2) {
    const quotesBefore = index;
    quoted.push(spans[index]! + quotesBefore, spans[index + 1]! + quotesBefore + 2);
  }
  return quoted;
}

/** The inverse of withQuotedIntegers: `quoted` holds the offsets quotedSpans() gave. */
export function withoutQuotes(text: string, quoted: readonly number[]): string {
  return replaceSpans(text, quoted, (string) => string.slice(1, -1));
}

/** `text` with each [start, end) span (ascending, flattened pairs) replaced by what `replace` makes of it. */
function replaceSpans(text: string, spans: readonly number[], replace: (span: string) => string): string {
  if (spans.length === 0) return text;
  let result = '';
  let from = 0;
  for (let index = 0; index < spans.length; index += 2) {
    const start = spans[index]!;
    const end = spans[index + 1]!;
    result += text.slice(from, start) + replace(text.slice(start, end));
    from = end;
  }
  return result + text.slice(from);
}
