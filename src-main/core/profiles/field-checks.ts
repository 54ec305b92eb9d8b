/** Collects every problem of a submitted profile, so one answer names them all. */
export class FieldProblems {
  readonly problems: string[] = [];

  add(field: string, message: string): void {
    this.problems.push(`${field}: ${message}`);
  }

  text(field: string, value: unknown, options: { max?: number; optional?: false }): string;
  text(field: string, value: unknown, options: { max?: number; optional: true }): string | null;
  text(field: string, value: unknown, options: { max?: number; optional?: boolean }): string | null {
    const max = options.max ?? 200;
    if ((value === undefined || value === null || value === '') && options.optional) return null;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(field, 'is required');
      return '';
    }
    if (value.length > max) this.add(field, `must be at most ${max} characters`);
    return value.trim();
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(field, value === undefined ? `is required (${allowed.join(' or ')})` : `must be ${allowed.join(' or ')}`);
    return fallback;
  }

  flag(field: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.add(field, 'must be true or false');
    return fallback;
  }

  list(field: string, value: unknown, options: { max?: number; itemMax?: number; allowEmptyItems?: boolean } = {}): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.length > (options.max ?? 200)) {
      this.add(field, `must be a list of at most ${options.max ?? 200} texts`);
      return [];
    }
    return value.flatMap((item, index) => {
      if (typeof item !== 'string' || (!options.allowEmptyItems && item.trim() === '')) {
        this.add(`${field}[${index}]`, 'must be a non-empty text');
        return [];
      }
      if (item.length > (options.itemMax ?? 500)) this.add(`${field}[${index}]`, `must be at most ${options.itemMax ?? 500} characters`);
      return [options.allowEmptyItems ? item : item.trim()];
    });
  }

  /** An absolute URL with one of `schemes` (e.g. `['https:', 'http:']`); trailing slashes dropped. */
  url(field: string, value: unknown, schemes: readonly string[], options: { keepPath?: boolean } = {}): string {
    const text = this.text(field, value, { max: 2_000 });
    if (text === '') return '';
    const parsed = URL.parse(text);
    if (parsed === null || !schemes.includes(parsed.protocol)) {
      this.add(field, `must be a URL starting with ${schemes.map((scheme) => `${scheme}//`).join(' or ')}`);
      return text;
    }
    if (parsed.username || parsed.password) this.add(field, 'must not contain a user name or password (they belong in the keychain)');
    return options.keepPath ? text : text.replace(/\/+$/, '');
  }

  /** A 64-bit id as Dialpad sends it: digits only, kept as a string. */
  numericId(field: string, value: unknown, optional: boolean): string | null {
    if (value === undefined || value === null || value === '') {
      if (!optional) this.add(field, 'is required');
      return null;
    }
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{1,20}$/.test(text)) {
      this.add(field, 'must be a numeric id (digits only)');
      return null;
    }
    return text;
  }
}

export class ProfileValidationError extends Error {
  override readonly name = 'ProfileValidationError';

  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `The profile is not valid: ${problems[0]}.`
        : `The profile has ${problems.length} problems: ${problems.join('; ')}.`,
    );
  }
}
