/** One step into a JSON value: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The path an engineer pastes into a filter, a script or a ticket: `target.name`,
 * `recording_details[0].url`; keys that are not identifiers are quoted (`headers["x-id"]`).
 * The root itself has the empty path.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path.length === 0 ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** What "copy value" puts on the clipboard: strings bare (an id pastes as the id), the rest as JSON. */
export function formatCopiedValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}
