/**
 * A Svelte action for popups (menus, panels): `close` runs on a click outside `node` or on Escape,
 * so every popup on a page dismisses the same way. It is given the event, so a menu can tell a key
 * (focus goes back to its button) from a click elsewhere (focus stays where the person clicked).
 */
export function dismissable(node: HTMLElement, close: (event: MouseEvent | KeyboardEvent) => void) {
  let current = close;
  const away = (event: MouseEvent) => {
    if (event.target instanceof Node && !node.contains(event.target)) current(event);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') current(event);
  };
  document.addEventListener('click', away, true);
  document.addEventListener('keydown', escape);
  return {
    update(next: (event: MouseEvent | KeyboardEvent) => void) {
      current = next;
    },
    destroy() {
      document.removeEventListener('click', away, true);
      document.removeEventListener('keydown', escape);
    },
  };
}
