/**
 * Nesting limit for decoded payloads. JSON.parse reads any depth, but JSON.stringify and
 * structuredClone (the store, IPC) recurse and overflow the stack near 10k levels: a payload
 * must stay serializable wherever it goes. Real provider events nest under 20 levels.
 */
export const MAX_JSON_DEPTH = 512;

/** Offset of the bracket that opens one level too many, or null when the text nests within the limit. */
export function findExcessiveNesting(text: string, maxDepth: number = MAX_JSON_DEPTH): number | null {
  // Cheap native pre-check: fewer brackets in total than the limit cannot nest beyond it.
  if (countBracketsUpTo(text, maxDepth) <= maxDepth) return null;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

function countBracketsUpTo(text: string, limit: number): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1 && count <= limit; i = text.indexOf(bracket, i + 1)) count++;
  }
  return count;
}
