import type { FilterError } from './ast';

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~';

export type Token =
  | { kind: 'word'; text: string; column: number }
  | { kind: 'string'; text: string; column: number }
  | { kind: 'regex'; source: string; flags: string; column: number }
  | { kind: 'op'; op: Operator; column: number }
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'end'; column: number };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: FilterError };

/** Characters that end a bare word: space, grouping, quoting and operator characters. */
const WORD_BREAK = /[\s()"'=!<>~]/;
const KEYWORDS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const REGEX_FLAGS = /^[imsu]*$/;

export function failure(message: string, column: number): { ok: false; error: FilterError } {
  return { ok: false, error: { message: `${message} at column ${column}`, column } };
}

/** Splits an expression into tokens; columns are 1-based. A regex literal is read only after `~` or `!~`. */
export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let index = 0;
  while (index < input.length) {
    const char = input[index]!;
    const column = index + 1;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const previous = tokens.at(-1);
    if (char === '/' && previous?.kind === 'op' && (previous.op === '~' || previous.op === '!~')) {
      const regex = readRegex(input, index);
      if (!regex.ok) return regex;
      tokens.push({ kind: 'regex', source: regex.source, flags: regex.flags, column });
      index = regex.end;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'lparen' : 'rparen', column });
      index++;
      continue;
    }
    if (char === '"' || char === "'") {
      const quoted = readQuoted(input, index);
      if (!quoted.ok) return quoted;
      tokens.push({ kind: 'string', text: quoted.text, column });
      index = quoted.end;
      continue;
    }
    const operator = readOperator(input, index);
    if (operator) {
      tokens.push({ kind: 'op', op: operator.op, column });
      index += operator.length;
      continue;
    }
    if (char === '!') return failure("Expected '=' or '~' after '!'", column);
    let end = index;
    while (end < input.length && !WORD_BREAK.test(input[end]!)) end++;
    // Every character is a break, an operator or part of a word; this guards the loop's progress.
    if (end === index) return failure(`Unexpected '${char}'`, column);
    const text = input.slice(index, end);
    const keyword = KEYWORDS[text.toUpperCase()];
    tokens.push(keyword ? { kind: keyword, column } : { kind: 'word', text, column });
    index = end;
  }
  tokens.push({ kind: 'end', column: input.length + 1 });
  return { ok: true, tokens };
}

/** `==` is read as `=`, the way people coming from code tend to type it. */
function readOperator(input: string, index: number): { op: Operator; length: number } | null {
  const two = input.slice(index, index + 2);
  if (two === '==') return { op: '=', length: 2 };
  if (two === '!=' || two === '>=' || two === '<=' || two === '!~') return { op: two, length: 2 };
  const one = input[index];
  return one === '=' || one === '>' || one === '<' || one === '~' ? { op: one, length: 1 } : null;
}

/** A quoted string; a backslash makes the next character literal (`\"`, `\\`). */
function readQuoted(
  input: string,
  start: number,
): { ok: true; text: string; end: number } | { ok: false; error: FilterError } {
  const quote = input[start];
  let text = '';
  for (let index = start + 1; index < input.length; index++) {
    const char = input[index]!;
    if (char === '\\' && index + 1 < input.length) {
      text += input[++index];
    } else if (char === quote) {
      return { ok: true, text, end: index + 1 };
    } else {
      text += char;
    }
  }
  return failure(`Unterminated string: add the closing ${quote} for the string starting`, start + 1);
}

/** `/source/flags`; a `/` inside a character class or after a backslash does not end it. */
function readRegex(
  input: string,
  start: number,
): { ok: true; source: string; flags: string; end: number } | { ok: false; error: FilterError } {
  let inClass = false;
  for (let index = start + 1; index < input.length; index++) {
    const char = input[index]!;
    if (char === '\\') {
      index++;
    } else if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    } else if (char === '/' && !inClass) {
      let end = index + 1;
      while (end < input.length && /[a-z]/i.test(input[end]!)) end++;
      const flags = input.slice(index + 1, end);
      if (!REGEX_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
        return failure(`Unsupported regex flags '${flags}' (use i, m, s or u)`, index + 2);
      }
      return { ok: true, source: input.slice(start + 1, index), flags, end };
    }
  }
  return failure('Unterminated regex: add the closing / for the regex starting', start + 1);
}
