import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyInput } from '../../../src-renderer/src/lib/keyboard';
import { stepSelection } from '../../../src-renderer/src/lib/list-navigation';

const body = { tagName: 'BODY' };
const press = (key: string, overrides: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: body,
  hasTextSelection: false,
  ...overrides,
});

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press('j'))).toBe('select-next');
    expect(shortcutFor(press('ArrowDown'))).toBe('select-next');
    expect(shortcutFor(press('k'))).toBe('select-previous');
    expect(shortcutFor(press('ArrowUp'))).toBe('select-previous');
    expect(shortcutFor(press('J'))).toBe('select-next');
    expect(shortcutFor(press(' '))).toBe('toggle-pause');
    expect(shortcutFor(press('Escape'))).toBe('clear-selection');
    expect(shortcutFor(press('?'))).toBe('show-help');
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBe('focus-filter');
    expect(shortcutFor(press('f', { metaKey: true }))).toBe('focus-filter');
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBe('copy-selected');
    expect(shortcutFor(press('c', { metaKey: true }))).toBe('copy-selected');
  });

  it('leaves keys to a field the user is typing in', () => {
    for (const target of [
      { tagName: 'INPUT' },
      { tagName: 'input', type: 'search' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      for (const key of ['j', 'k', ' ', 'ArrowDown', 'ArrowUp', 'Escape', '?']) expect(shortcutFor(press(key, { target }))).toBeNull();
      expect(shortcutFor(press('c', { ctrlKey: true, target }))).toBeNull();
      // Find still reaches the filter from inside another field.
      expect(shortcutFor(press('f', { ctrlKey: true, target }))).toBe('focus-filter');
    }
  });

  it('keeps shortcuts on non-text inputs and buttons', () => {
    expect(shortcutFor(press(' ', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('toggle-pause');
    expect(shortcutFor(press('j', { target: { tagName: 'BUTTON' } }))).toBe('select-next');
    expect(shortcutFor(press('j', { target: null }))).toBe('select-next');
  });

  it('lets the browser copy selected text, and ignores other modified keys', () => {
    expect(shortcutFor(press('c', { ctrlKey: true, hasTextSelection: true }))).toBeNull();
    expect(shortcutFor(press('c'))).toBeNull();
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('f', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('documents every action in the help overlay', () => {
    const actions = new Set(SHORTCUTS.map((shortcut) => shortcut.action));
    for (const key of ['j', 'k', ' ', 'Escape', '?']) expect(actions.has(shortcutFor(press(key))!)).toBe(true);
    expect(actions.has('focus-filter') && actions.has('copy-selected')).toBe(true);
  });
});

describe('stepSelection', () => {
  const events = [{ seq: 3 }, { seq: 5 }, { seq: 9 }];

  it('moves one event down or up and stops at the ends', () => {
    expect(stepSelection(events, 5, 1)).toEqual({ seq: 9 });
    expect(stepSelection(events, 5, -1)).toEqual({ seq: 3 });
    expect(stepSelection(events, 9, 1)).toEqual({ seq: 9 });
    expect(stepSelection(events, 3, -1)).toEqual({ seq: 3 });
  });

  it('starts at the newest event when nothing (visible) is selected', () => {
    expect(stepSelection(events, null, 1)).toEqual({ seq: 9 });
    expect(stepSelection(events, 42, -1)).toEqual({ seq: 9 });
    expect(stepSelection([], null, 1)).toBeNull();
  });
});
