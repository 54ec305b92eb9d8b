import { shortcutFor, type ShortcutAction } from './keyboard';

/** Returns false to decline, so the key goes to an earlier handler or back to the browser. */
export type ShortcutHandler = () => boolean | void;
export type ShortcutHandlers = Partial<Record<ShortcutAction, ShortcutHandler>>;

const layers: ShortcutHandlers[] = [];

/**
 * Lets a component handle the shortcuts it owns, e.g. in a Svelte component:
 * `$effect(() => registerShortcuts({ 'select-next': () => { … } }))`.
 * The newest registration is asked first (an open overlay wins over the view under it); one
 * keydown listener on the window serves them all while any is registered.
 */
export function registerShortcuts(handlers: ShortcutHandlers): () => void {
  layers.push(handlers);
  if (layers.length === 1) window.addEventListener('keydown', onKeydown);
  return () => {
    const index = layers.lastIndexOf(handlers);
    if (index !== -1) layers.splice(index, 1);
    if (layers.length === 0) window.removeEventListener('keydown', onKeydown);
  };
}

function onKeydown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const action = shortcutFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    target: event.target instanceof HTMLElement ? event.target : null,
    hasTextSelection: (window.getSelection()?.toString() ?? '') !== '',
  });
  if (action === null) return;
  for (let index = layers.length - 1; index >= 0; index--) {
    const handler = layers[index]![action];
    if (handler && handler() !== false) {
      event.preventDefault();
      return;
    }
  }
}
