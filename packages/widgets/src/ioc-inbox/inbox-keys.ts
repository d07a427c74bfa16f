// The inbox's single-key shortcuts (listed for people in the messages'
// `shortcutList`). Ignored while typing in a field, with a modifier, or
// while a dialog is open.
export type InboxCommand = 'next' | 'previous' | 'toggle' | 'classify' | 'assign' | 'reject' | 'intake' | 'accept' | 'help' | 'search';

const KEYS: Readonly<Record<string, InboxCommand>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  x: 'toggle',
  c: 'classify',
  a: 'assign',
  r: 'reject',
  i: 'intake',
  s: 'accept',
  '?': 'help',
  '/': 'search',
};

const isTyping = (target: EventTarget | undefined) => target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && (target as HTMLInputElement).type !== 'checkbox';

/** The command a key press asks for, or null. */
export function inboxCommand(event: KeyboardEvent): InboxCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.composedPath()[0])) return null;
  return Object.hasOwn(KEYS, event.key) ? KEYS[event.key]! : null;
}
