import type { DialpadSubscriptionInput, DialpadSubscriptionType, OpentactSubscriptionInput } from '../api';
import { InvalidRequestError, requireString } from '../api-validation';
import { DIALPAD_SUBSCRIPTION_TYPES } from '../profiles/validate';

/** Subscription requests cross the trust boundary: only the documented fields, each checked. */
export function parseDialpadSubscriptionInput(value: unknown): DialpadSubscriptionInput {
  const input = record(value, 'The subscription');
  const input_: DialpadSubscriptionInput = { type: requireDialpadType(input['type']) };
  const flag = (key: 'enabled' | 'groupCallsOnly' | 'includeInternal' | 'status') => {
    if (input[key] === undefined) return;
    if (typeof input[key] !== 'boolean') throw new InvalidRequestError(`${key} must be true or false.`);
    input_[key] = input[key];
  };
  flag('enabled');
  flag('groupCallsOnly');
  flag('includeInternal');
  flag('status');
  if (input['websocketId'] !== undefined) input_.websocketId = numericId(input['websocketId'], 'websocketId');
  if (input['callStates'] !== undefined) {
    const states = input['callStates'];
    if (!Array.isArray(states) || states.length === 0 || states.length > 50 || !states.every((state) => typeof state === 'string' && /^[a-z_]{1,40}$/.test(state))) {
      throw new InvalidRequestError('callStates must be a non-empty list of call state names (e.g. ["all"] or ["ringing", "hangup"]).');
    }
    input_.callStates = states as string[];
  }
  if (input['targetType'] !== undefined || input['targetId'] !== undefined) {
    input_.targetType = requireString(input['targetType'], 'targetType');
    input_.targetId = numericId(input['targetId'], 'targetId');
  }
  if (input['direction'] !== undefined) input_.direction = oneOf(input['direction'], 'direction', ['all', 'inbound', 'outbound'] as const);
  if (input['agentType'] !== undefined) input_.agentType = oneOf(input['agentType'], 'agentType', ['callcenter'] as const);
  if (input['contactType'] !== undefined) input_.contactType = oneOf(input['contactType'], 'contactType', ['local', 'shared'] as const);
  return input_;
}

export function parseOpentactSubscriptionInput(value: unknown): OpentactSubscriptionInput {
  const input = record(value, 'The subscription');
  const type = requireString(input['type'], 'type');
  const parsed: OpentactSubscriptionInput = { type };
  if (input['expiredOn'] !== undefined) {
    if (typeof input['expiredOn'] !== 'string' || Number.isNaN(Date.parse(input['expiredOn']))) {
      throw new InvalidRequestError('expiredOn must be an ISO date.');
    }
    parsed.expiredOn = new Date(input['expiredOn']).toISOString();
  }
  if (input['isActive'] !== undefined) {
    if (typeof input['isActive'] !== 'boolean') throw new InvalidRequestError('isActive must be true or false.');
    parsed.isActive = input['isActive'];
  }
  return parsed;
}

export function requireDialpadType(value: unknown): DialpadSubscriptionType {
  return oneOf(value, 'type', DIALPAD_SUBSCRIPTION_TYPES);
}

export function numericId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) throw new InvalidRequestError(`${name} must be a numeric id as a string.`);
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InvalidRequestError(`${name} must be one of ${allowed.join(', ')}.`);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequestError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}
