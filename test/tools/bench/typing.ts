/**
 * Typing into the longest page: input latency and time to durable.
 *
 * Input latency: the Event Timing API (PerformanceObserver, type "event", durationThreshold 16,
 * buffered) reports each keyboard and input event that took 16 ms or more from the key press
 * (the event's timeStamp) to the next frame painted after its handlers ran. A keystroke's latency
 * is the longest such event between its keydown and the next keydown (keydown, keypress,
 * beforeinput, input, keyup); a keystroke with no entry took under 16 ms and counts as 16.
 *
 * Time to durable: from the last keystroke's keydown to the moment a read of IndexedDB, made from
 * the page with the raw indexedDB API (a separate connection, read-only transactions every 16 ms),
 * returns the stored record with the typed text. That is the record committed where any reader,
 * and a reload, sees it (the app's autosave writes with the default durability, so the disk flush
 * itself may come later).
 */
import type { Page } from 'playwright-core';
import { percentile } from './stats';

export interface TypingTarget {
  /** The field's DOM id. */
  readonly domId: string;
  readonly questionId: string;
  /** The IndexedDB store and key of the record holding the answer. */
  readonly store: 'applications' | 'profiles';
  readonly key: string;
  readonly databaseName: string;
}

export interface TypingTrial {
  readonly keystrokes: number;
  /** Keystrokes whose latency was reported (16 ms or more). */
  readonly reported: number;
  readonly p98Ms: number;
  readonly maxMs: number;
  /**
   * The slowest keystroke: its events over 16 ms, each with its duration and its handlers' time
   * (processingEnd − processingStart); the rest of a duration is waiting (for an earlier task, or
   * for the frame: style, layout, paint).
   */
  readonly slowest: readonly { readonly name: string; readonly durationMs: number; readonly processingMs: number }[];
  readonly durableMs: number;
  /** Long tasks (over 50 ms) from the first keystroke until the answer was durable. */
  readonly longTasks: readonly number[];
}

interface EventRecord {
  name: string;
  startTime: number;
  duration: number;
  processing: number;
}
interface Probe {
  events: EventRecord[];
  keys: number[];
  longTasks: { start: number; duration: number }[];
}
type ProbeWindow = Window & { __benchTyping?: Probe };

/** Installs the observers in the page (once, after it has loaded). */
export async function installTypingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = { events: [], keys: [], longTasks: [] };
    (window as ProbeWindow).__benchTyping = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        probe.events.push({
          name: e.name,
          startTime: e.startTime,
          duration: e.duration,
          processing: e.processingEnd - e.processingStart,
        });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('keydown', (e) => probe.keys.push(e.timeStamp), { capture: true });
  });
}

const keyEvents = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);

/** Polls the database from the page until the answer ends with `typed`; returns performance.now() then. */
function pollDurable(page: Page, target: TypingTarget, typed: string): Promise<number> {
  return page.evaluate(
    async ({ databaseName, store, key, questionId, typed: expected }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(databaseName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      db.onversionchange = () => db.close();
      const read = () =>
        new Promise<unknown>((resolve) => {
          const request = db.transaction(store, 'readonly').objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(undefined);
        });
      try {
        const deadline = performance.now() + 30_000;
        while (performance.now() < deadline) {
          const record = (await read()) as { answers?: Record<string, unknown> } | undefined;
          const answer = record?.answers?.[questionId];
          if (typeof answer === 'string' && answer.endsWith(expected)) return performance.now();
          await new Promise((resolve) => setTimeout(resolve, 16));
        }
        throw new Error('The typed answer did not reach IndexedDB within 30 s.');
      } finally {
        db.close();
      }
    },
    { ...target, typed },
  );
}

/**
 * Types `text` at the end of the field, key by key `delayMs` apart, and measures one trial. Only
 * printable ASCII: Playwright inserts other characters without key events, which would hide them
 * from the per-keystroke count.
 */
export async function typingTrial(
  page: Page,
  target: TypingTarget,
  text: string,
  delayMs: number,
): Promise<TypingTrial> {
  if (!/^[\x20-\x7e]+$/.test(text)) throw new Error('Type printable ASCII only, so every character is a key press.');
  const field = page.locator(`#${target.domId}`);
  await field.click();
  await page.keyboard.press('Control+End');
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.type(text, { delay: delayMs });
  const durableAt = await pollDurable(page, target, text);
  await page.waitForTimeout(300); // Event Timing entries arrive after the frame they wait for
  const probe = await page.evaluate((since) => {
    const p = (window as ProbeWindow).__benchTyping;
    if (!p) throw new Error('no typing probe');
    return {
      events: p.events.filter((e) => e.startTime >= since),
      keys: p.keys.filter((k) => k >= since),
      longTasks: p.longTasks.filter((t) => t.start + t.duration >= since),
    };
  }, t0);
  const events = probe.events.filter((e) => keyEvents.has(e.name));
  const perKey = probe.keys.map((key, i) =>
    events.filter((e) => e.startTime >= key && e.startTime < (probe.keys[i + 1] ?? Infinity)),
  );
  const latencies = perKey.map((mine) => Math.max(16, ...mine.map((e) => e.duration)));
  const worst = latencies.indexOf(Math.max(...latencies));
  const lastKey = probe.keys[probe.keys.length - 1] ?? t0;
  return {
    keystrokes: probe.keys.length,
    reported: perKey.filter((mine) => mine.length > 0).length,
    p98Ms: percentile(latencies, 98),
    maxMs: Math.max(0, ...latencies),
    slowest: (perKey[worst] ?? []).map((e) => ({
      name: e.name,
      durationMs: e.duration,
      processingMs: Math.round(e.processing * 10) / 10,
    })),
    durableMs: Math.round(durableAt - lastKey),
    longTasks: probe.longTasks.filter((t) => t.start <= durableAt).map((t) => Math.round(t.duration)),
  };
}
