/**
 * Where a JSON text first breaks the grammar. V8 names the position for most syntax errors but
 * not for "Unexpected token 'x'", and users need the position to find the fault in a long frame.
 * Iterative, so a hostile frame nested 100k levels deep cannot overflow the stack.
 * Only called after JSON.parse failed, never on the hot path.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const IN_ARRAY = 0;
const IN_OBJECT = 1;

/** The offset of the first character that cannot continue valid JSON, or null when the text is valid. */
export function findJsonErrorPosition(text: string): number | null {
  const scanner = new Scanner(text);
  return scanner.run();
}

class Scanner {
  private i = 0;
  private readonly containers: number[] = [];

  constructor(private readonly text: string) {}

  run(): number | null {
    for (;;) {
      const valueError = this.value();
      if (valueError !== null) return valueError;
      const afterError = this.afterValue();
      if (afterError === 'more') continue;
      return afterError;
    }
  }

  /** Reads one value; an opening bracket is followed into its first element or key and value. */
  private value(): number | null {
    const { text } = this;
    for (;;) {
      this.skipSpace();
      const c = text[this.i];
      if (c === undefined) return this.i;
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        this.i++;
        this.skipSpace();
        if (text[this.i] === close) {
          this.i++;
          return null;
        }
        this.containers.push(c === '{' ? IN_OBJECT : IN_ARRAY);
        if (c === '{') {
          const keyError = this.keyAndColon();
          if (keyError !== null) return keyError;
        }
        continue;
      }
      if (c === '"') return this.string();
      if (c === 't') return this.literal('true');
      if (c === 'f') return this.literal('false');
      if (c === 'n') return this.literal('null');
      NUMBER.lastIndex = this.i;
      if (NUMBER.test(text)) {
        this.i = NUMBER.lastIndex;
        return null;
      }
      return this.i;
    }
  }

  /** After a value: closes containers, or consumes a separator. 'more' means a value is due next. */
  private afterValue(): number | null | 'more' {
    const { text } = this;
    for (;;) {
      this.skipSpace();
      const top = this.containers.at(-1);
      if (top === undefined) return this.i < text.length ? this.i : null;
      const c = text[this.i];
      if (c === ',') {
        this.i++;
        if (top === IN_OBJECT) {
          this.skipSpace();
          const keyError = this.keyAndColon();
          if (keyError !== null) return keyError;
        }
        return 'more';
      }
      if ((top === IN_ARRAY && c === ']') || (top === IN_OBJECT && c === '}')) {
        this.containers.pop();
        this.i++;
        continue;
      }
      return this.i;
    }
  }

  private keyAndColon(): number | null {
    if (this.text[this.i] !== '"') return this.i;
    const keyError = this.string();
    if (keyError !== null) return keyError;
    this.skipSpace();
    if (this.text[this.i] !== ':') return this.i;
    this.i++;
    return null;
  }

  private string(): number | null {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 0x22) {
        this.i++;
        return null;
      }
      if (code < 0x20) return this.i;
      if (code === 0x5c) {
        const escape = text[this.i + 1];
        if (escape === 'u') {
          if (!HEX4.test(text.slice(this.i + 2, this.i + 6))) return this.i;
          this.i += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) return this.i + 1;
        this.i += 2;
        continue;
      }
      this.i++;
    }
    return this.i;
  }

  private literal(word: string): number | null {
    for (let k = 0; k < word.length; k++) {
      if (this.text[this.i + k] !== word[k]) return this.i + k;
    }
    this.i += word.length;
    return null;
  }

  private skipSpace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.i++;
    }
  }
}
