/** Bounds on what one expression may ask of the parser, the evaluator and SQLite. */
export const MAX_EXPRESSION_LENGTH = 2_000;
/** Parentheses and NOTs nested inside each other; keeps recursion and SQL depth small. */
export const MAX_NESTING_DEPTH = 32;
/** Predicates and words in one expression; keeps the SQL and its parameter list small. */
export const MAX_TERMS = 100;
export const MAX_REGEX_LENGTH = 200;
/**
 * A regex is tried on at most this many characters of a value. With repetitions kept flat
 * (see safe-regex.ts) matching is polynomial in the subject length; this bounds the polynomial.
 */
export const MAX_REGEX_SUBJECT = 1_000;
