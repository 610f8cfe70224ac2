/**
 * The write-ahead journal: every change is also written, synchronously, to localStorage before the
 * debounced IndexedDB save. IndexedDB writes are asynchronous and a page closed (or a browser
 * killed) in the half-second before the save runs would lose what was just typed; a synchronous
 * localStorage write survives that. The entry is cleared once the change is saved, and replayed
 * into IndexedDB the next time the app opens (only onto the revision it was based on, so it never
 * overwrites another tab's newer save). Must never throw: without localStorage it does nothing.
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
  readonly kind: JournalKind;
  readonly id: string;
  /** The stored revision the change was made on. */
  readonly base: number;
  readonly record: unknown;
}

const prefix = 'aqp-journal:';
const keyOf = (kind: JournalKind, id: string) => `${prefix}${kind}:${id}`;

export function browserJournalStore(): JournalStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a SecurityError when storage is blocked for the site
  }
}

export class Journal {
  constructor(private readonly store: JournalStore | null) {}

  write(kind: JournalKind, record: { readonly id: string }, base: number): void {
    try {
      this.store?.setItem(keyOf(kind, record.id), JSON.stringify({ base, record }));
    } catch {
      // Full or blocked: the IndexedDB save still runs; the journal only narrows the window.
    }
  }

  clear(kind: JournalKind, id: string): void {
    try {
      this.store?.removeItem(keyOf(kind, id));
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
        const [kind, ...rest] = key.slice(prefix.length).split(':');
        if (kind !== 'applications' && kind !== 'profiles') continue;
        const parsed: unknown = JSON.parse(store.getItem(key) ?? 'null');
        if (typeof parsed !== 'object' || parsed === null || !('base' in parsed) || !('record' in parsed)) continue;
        const base = (parsed as { base: unknown }).base;
        if (typeof base === 'number')
          found.push({ kind, id: rest.join(':'), base, record: (parsed as { record: unknown }).record });
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
  readonly updatedAt: string;
}

export interface ReplayTarget<T extends Replayable> {
  readonly restore: (raw: unknown) => { readonly ok: true; readonly record: T } | { readonly ok: false };
  readonly repository: {
    get(id: string): Promise<T | undefined>;
    save(record: T, options?: { durable?: boolean }): Promise<{ readonly ok: boolean }>;
  };
}

/**
 * Replays journal entries left by a page that closed before its save ran. An entry is applied when
 * it is at least as recent as what is stored (another tab's later save is never overwritten);
 * entries that are stale, unreadable or for deleted records are dropped.
 */
export async function replayJournal(
  journal: Journal,
  targets: { readonly applications: ReplayTarget<Replayable>; readonly profiles: ReplayTarget<Replayable> },
): Promise<number> {
  let replayed = 0;
  for (const entry of journal.entries()) {
    const target = targets[entry.kind];
    const parsed = target.restore(entry.record);
    const stored = parsed.ok ? await target.repository.get(entry.id).catch(() => undefined) : undefined;
    if (!parsed.ok || !stored || parsed.record.id !== entry.id || parsed.record.updatedAt < stored.updatedAt) {
      journal.clear(entry.kind, entry.id);
      continue;
    }
    if (JSON.stringify({ ...parsed.record, revision: 0 }) === JSON.stringify({ ...stored, revision: 0 })) {
      journal.clear(entry.kind, entry.id);
      continue;
    }
    const result = await target.repository
      .save({ ...parsed.record, revision: stored.revision }, { durable: true })
      .catch(() => ({ ok: false }));
    if (result.ok) {
      journal.clear(entry.kind, entry.id);
      replayed++;
    }
  }
  return replayed;
}
