import type { BoardAgentStatus, BoardCall, BoardCallOutcome, BoardCallState } from '../../../../src-main/core/api';

export const STATE_LABELS: Record<BoardCallState, string> = {
  calling: 'Calling',
  ringing: 'Ringing',
  flow: 'In flow',
  queued: 'Queued',
  connected: 'Connected',
  hold: 'On hold',
  voicemail: 'Voicemail',
};

export const OUTCOME_LABELS: Record<BoardCallOutcome, string> = {
  answered: 'Answered',
  voicemail: 'Voicemail',
  abandoned: 'Abandoned',
  missed: 'Missed',
  no_answer: 'No answer',
};

export const AGENT_STATUS_LABELS: Record<BoardAgentStatus, string> = {
  available: 'Available',
  occupied: 'On a call',
  wrapup: 'Wrap-up',
  busy: 'Busy',
  unavailable: 'Unavailable',
  offline: 'Offline',
};

/** `m:ss`, or `h:mm:ss` past an hour; a provider clock slightly ahead of ours reads as 0:00. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "12 s ago", "4 min ago", "2 h 5 min ago": how long since a call ended, at a glance. */
export function formatAgo(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min ago`;
}

/** "+1 415 555 0101" for North American numbers; anything else as sent. */
export function formatNumber(number: string | null): string {
  if (number === null) return '—';
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return match ? `+1 ${match[1]} ${match[2]} ${match[3]}` : number;
}

/** The outside party: contact name when known, else the number. */
export function callerLabel(call: BoardCall): string {
  return call.contactName ?? formatNumber(call.externalNumber);
}
