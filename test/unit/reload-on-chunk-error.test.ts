// A chunk that fails to load reloads the page once a minute at most (src/app/reload-on-chunk-error.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootFailed, bootFailedMessage, reloadOnChunkError } from '@/app/reload-on-chunk-error';

function fakeWindow(storage: Storage | null) {
  const events = new EventTarget();
  const reload = vi.fn();
  const win = {
    addEventListener: events.addEventListener.bind(events),
    get sessionStorage() {
      if (!storage) throw new DOMException('blocked', 'SecurityError');
      return storage;
    },
    location: { reload },
  } as unknown as Window;
  reloadOnChunkError(win);
  return { fail: () => events.dispatchEvent(new Event('vite:preloadError')), reload };
}

afterEach(() => vi.useRealTimers());

describe('reloading after a chunk fails to load', () => {
  it('reloads once, not again within a minute, and again after it', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-03T10:00:00Z'));
    sessionStorage.clear();
    const { fail, reload } = fakeWindow(sessionStorage);
    fail();
    expect(reload).toHaveBeenCalledTimes(1);
    vi.setSystemTime(new Date('2026-12-03T10:00:30Z'));
    fail();
    expect(reload).toHaveBeenCalledTimes(1);
    vi.setSystemTime(new Date('2026-12-03T10:01:01Z'));
    fail();
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('never reloads when sessionStorage cannot be used, so it cannot loop', () => {
    const { fail, reload } = fakeWindow(null);
    fail();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('when the start-up code fails to load', () => {
  const frame = () => {
    const root = document.createElement('div');
    const header = document.createElement('header');
    header.textContent = 'Header';
    const main = document.createElement('main');
    const h1 = document.createElement('h1');
    h1.textContent = 'Apply';
    main.append(h1);
    root.append(header, main);
    return root;
  };
  const windowWith = (storage: Storage | null) => {
    const reload = vi.fn();
    const win = {
      document,
      get sessionStorage() {
        if (!storage) throw new DOMException('blocked', 'SecurityError');
        return storage;
      },
      location: { reload },
    } as unknown as Window;
    return { win, reload };
  };

  it('reloads once, leaving the page as it is', () => {
    sessionStorage.clear();
    const root = frame();
    const { win, reload } = windowWith(sessionStorage);
    bootFailed(root, win);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(root.querySelector('main')?.textContent).toBe('Apply');
  });

  it('says so in the main landmark when it has just reloaded, or cannot', () => {
    for (const storage of [sessionStorage, null]) {
      sessionStorage.clear();
      sessionStorage.setItem('aqp-reloaded-after-chunk-error', String(Date.now()));
      const root = frame();
      const { win, reload } = windowWith(storage);
      bootFailed(root, win);
      expect(reload).not.toHaveBeenCalled();
      expect(root.querySelector('main [role="alert"]')?.textContent).toBe(bootFailedMessage);
      expect(root.querySelector('header')?.textContent).toBe('Header');
    }
  });
});
