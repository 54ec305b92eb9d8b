/**
 * Free-text matching with the meaning the store's FTS5 index gives a word (unicode61 tokenizer):
 * every token of the word occurs as a whole token in the summary or the raw text frame, case and
 * diacritics folded; a word of several tokens (`agent@example.com`) must also occur as written,
 * ignoring case. The live filter and the store's SQL function both use this, so a word matches
 * the same events live and in history.
 */

/** Runs of characters unicode61 keeps inside a token; everything else separates tokens. */
export const SEARCH_TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTokens(text: string): string[] {
  return text.match(SEARCH_TOKEN) ?? [];
}

function tokenSet(text: string): Set<string> {
  return new Set(searchTokens(fold(text)));
}

/** A word with no searchable characters (`->`) constrains nothing, as in the index. */
export function matchesText(summary: string, rawText: string | null, word: string): boolean {
  const wanted = searchTokens(fold(word));
  if (wanted.length === 0) return true;
  const present = tokenSet(summary);
  if (rawText) for (const token of tokenSet(rawText)) present.add(token);
  if (!wanted.every((token) => present.has(token))) return false;
  if (wanted.length === 1) return true;
  const needle = word.toLowerCase();
  return summary.toLowerCase().includes(needle) || (rawText?.toLowerCase().includes(needle) ?? false);
}
