import type { FilterError, FilterExpression, Literal, ParseResult } from './ast';
import { fieldLabel, parseField } from './fields';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, MAX_TERMS } from './limits';
import { compileSafeRegex } from './safe-regex';
import { failure, tokenize, type Operator, type Token } from './tokenizer';

const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Thrown inside the parser only; parseFilterExpression turns it into a result. */
class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'word':
      return `'${token.text}'`;
    case 'string':
      return `"${token.text}"`;
    case 'regex':
      return 'a regex';
    case 'op':
      return `'${token.op}'`;
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'and':
    case 'or':
    case 'not':
      return token.kind.toUpperCase();
    case 'end':
      return 'the end';
  }
}

/**
 * Recursive descent over:
 *   or    := and (OR and)*
 *   and   := unary ([AND] unary)*        adjacent terms are ANDed
 *   unary := NOT unary | primary
 *   primary := '(' or ')' | exists '(' field ')' | field op value | word | "phrase"
 */
class Parser {
  private position = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpression | null {
    if (this.peek().kind === 'end') return null;
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind === 'rparen') throw new SyntaxProblem("Unmatched ')'", next.column);
    if (next.kind !== 'end') throw new SyntaxProblem(`Unexpected ${describe(next)}`, next.column);
    return expression;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private parseOr(): FilterExpression {
    const operands = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      const or = this.next();
      operands.push(this.parseAnd(or));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private parseAnd(after?: Token): FilterExpression {
    const operands = [this.parseUnary(after)];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'and') {
        this.next();
        operands.push(this.parseUnary(token));
      } else if (token.kind === 'word' || token.kind === 'string' || token.kind === 'lparen' || token.kind === 'not') {
        operands.push(this.parseUnary());
      } else {
        break;
      }
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private parseUnary(after?: Token): FilterExpression {
    const token = this.peek();
    if (token.kind === 'not') {
      this.next();
      return this.nested(token, () => ({ kind: 'not', operand: this.parseUnary(token) }));
    }
    return this.parsePrimary(after);
  }

  private nested(token: Token, parse: () => FilterExpression): FilterExpression {
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new SyntaxProblem(`Nested more than ${MAX_NESTING_DEPTH} levels deep`, token.column);
    }
    const expression = parse();
    this.depth--;
    return expression;
  }

  private countTerm(token: Token): void {
    if (++this.terms > MAX_TERMS) throw new SyntaxProblem(`More than ${MAX_TERMS} conditions`, token.column);
  }

  private parsePrimary(after?: Token): FilterExpression {
    const token = this.next();
    switch (token.kind) {
      case 'lparen':
        return this.nested(token, () => {
          if (this.peek().kind === 'rparen') throw new SyntaxProblem("Expected a condition inside '()'", this.peek().column);
          const inner = this.parseOr();
          const close = this.next();
          if (close.kind !== 'rparen') throw new SyntaxProblem(`Expected ')' to close the '(' at column ${token.column}, found ${describe(close)}`, close.column);
          return inner;
        });
      case 'string':
        this.countTerm(token);
        return { kind: 'text', word: token.text };
      case 'word':
        this.countTerm(token);
        if (token.text.toLowerCase() === 'exists' && this.peek().kind === 'lparen') return this.parseExists();
        if (this.peek().kind === 'op') return this.parsePredicate(token);
        return { kind: 'text', word: token.text };
      case 'op':
        throw new SyntaxProblem(`Expected a field name before '${token.op}'`, token.column);
      default:
        throw new SyntaxProblem(
          after ? `Expected a condition after ${describe(after)}, found ${describe(token)}` : `Expected a condition, found ${describe(token)}`,
          token.column,
        );
    }
  }

  private parseExists(): FilterExpression {
    const open = this.next();
    const name = this.next();
    if (name.kind !== 'word') throw new SyntaxProblem(`Expected a field name inside exists(), found ${describe(name)}`, name.column);
    const field = this.field(name.text, name.column);
    const close = this.next();
    if (close.kind !== 'rparen') throw new SyntaxProblem(`Expected ')' to close the exists( at column ${open.column}`, close.column);
    return { kind: 'exists', field };
  }

  private field(text: string, column: number) {
    const parsed = parseField(text);
    if (!parsed.ok) throw new SyntaxProblem(parsed.message, column);
    return parsed.field;
  }

  private parsePredicate(name: Token & { kind: 'word' }): FilterExpression {
    const field = this.field(name.text, name.column);
    const operator = this.next() as Token & { kind: 'op' };
    const valueToken = this.next();
    if (operator.op === '~' || operator.op === '!~') {
      const negated = operator.op === '!~';
      const regex = this.regexValue(operator.op, valueToken);
      return { kind: 'regex', field, negated, ...regex };
    }
    const value = this.literal(operator.op, valueToken);
    const op = operator.op;
    if (op !== '=' && op !== '!=' && value.kind !== 'number' && value.kind !== 'string') {
      throw new SyntaxProblem(`'${op}' compares numbers or strings; ${fieldLabel(field)} cannot be compared with ${value.kind === 'null' ? 'null' : String(value.value)}`, valueToken.column);
    }
    return { kind: 'compare', field, op, value };
  }

  private regexValue(op: Operator, token: Token): { source: string; flags: string } {
    let source: string;
    let flags = '';
    if (token.kind === 'regex') [source, flags] = [token.source, token.flags];
    else if (token.kind === 'string' || token.kind === 'word') source = token.text;
    else throw new SyntaxProblem(`Expected a regex like /smith/i after '${op}', found ${describe(token)}`, token.column);
    const compiled = compileSafeRegex(source, flags);
    if (!compiled.ok) throw new SyntaxProblem(compiled.message, token.column);
    return { source, flags };
  }

  private literal(op: Operator, token: Token): Literal {
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'regex') throw new SyntaxProblem(`A regex needs '~', not '${op}'`, token.column);
    if (token.kind !== 'word') throw new SyntaxProblem(`Expected a value after '${op}', found ${describe(token)}`, token.column);
    const text = token.text;
    if (NUMBER.test(text) && Number.isFinite(Number(text))) return { kind: 'number', value: Number(text), text };
    if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
    if (text === 'null') return { kind: 'null' };
    return { kind: 'string', value: text };
  }
}

/** Parses a filter expression. Never throws: a problem comes back as a message with its column. */
export function parseFilterExpression(input: string): ParseResult {
  if (input.length > MAX_EXPRESSION_LENGTH) {
    return failure(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH + 1);
  }
  const tokenized = tokenize(input);
  if (!tokenized.ok) return tokenized;
  try {
    return { ok: true, expression: new Parser(tokenized.tokens).parse() };
  } catch (error) {
    if (error instanceof SyntaxProblem) return failure(error.message, error.column);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message: `Cannot read this expression (${message}) at column 1`, column: 1 } satisfies FilterError };
  }
}
