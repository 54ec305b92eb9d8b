import { SEARCH_TOKEN } from '../filter/text-match';

/** Bounds the work one search can ask of the index. */
const MAX_SEARCH_WORDS = 16;

/**
 * Runs of characters the unicode61 tokenizer keeps inside a token (shared with the filter
 * language's live text match). Quoting only such runs means no quoted string can split into
 * several tokens, which a detail=none index could not match.
 */
const TOKEN = SEARCH_TOKEN;

export interface TextSearch {
  /** FTS5 MATCH expression: every token of every word. */
  match: string;
  /**
   * Words that span several tokens (`abc-123`, `agent@example.com`). The index holds no positions,
   * so it only proves each token occurs somewhere; these are then checked as substrings.
   */
  multiTokenWords: string[];
}

/**
 * Turns what a user typed into a search that cannot be an FTS5 syntax error: each token is a quoted
 * string, so `OR`, `NEAR`, `-`, `:`, `*` and stray quotes are plain text. All words must match,
 * as whole tokens: a prefix query merges the posting lists of every term it matches before it can
 * return the first row (~250 ms on a million events), while a plain term pages lazily.
 * Null when nothing searchable is left.
 */
export function parseTextSearch(text: string): TextSearch | null {
  const words = text
    .split(/\s+/)
    .map((word) => ({ word, tokens: word.match(TOKEN) ?? [] }))
    .filter(({ tokens }) => tokens.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
  const tokens = words.flatMap((entry) => entry.tokens);
  if (tokens.length === 0) return null;
  const match = tokens.map((token) => `"${token}"`).join(' ');
  const multiTokenWords = words.filter((entry) => entry.tokens.length > 1).map((entry) => entry.word);
  return { match, multiTokenWords };
}

/** A LIKE pattern (ESCAPE '\') for "contains this text". */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
