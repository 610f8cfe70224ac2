/**
 * Rendering what is already loaded without suspending (issue 13). React shows a Suspense
 * boundary's fallback whenever a lazy component or `use(promise)` is not ready on the first
 * render, and then holds back the real content for up to 300 ms after a fallback was shown (its
 * throttle for revealing content). Boot waits for what the first screen needs (storage, the page's
 * code, config.json) before it renders, so these helpers let React see that it is ready:
 *
 * - `settled(promise)` records the outcome on the promise as `status` and `value` (or `reason`),
 *   the fields `use()` reads to return at once (the same convention TanStack Query uses for its
 *   promises). A promise still pending suspends as before.
 * - `preloadable(load)` is `lazy(load)` that, once its module has loaded (by `preload()` or an
 *   earlier render), renders the component directly, and whose `preload()` returns the promise.
 */
import { createElement, lazy, type ComponentType } from 'react';

type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** The same promise, marked with its outcome when it settles, so `use()` need not suspend. */
export function settled<T>(promise: Promise<T>): Promise<T> {
  const tracked = promise as Tracked<T>;
  if (tracked.status) return promise;
  tracked.status = 'pending';
  tracked.then(
    (value) => {
      tracked.status = 'fulfilled';
      tracked.value = value;
    },
    (reason: unknown) => {
      tracked.status = 'rejected';
      tracked.reason = reason;
    },
  );
  return promise;
}

/** The value of a promise marked by `settled` that has fulfilled, else undefined (pending or failed). */
export function settledValue<T>(promise: Promise<T> | undefined): T | undefined {
  const tracked = promise as Tracked<T> | undefined;
  return tracked?.status === 'fulfilled' ? tracked.value : undefined;
}

export type Preloadable<P> = ComponentType<P> & {
  /** Starts loading the module (once); resolves when it has loaded, and never rejects. */
  readonly preload: () => Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React's own lazy()
export function preloadable<P extends Record<string, any>>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = undefined; // a later render tries again, and reports the failure there
        throw error;
      },
    ));
  const Lazy = lazy(start);
  const Component = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Component, {
    preload: () =>
      start().then(
        () => undefined,
        () => undefined,
      ),
  });
}
