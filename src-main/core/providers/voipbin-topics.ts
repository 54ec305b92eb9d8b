import type { VoipbinProfile, VoipbinTopicWarning } from '../api';

/** `customer_id:<uuid>[:<resource>[:<id>]]` or `agent_id:<uuid>[:...]` (PROTOCOLS.md, VoIPBin). */
const TOPIC = /^(customer_id|agent_id):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[^:*\s]+)*$/i;

/**
 * What is wrong with a topic list before it reaches VoIPBin, which answers a bad topic by
 * dropping the socket without a word, and a `*` by matching nothing.
 */
export function checkVoipbinTopics(topics: readonly string[], credential: VoipbinProfile['credential'] | null): VoipbinTopicWarning[] {
  const warnings: VoipbinTopicWarning[] = [];
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic)) {
      warnings.push({ topic, problem: 'duplicate', message: 'This topic is listed twice.', suggestion: null });
      continue;
    }
    seen.add(topic);
    if (topic.includes('*')) {
      const stripped = topic.replace(/(:\*)+$/, '').replace(/\*/g, '');
      warnings.push({
        topic,
        problem: 'wildcard',
        message: `VoIPBin has no "*" wildcard: topics match as plain prefixes, so this one matches nothing. "${stripped}" already covers everything below it.`,
        suggestion: TOPIC.test(stripped) ? stripped : null,
      });
      continue;
    }
    if (!TOPIC.test(topic)) {
      warnings.push({
        topic,
        problem: 'malformed',
        message: 'Not a VoIPBin topic: expected customer_id:<uuid>[:<resource>[:<id>]] or agent_id:<uuid>[:...]. The server drops the connection on a malformed topic.',
        suggestion: null,
      });
      continue;
    }
    if (credential === 'accessKey' && topic.toLowerCase().startsWith('agent_id:')) {
      warnings.push({
        topic,
        problem: 'agent_topic_with_access_key',
        message: 'Access keys cannot subscribe to agent_id topics: the server would drop the connection. Use a customer_id topic, or log in as the agent.',
        suggestion: null,
      });
    }
  }
  return warnings;
}
