/**
 * A button pressed on the list painted before the app loaded (pre-paint.tsx) is pressed again on
 * the app's own copy once it has mounted (issue 13): "Show 20 more", "Delete" or "Download a
 * backup" clicked in the moment before the app answers is not lost. The clicks are held (in order,
 * each by the key keep-focus.ts uses to match a control) and replayed once; a button the app no
 * longer shows by then (its card deleted by an earlier click, say) is skipped. Links need none of
 * this: they change the address, which the app reads when it mounts.
 */
import { controlWithKey, keyOf } from './keep-focus';

export interface HeldClicks {
  /** Stops holding clicks and presses the app's copy of each button pressed meanwhile. */
  replay(): void;
}

export function holdClicks(root: HTMLElement): HeldClicks {
  const pressed: string[] = [];
  const hold = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target || !root.contains(target)) return;
    event.preventDefault();
    event.stopPropagation();
    pressed.push(keyOf(target));
  };
  root.addEventListener('click', hold, true);
  return {
    replay() {
      root.removeEventListener('click', hold, true);
      for (const key of pressed.splice(0)) controlWithKey(root, key)?.click();
    },
  };
}
