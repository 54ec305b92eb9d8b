/** A decoded JSON object, read only through the helpers below. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Own properties only: a frame that names a key `constructor` or `__proto__` must never make us
 * read an inherited member of Object.prototype.
 */
export function field(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** True when the key is present with a value other than null. */
export function hasField(obj: JsonObject, key: string): boolean {
  const value = field(obj, key);
  return value !== undefined && value !== null;
}

export function objectField(obj: JsonObject | null, key: string): JsonObject | null {
  if (obj === null) return null;
  const value = field(obj, key);
  return isJsonObject(value) ? value : null;
}

export function arrayField(obj: JsonObject | null, key: string): readonly unknown[] | null {
  if (obj === null) return null;
  const value = field(obj, key);
  return Array.isArray(value) ? value : null;
}

/** The non-empty strings of an array field, or of a field holding one string. */
export function textListField(obj: JsonObject | null, key: string): string[] {
  const list = arrayField(obj, key);
  if (list === null) {
    const single = textField(obj, key);
    return single === null ? [] : [single];
  }
  return list.filter((item): item is string => typeof item === 'string' && item.length > 0);
}

/** A non-empty string, or a number or boolean as text (providers send numbers as strings and back). */
export function textField(obj: JsonObject | null, key: string): string | null {
  if (obj === null) return null;
  const value = field(obj, key);
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A finite number, also when sent as a numeric string. */
export function numberField(obj: JsonObject | null, key: string): number | null {
  if (obj === null) return null;
  const value = field(obj, key);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim().length > 0) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
