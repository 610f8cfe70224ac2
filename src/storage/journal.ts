/**
 * The write-ahead journal: every change is also written, synchronously, to localStorage before the
 * debounced IndexedDB save. IndexedDB writes are asynchronous and a page closed (or a browser
 * killed) in the half-second before the save runs would lose what was just typed; a synchronous
 * localStorage write survives that. The entry is cleared once the change is saved, and replayed
 * into IndexedDB the next time the app opens.
 *
 * Each tab journals under its own key, so two tabs editing one record never clear or overwrite
 * each other's entries, and replay leaves alone the entries of tabs still open (a tab holds a Web
 * Lock named after it while it lives). An entry is saved only onto the revision it was based on;
 * an entry based on an older revision (another tab saved meanwhile) is not thrown away but kept as
 * a kept version, for the user to choose. Must never throw: without localStorage it does nothing.
 */
export interface JournalStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export type JournalKind = 'applications' | 'profiles';

export interface JournalEntry {
  readonly key: string;
  readonly kind: JournalKind;
  readonly id: string;
  /** The tab that wrote it (entries from before tabs were named have none). */
  readonly tab: string | undefined;
  /** The stored revision the change was made on. */
  readonly base: number;
  readonly record: unknown;
}

const prefix = 'aqp-journal:';
const lockPrefix = 'aqp-tab:';

export function browserJournalStore(): JournalStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a SecurityError when storage is blocked for the site
  }
}

/** Which tabs are open: the Web Locks they hold. Undefined when the browser cannot say. */
export type LiveTabs = () => Promise<ReadonlySet<string> | undefined>;

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ readonly held?: readonly { readonly name?: string }[] }>;
}

function browserLocks(): LockManagerLike | undefined {
  try {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    return locks && typeof locks.request === 'function' && typeof locks.query === 'function' ? locks : undefined;
  } catch {
    return undefined;
  }
}

/** Marks this tab as open for as long as it lives (the browser releases the lock when it closes). */
export function holdTabLock(tab: string): void {
  const locks = browserLocks();
  void locks?.request(`${lockPrefix}${tab}`, () => new Promise<never>(() => undefined)).catch(() => undefined);
}

export const browserLiveTabs: LiveTabs = async () => {
  const locks = browserLocks();
  if (!locks) return undefined;
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(lockPrefix) ? [l.name.slice(lockPrefix.length)] : [])));
  } catch {
    return undefined;
  }
};

export class Journal {
  /**
   * @param tab this tab's name; entries are written under it. Without one (tests, replay only),
   *   entries are written under no tab.
   */
  constructor(
    private readonly store: JournalStore | null,
    private readonly tab?: string,
  ) {}

  private keyOf(kind: JournalKind, id: string): string {
    return this.tab === undefined ? `${prefix}${kind}:${id}` : `${prefix}${kind}:${this.tab}:${id}`;
  }

  write(kind: JournalKind, record: { readonly id: string }, base: number): void {
    try {
      this.store?.setItem(this.keyOf(kind, record.id), JSON.stringify({ base, tab: this.tab, record }));
    } catch {
      // Full or blocked: the IndexedDB save still runs; the journal only narrows the window.
    }
  }

  clear(kind: JournalKind, id: string): void {
    this.remove(this.keyOf(kind, id));
  }

  remove(key: string): void {
    try {
      this.store?.removeItem(key);
    } catch {
      // nothing to do
    }
  }

  entries(): JournalEntry[] {
    const found: JournalEntry[] = [];
    try {
      const store = this.store;
      if (!store) return found;
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (!key?.startsWith(prefix)) continue;
        const [kind] = key.slice(prefix.length).split(':');
        if (kind !== 'applications' && kind !== 'profiles') continue;
        const parsed: unknown = JSON.parse(store.getItem(key) ?? 'null');
        if (typeof parsed !== 'object' || parsed === null || !('base' in parsed) || !('record' in parsed)) continue;
        const { base, tab, record } = parsed as { base: unknown; tab?: unknown; record: unknown };
        const id: unknown = typeof record === 'object' && record !== null ? Reflect.get(record, 'id') : undefined;
        if (typeof base === 'number' && typeof id === 'string')
          found.push({ key, kind, id, tab: typeof tab === 'string' ? tab : undefined, base, record });
      }
    } catch {
      // An unreadable journal is skipped, never fatal.
    }
    return found;
  }
}

interface Replayable {
  readonly id: string;
  readonly revision: number;
}

export interface ReplayTarget<T extends Replayable> {
  readonly restore: (raw: unknown) => { readonly ok: true; readonly record: T } | { readonly ok: false };
  readonly repository: {
    get(id: string): Promise<T | undefined>;
    save(record: T, options?: { durable?: boolean }): Promise<{ readonly ok: boolean }>;
  };
  /** Keeps a change that cannot be saved onto the current revision (see kept versions). */
  readonly keep: (record: T) => Promise<unknown>;
}

/** The same work: equal apart from the revision and the time of the change. */
const sameContent = (a: Replayable, b: Replayable) =>
  JSON.stringify({ ...a, revision: 0, updatedAt: undefined }) ===
  JSON.stringify({ ...b, revision: 0, updatedAt: undefined });

/**
 * Replays journal entries left by pages that closed before their saves ran (entries of tabs still
 * open are left to them). An entry based on the stored revision is saved; one based on an older
 * revision is kept as a kept version (never saved over another tab's later save, never lost);
 * entries that are unreadable, already saved, or for deleted records are dropped.
 */
export async function replayJournal(
  journal: Journal,
  targets: { readonly applications: ReplayTarget<Replayable>; readonly profiles: ReplayTarget<Replayable> },
  liveTabs: LiveTabs = async () => undefined,
): Promise<number> {
  const entries = journal.entries();
  if (entries.length === 0) return 0;
  const live = await liveTabs();
  let replayed = 0;
  for (const entry of entries) {
    if (entry.tab !== undefined && live?.has(entry.tab)) continue;
    const target = targets[entry.kind];
    const parsed = target.restore(entry.record);
    if (!parsed.ok) {
      journal.remove(entry.key);
      continue;
    }
    // A read that fails (storage stopped or broken) leaves the entry for a later page.
    const read = await target.repository.get(entry.id).then(
      (record) => ({ ok: true as const, record }),
      () => ({ ok: false as const }),
    );
    if (!read.ok) continue;
    const stored = read.record;
    if (!stored || sameContent(parsed.record, stored)) {
      journal.remove(entry.key);
      continue;
    }
    if (entry.base !== stored.revision) {
      const kept = await target.keep(parsed.record).then(
        () => true,
        () => false,
      );
      if (kept) journal.remove(entry.key);
      continue;
    }
    const result = await target.repository
      .save({ ...parsed.record, revision: stored.revision }, { durable: true })
      .catch(() => ({ ok: false }));
    if (result.ok) {
      journal.remove(entry.key);
      replayed++;
    }
  }
  return replayed;
}
