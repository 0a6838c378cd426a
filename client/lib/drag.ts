import type { ItemRef } from '../../shared/meeting/index.ts';

/** Marks a drop zone: the theme id, or "none" for the pool of items without a theme. */
export const DROP_ATTRIBUTE = 'data-drop-theme';

const MIME = 'application/x-kadence-item';

export function startMouseDrag(event: DragEvent, item: ItemRef): void {
  // A comment sits inside its draggable card: keep the card from overwriting what is dragged.
  event.stopPropagation();
  event.dataTransfer?.setData(MIME, JSON.stringify(item));
  event.dataTransfer?.setData('text/plain', JSON.stringify(item));
  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
}

const isItemRef = (value: unknown): value is ItemRef =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  'id' in value &&
  (value.kind === 'card' || value.kind === 'comment') &&
  typeof value.id === 'string';

/** The item a mouse drop carries, or null when it is not one of ours. */
export function droppedItem(event: DragEvent): ItemRef | null {
  const raw = event.dataTransfer?.getData(MIME) || event.dataTransfer?.getData('text/plain');
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isItemRef(parsed) ? { kind: parsed.kind, id: parsed.id } : null;
  } catch {
    return null;
  }
}

/** The theme under a point: a theme id, null for the pool, undefined when not over a drop zone. */
export function themeAt(x: number, y: number): number | null | undefined {
  const zone = document.elementFromPoint(x, y)?.closest(`[${DROP_ATTRIBUTE}]`);
  const value = zone?.getAttribute(DROP_ATTRIBUTE);
  if (value === undefined || value === null) return undefined;
  return value === 'none' ? null : Number(value);
}

/**
 * Dragging with a finger (touch has no HTML drag and drop): the item follows the pointer as a lifted
 * copy, and is moved to the theme under the finger when it is lifted there.
 */
export function touchDrag(event: PointerEvent, onDrop: (themeId: number | null) => void): void {
  if (event.pointerType === 'mouse') return;
  const source = event.currentTarget;
  if (!(source instanceof HTMLElement)) return;
  event.preventDefault();
  source.setPointerCapture(event.pointerId);
  const ghost = source.cloneNode(true);
  if (!(ghost instanceof HTMLElement)) return;
  const box = source.getBoundingClientRect();
  Object.assign(ghost.style, {
    position: 'fixed',
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.width}px`,
    pointerEvents: 'none',
    opacity: '0.85',
    zIndex: '50',
    boxShadow: '0 8px 24px #0003',
  });
  document.body.append(ghost);
  const dx = event.clientX - box.left;
  const dy = event.clientY - box.top;
  const move = (e: PointerEvent) => {
    ghost.style.left = `${e.clientX - dx}px`;
    ghost.style.top = `${e.clientY - dy}px`;
  };
  const end = (e: PointerEvent) => {
    ghost.remove();
    source.removeEventListener('pointermove', move);
    source.removeEventListener('pointerup', end);
    source.removeEventListener('pointercancel', cancel);
    const target = themeAt(e.clientX, e.clientY);
    if (target !== undefined) onDrop(target);
  };
  const cancel = () => {
    ghost.remove();
    source.removeEventListener('pointermove', move);
    source.removeEventListener('pointerup', end);
    source.removeEventListener('pointercancel', cancel);
  };
  source.addEventListener('pointermove', move);
  source.addEventListener('pointerup', end);
  source.addEventListener('pointercancel', cancel);
}
