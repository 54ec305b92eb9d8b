/** What the core said, without the transport's wrapping (Electron prefixes "Error invoking remote method …: Error: "). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

export interface ProfileProblems {
  /** Field path (`url`, `headers[0].name`, `oauth.clientId`) to its messages. */
  byField: Record<string, string[]>;
  /** Whatever could not be tied to a field: shown at the top of the form. */
  general: string[];
}

const FIELD_PROBLEM = /^([A-Za-z][\w.]*(?:\[\d+\][\w.]*)*): (.+)$/;

/**
 * The core names every invalid field in one message ("The profile has 2 problems: url: must be
 * …; name: is required."): split it back into per-field messages so each shows next to its field.
 */
export function parseProfileProblems(message: string): ProfileProblems {
  const listed = /^The profile (?:is not valid|has \d+ problems): (.*?)\.?$/s.exec(message);
  if (listed === null) return { byField: {}, general: [message] };
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const part of listed[1]!.split(/; (?=[A-Za-z][\w.[\]]*: )/)) {
    const match = FIELD_PROBLEM.exec(part);
    if (match === null) general.push(part);
    else (byField[match[1]!] ??= []).push(match[2]!);
  }
  return { byField, general };
}

/** Messages for one field and everything under it (`headers` also collects `headers[2].name`, shown as `#3 name: …`). */
export function problemsUnder(problems: ProfileProblems, field: string): string[] {
  return Object.entries(problems.byField)
    .filter(([path]) => path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`))
    .flatMap(([path, messages]) => messages.map((message) => (path === field ? message : `${readablePath(path.slice(field.length))}: ${message}`)));
}

function readablePath(subPath: string): string {
  return subPath
    .replace(/\[(\d+)\]/g, (_match, index: string) => ` #${Number(index) + 1}`)
    .replace(/\./g, ' ')
    .trim();
}

export const NO_PROBLEMS: ProfileProblems = { byField: {}, general: [] };
