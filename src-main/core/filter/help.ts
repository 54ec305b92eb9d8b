/** The syntax help the filter bar shows; one place, so the UI and the docs say the same thing. */
export interface FilterHelpEntry {
  example: string;
  meaning: string;
}

export const FILTER_HELP: readonly FilterHelpEntry[] = [
  { example: 'state = hangup', meaning: 'payload field equals a value (strings are case-sensitive)' },
  { example: 'direction != inbound', meaning: 'not equal; also matches events without the field' },
  { example: 'duration > 60000', meaning: 'numbers compare numerically: > >= < <=' },
  { example: 'target.name ~ /smith/i', meaning: 'regex on a nested field (i = ignore case)' },
  { example: 'exists(recording_details)', meaning: 'the field is present and not null' },
  { example: '@type = call.ringing', meaning: '@ names event fields: @type @topic @provider @connection @callId @seq @summary @receivedAt @occurredAt' },
  { example: 'smith "Sales queue"', meaning: 'bare words and quoted phrases: full-text search' },
  { example: '(state = hangup OR state = missed) AND NOT direction = outbound', meaning: 'AND, OR, NOT (any case) and parentheses; adjacent terms are ANDed' },
  { example: 'is_transferred = true', meaning: 'true, false and null match JSON literals; quote them to mean text' },
];
