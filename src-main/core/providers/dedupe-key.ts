import { hash } from 'node:crypto';

/**
 * For frames with no natural identity (no id or no time): the same bytes twice on one connection
 * are one event delivered twice (rotation overlap, double topic match). A digest keeps the dedupe
 * set small however large the frame.
 */
export function frameDigestKey(raw: string): string {
  return `frame:${hash('sha1', raw, 'base64url')}`;
}
