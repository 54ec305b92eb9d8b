import type { DialpadSubscriptionInfo, DialpadSubscriptionType } from '../../../src-main/core/api';

export interface SubscriptionTypeInfo {
  type: DialpadSubscriptionType;
  label: string;
  help: string;
}

export const SUBSCRIPTION_TYPES: readonly SubscriptionTypeInfo[] = [
  { type: 'call', label: 'Calls', help: 'Call state changes. Pick the states, or all of them.' },
  { type: 'sms', label: 'SMS', help: 'Text messages. A direction is required; message text needs the message_content_export scope.' },
  { type: 'agent_status', label: 'Agent status', help: 'Call-center agents going on and off duty. Needs a company admin API key.' },
  { type: 'contact', label: 'Contacts', help: 'Contacts created, updated and deleted. Needs a company admin API key.' },
  { type: 'changelog', label: 'Change log', help: 'Company configuration changes. Needs an admin key and the change_log scope.' },
];

/** Dialpad's call states (its OpenAPI spec); `all` means every one, present and future. */
export const CALL_STATES: readonly string[] = [
  'preanswer', 'calling', 'ringing', 'connected', 'merged', 'hold', 'queued', 'voicemail', 'voicemail_uploaded',
  'eavesdrop', 'monitor', 'barge', 'takeover', 'hangup', 'missed', 'blocked', 'admin', 'admin_recording', 'parked',
  'postcall', 'transcription', 'call_transcription', 'recording', 'csat', 'pcsat', 'dispositions', 'ai_playbook',
  'recap_summary', 'recap_outcome', 'recap_purposes', 'recap_action_items',
];

/** Dialpad's target types for a subscription scoped to one office, group or person. */
export const TARGET_TYPES: readonly string[] = ['company', 'office', 'department', 'callcenter', 'user', 'room', 'staffgroup', 'coachinggroup'];

export function subscriptionTypeLabel(type: DialpadSubscriptionType): string {
  return SUBSCRIPTION_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

/** One line about what a subscription delivers, from the fields Dialpad returned. */
export function subscriptionDetails(subscription: DialpadSubscriptionInfo): string {
  const fields = subscription.fields;
  const parts: string[] = [];
  const states = fields['call_states'];
  if (Array.isArray(states)) parts.push(`states: ${states.join(', ')}`);
  if (typeof fields['direction'] === 'string') parts.push(`direction: ${fields['direction']}`);
  if (fields['include_internal'] === true) parts.push('internal included');
  if (fields['group_calls_only'] === true) parts.push('group calls only');
  if (typeof fields['contact_type'] === 'string') parts.push(`contacts: ${fields['contact_type']}`);
  if (typeof fields['agent_type'] === 'string') parts.push(`agents: ${fields['agent_type']}`);
  if (typeof fields['target_type'] === 'string' && fields['target_id'] != null) parts.push(`target: ${fields['target_type']} ${String(fields['target_id'])}`);
  return parts.join(' · ');
}
