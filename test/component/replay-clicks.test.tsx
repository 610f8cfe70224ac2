// A button pressed on the list painted before the app loaded is pressed again on the app's copy
// once it has mounted (src/app/replay-clicks.ts): held clicks do nothing at the time and reach
// nothing else, are replayed once and in order on the control with the same key, and a button the
// app no longer shows is skipped; links and clicks outside the painted page are left alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdClicks } from '@/app/replay-clicks';

function button(text: string, onClick?: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'app-link-button';
  b.textContent = text;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

afterEach(() => document.body.replaceChildren());

describe('holdClicks', () => {
  it('holds clicks on buttons and replays them on the app’s copies, once, in order', () => {
    const root = document.body.appendChild(document.createElement('div'));
    const outside = vi.fn();
    document.body.addEventListener('click', outside);
    const early = vi.fn();
    root.append(button('Show 5 more', early), button('Delete the application for Oak'), button('Delete Elm'));
    const held = holdClicks(root);
    const [more, oak, elm] = [...root.querySelectorAll('button')];
    more?.click();
    elm?.click();
    oak?.click();
    expect(early).not.toHaveBeenCalled();
    expect(outside).not.toHaveBeenCalled();

    // The app mounts: its own copies, with their handlers; Elm's card is gone.
    const pressed: string[] = [];
    root.replaceChildren(
      button('Show 5 more', () => pressed.push('more')),
      button('Delete the application for Oak', () => pressed.push('oak')),
    );
    held.replay();
    expect(pressed).toEqual(['more', 'oak']);
    held.replay();
    expect(pressed, 'replayed once').toEqual(['more', 'oak']);
    root.querySelector('button')?.click();
    expect(pressed, 'clicks after the replay reach the app').toEqual(['more', 'oak', 'more']);
    document.body.removeEventListener('click', outside);
  });

  it('leaves links and clicks outside the painted page alone', () => {
    const root = document.body.appendChild(document.createElement('div'));
    const link = root.appendChild(document.createElement('a'));
    link.href = '#/applications/app-1';
    const other = document.body.appendChild(button('Elsewhere'));
    const seen = vi.fn((event: Event) => event.defaultPrevented);
    document.addEventListener('click', seen);
    holdClicks(root);
    link.click();
    other.click();
    expect(seen.mock.results.map((r) => r.value)).toEqual([false, false]);
    document.removeEventListener('click', seen);
  });
});
