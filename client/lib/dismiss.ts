/**
 * A Svelte action for popups (menus, panels): `close` runs on a click outside `node` or on Escape,
 * so every popup on a page dismisses the same way.
 */
export function dismissable(node: HTMLElement, close: () => void) {
  let current = close;
  const away = (event: MouseEvent) => {
    if (event.target instanceof Node && !node.contains(event.target)) current();
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') current();
  };
  document.addEventListener('click', away, true);
  document.addEventListener('keydown', escape);
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      document.removeEventListener('click', away, true);
      document.removeEventListener('keydown', escape);
    },
  };
}
