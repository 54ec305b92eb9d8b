/** What each keyboard shortcut asks the app to do; the views that own the state carry them out. */
export type ShortcutAction =
  | 'focus-filter'
  | 'toggle-pause'
  | 'select-next'
  | 'select-previous'
  | 'copy-selected'
  | 'clear-selection'
  | 'show-help';

/** The parts of a keydown event the mapping reads; structural so it runs (and is tested) without a DOM. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where focus is: typing into a field keeps its keys. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  /** Text the user selected on the page: Ctrl/Cmd+C must copy that, as everywhere else. */
  hasTextSelection: boolean;
}

export interface ShortcutDescription {
  keys: string[];
  action: ShortcutAction;
  description: string;
}

/** For the help overlay, in the order a newcomer needs them. */
export const SHORTCUTS: readonly ShortcutDescription[] = [
  { keys: ['j', '↓'], action: 'select-next', description: 'Next event' },
  { keys: ['k', '↑'], action: 'select-previous', description: 'Previous event' },
  { keys: ['Esc'], action: 'clear-selection', description: 'Close the inspector' },
  { keys: ['Space'], action: 'toggle-pause', description: 'Pause or resume the live stream' },
  { keys: ['Ctrl/⌘', 'F'], action: 'focus-filter', description: 'Filter events' },
  { keys: ['Ctrl/⌘', 'C'], action: 'copy-selected', description: "Copy the selected event's JSON (when no text is selected)" },
  { keys: ['?'], action: 'show-help', description: 'Show these shortcuts' },
];

// Inputs whose keys are not text entry: a checkbox or a button-like input may keep shortcuts.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

export function isTypingTarget(target: KeyInput['target']): boolean {
  if (target === null) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/** The action a key press triggers, or null to leave the key to the browser. */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  const withCommand = input.ctrlKey || input.metaKey;
  if (input.altKey) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (withCommand) {
    // Find works from anywhere, a field included: it is how you get to the filter field.
    if (key === 'f') return 'focus-filter';
    if (key === 'c' && !input.hasTextSelection && !isTypingTarget(input.target)) return 'copy-selected';
    return null;
  }
  if (isTypingTarget(input.target)) return null;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return 'select-next';
    case 'k':
    case 'ArrowUp':
      return 'select-previous';
    case ' ':
      return 'toggle-pause';
    case 'Escape':
      return 'clear-selection';
    case '?':
      return 'show-help';
    default:
      return null;
  }
}
