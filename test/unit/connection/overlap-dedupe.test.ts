import { describe, expect, it } from 'vitest';
import { OverlapDedupe } from '../../../src-main/core/connection/overlap-dedupe';
import type { RawFrame } from '../../../src-main/core/providers/frame';

const OLD = 1;
const NEW = 2;

function frame(text: string, receivedAt: number, isBinary = false): RawFrame {
  return { data: Buffer.from(text), isBinary, receivedAt };
}

function activeDedupe(windowMs = 1000): OverlapDedupe {
  const dedupe = new OverlapDedupe(windowMs);
  dedupe.begin();
  return dedupe;
}

describe('OverlapDedupe', () => {
  it('drops the copy of a frame already delivered by the other socket', () => {
    const dedupe = activeDedupe();
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    expect(dedupe.admit(NEW, frame('a', 20))).toBe(false);
  });

  it('works whichever socket delivers first', () => {
    const dedupe = activeDedupe();
    expect(dedupe.admit(NEW, frame('a', 10))).toBe(true);
    expect(dedupe.admit(OLD, frame('a', 20))).toBe(false);
  });

  it('keeps identical frames on the same socket: those are the provider duplicates', () => {
    const dedupe = activeDedupe();
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    expect(dedupe.admit(OLD, frame('a', 11))).toBe(true);
  });

  it('matches copies one to one', () => {
    const dedupe = activeDedupe();
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    expect(dedupe.admit(OLD, frame('a', 11))).toBe(true);
    expect(dedupe.admit(NEW, frame('a', 12))).toBe(false);
    expect(dedupe.admit(NEW, frame('a', 13))).toBe(false);
    expect(dedupe.admit(NEW, frame('a', 14))).toBe(true);
  });

  it('does not confuse a text frame with a binary frame of the same bytes', () => {
    const dedupe = activeDedupe();
    expect(dedupe.admit(OLD, frame('a', 10, false))).toBe(true);
    expect(dedupe.admit(NEW, frame('a', 11, true))).toBe(true);
  });

  it('forgets frames older than the window', () => {
    const dedupe = activeDedupe(100);
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    expect(dedupe.admit(NEW, frame('a', 200))).toBe(true);
  });

  it('passes everything through when no overlap is going on', () => {
    const dedupe = new OverlapDedupe(1000);
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    expect(dedupe.admit(NEW, frame('a', 11))).toBe(true);
  });

  it('keeps matching for one window after the overlap ends, then stops', () => {
    const dedupe = activeDedupe(100);
    expect(dedupe.admit(OLD, frame('a', 10))).toBe(true);
    dedupe.endAfterWindow(50);
    expect(dedupe.admit(NEW, frame('a', 60))).toBe(false);
    expect(dedupe.admit(OLD, frame('b', 140))).toBe(true);
    expect(dedupe.admit(NEW, frame('b', 160))).toBe(true);
  });
});
