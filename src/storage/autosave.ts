/**
 * Autosave for one record (an application or a profile): framework-free, so the UI subscribes to
 * its state (for example with React's useSyncExternalStore).
 *
 * Owns: the debounce (at most 500 ms after the last change, and at most 1 s while typing goes
 * on); flushing at once when the page is hidden, on pagehide and on hash navigation; strict
 * durability for explicit saves; the compare-and-set revision it saves against; and the state
 * the UI shows: idle, saving, saved (with time), failed (with the reason), conflict (with both
 * versions), stopped (another tab upgraded the database). Unsaved work is kept in `unsaved` after
 * a failure so it can go into a backup, and in the journal (even after a stop, since the journal
 * is not the database) so the next page to open saves it. When the user settles a conflict, the
 * version not chosen is kept (`keep`) before the chosen one is saved. With `merge`, a save that
 * finds another tab's newer version merges the two against the version this tab last knew was
 * stored (three-way: different answers merge), saves the result, tells `onMerged` listeners, and
 * rebases changes that still come from before the merge; only a real clash is shown. Must never
 * write to the database after it stops, overwrite a newer revision, or let a save error escape as
 * a rejection.
 */
import type { RecordRepository, StorageFailure, Unsubscribe } from '@/domain/ports';
import { toStorageFailure } from '@/storage/errors';
import { sameContent, sameWork } from '@/storage/record-helpers';

export type AutosaveState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string; readonly record: T }
  | { readonly kind: 'failed'; readonly failure: StorageFailure }
  | { readonly kind: 'conflict'; readonly mine: T; readonly theirs: T }
  | { readonly kind: 'stopped'; readonly failure: StorageFailure; readonly reason: string };

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}
interface DocumentLike extends EventTargetLike {
  readonly visibilityState: string;
}

export interface AutosaveOptions<T = unknown> {
  /** Wait after the last change; capped at 500 ms. */
  readonly delayMs?: number;
  /** Longest a change waits while changes keep coming. */
  readonly maxWaitMs?: number;
  readonly now?: () => Date;
  /** Runs `run` after `ms`; returns a cancel function. */
  readonly schedule?: (run: () => void, ms: number) => () => void;
  readonly window?: EventTargetLike | null;
  readonly document?: DocumentLike | null;
  /** Called after each successful explicit save (the app asks for persistent storage). */
  readonly onExplicitSave?: () => void;
  /** Written synchronously on every change and cleared once it is saved (see journal.ts). */
  readonly journal?: { write(record: unknown, base: number): void; clear(): void };
  /** Keeps a version the user did not choose when settling a conflict; must reject if it could not. */
  readonly keep?: (record: T) => Promise<unknown>;
  /** Three-way merge (base, mine, theirs); undefined for a clash. Without it every clash is shown. */
  readonly merge?: (base: T, mine: T, theirs: T) => T | undefined;
}

/** A merge this autosave made: the version both tabs started from, and the other tab's. */
export interface AutosaveMerge<T> {
  readonly base: T;
  readonly theirs: T;
}

export const maxDebounceMs = 500;

const defaultSchedule = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

type Saveable = { readonly id: string; readonly revision: number };

export class Autosave<T extends Saveable> {
  private current: AutosaveState<T> = { kind: 'idle' };
  private pending: T | undefined;
  private base: number;
  private running: Promise<void> | undefined;
  private cancelTimer: (() => void) | undefined;
  private firstUnsavedAt: number | undefined;
  private stopped = false;
  private readonly listeners = new Set<(state: AutosaveState<T>) => void>();
  private readonly mergeListeners = new Set<(merge: AutosaveMerge<T>) => void>();
  /** The version this tab last knew was stored: the base of a three-way merge. */
  private stored: T;
  /** After a merge: changes made from before it are merged onto the other tab's version too. */
  private rebase: AutosaveMerge<T> | undefined;
  private readonly detach: () => void;
  private readonly disposers: (() => void)[] = [];
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => Date;
  private readonly schedule: (run: () => void, ms: number) => () => void;

  constructor(
    private readonly repository: Pick<RecordRepository<T>, 'save'>,
    private readonly initial: T,
    private readonly options: AutosaveOptions<T> = {},
  ) {
    this.base = initial.revision;
    this.stored = initial;
    this.delayMs = Math.min(options.delayMs ?? maxDebounceMs, maxDebounceMs);
    this.maxWaitMs = Math.max(options.maxWaitMs ?? 1000, this.delayMs);
    this.now = options.now ?? (() => new Date());
    this.schedule = options.schedule ?? defaultSchedule;
    const win = options.window === undefined ? (typeof window === 'undefined' ? null : window) : options.window;
    const doc = options.document === undefined ? (typeof document === 'undefined' ? null : document) : options.document;
    const flushNow = () => void this.flush();
    const onVisibility = () => {
      if (doc?.visibilityState === 'hidden') flushNow();
    };
    win?.addEventListener('pagehide', flushNow);
    win?.addEventListener('hashchange', flushNow);
    doc?.addEventListener('visibilitychange', onVisibility);
    this.detach = () => {
      win?.removeEventListener('pagehide', flushNow);
      win?.removeEventListener('hashchange', flushNow);
      doc?.removeEventListener('visibilitychange', onVisibility);
    };
  }

  get state(): AutosaveState<T> {
    return this.current;
  }

  /** The latest changes not yet saved (after a failure, a conflict or a stop). */
  get unsaved(): T | undefined {
    return this.pending;
  }

  subscribe(listener: (state: AutosaveState<T>) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells `listener` of each merge with another tab's version, so the page can show its answers. */
  onMerged(listener: (merge: AutosaveMerge<T>) => void): Unsubscribe {
    this.mergeListeners.add(listener);
    return () => this.mergeListeners.delete(listener);
  }

  private setState(state: AutosaveState<T>): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  /** The record as the user has it now; saved shortly. */
  change(record: T): void {
    if (record.id !== this.initial.id) throw new Error('An Autosave saves one record: create another for this one.');
    if (this.rebase && this.options.merge) {
      // A change from before the page took the merge in would undo the other tab's answers.
      const rebased = this.options.merge(this.rebase.base, record, this.rebase.theirs);
      if (rebased && sameWork(rebased, record)) this.rebase = undefined;
      else if (rebased) record = { ...rebased, revision: record.revision };
    }
    this.pending = record;
    // Journalled even after a stop: the journal is not the database, and the next page saves it.
    this.options.journal?.write(record, this.base);
    if (this.stopped) return; // kept for a backup, never written to the database here
    if (this.current.kind === 'conflict') {
      this.setState({ kind: 'conflict', mine: record, theirs: this.current.theirs });
      return;
    }
    const now = this.now().getTime();
    this.firstUnsavedAt ??= now;
    const wait = Math.max(0, Math.min(this.delayMs, this.firstUnsavedAt + this.maxWaitMs - now));
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = undefined;
      void this.flush();
    }, wait);
  }

  /**
   * Saves pending changes now; resolves with the resulting state and never rejects. `durable` is
   * for explicit saves ("Save and come back later", Continue): strict durability, and afterwards
   * `onExplicitSave`.
   */
  async flush(options: { readonly durable?: boolean } = {}): Promise<AutosaveState<T>> {
    const state = await this.drain(options.durable === true);
    if (options.durable && (state.kind === 'saved' || state.kind === 'idle')) this.options.onExplicitSave?.();
    return state;
  }

  /**
   * The user's answer to a conflict: `choice` (mine, theirs or a merge) is saved over theirs. Each
   * version not chosen is kept first (`keep`); if that fails, nothing is saved, the conflict stays,
   * and the failure is returned (not set as the state, so the conflict is still shown).
   */
  async resolveConflict(choice: T): Promise<AutosaveState<T>> {
    if (this.current.kind !== 'conflict') return this.current;
    const { mine, theirs } = this.current;
    try {
      for (const unchosen of [mine, theirs]) if (!sameWork(unchosen, choice)) await this.options.keep?.(unchosen);
    } catch (error) {
      return { kind: 'failed', failure: toStorageFailure(error) };
    }
    if (this.current.kind !== 'conflict') return this.current;
    // Typing may have gone on while the unchosen version was kept: "mine" means the latest of it.
    if (sameContent(choice, mine) && !sameContent(choice, theirs)) choice = this.current.mine;
    this.base = theirs.revision;
    this.stored = theirs;
    this.rebase = undefined;
    if (sameContent(choice, theirs)) {
      this.pending = undefined;
      this.options.journal?.clear();
      this.setState({ kind: 'saved', at: this.now().toISOString(), record: theirs });
      return this.current;
    }
    this.pending = { ...choice, revision: theirs.revision };
    this.options.journal?.write(this.pending, this.base);
    this.setState({ kind: 'idle' });
    return this.drain(true);
  }

  /** After another tab upgraded the database: no more writes; changes stay in `unsaved`. */
  stop(reason: StorageFailure): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.setState({ kind: 'stopped', failure: reason, reason: reason.message });
  }

  /** Runs `cleanup` on dispose (the storage uses it to forget this autosave). */
  onDispose(cleanup: () => void): void {
    this.disposers.push(cleanup);
  }

  /** Flushes, then stops listening to the page. */
  async dispose(): Promise<void> {
    await this.flush();
    this.cancelTimer?.();
    this.detach();
    this.disposers.splice(0).forEach((cleanup) => cleanup());
  }

  private async drain(durable: boolean): Promise<AutosaveState<T>> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.pending === undefined || this.stopped || this.current.kind === 'conflict') return this.current;
      this.running = this.saveOnce(this.pending, durable).finally(() => (this.running = undefined));
      await this.running;
      if (this.current.kind === 'failed') return this.current;
    }
  }

  /**
   * Merges this tab's latest changes with `theirs` against the version last known stored; on
   * success the merged record is pending on `theirs`' revision (the drain saves it next).
   */
  private mergeWith(theirs: T): boolean {
    const mine = this.pending;
    const merged = mine && this.options.merge?.(this.stored, mine, theirs);
    if (!merged) return false;
    const merge = { base: this.stored, theirs };
    this.stored = theirs;
    this.base = theirs.revision;
    this.rebase = merge;
    this.pending = { ...merged, revision: theirs.revision };
    this.options.journal?.write(this.pending, this.base);
    for (const listener of [...this.mergeListeners]) listener(merge);
    return true;
  }

  private async saveOnce(latest: T, durable: boolean): Promise<void> {
    const record: T = { ...latest, revision: this.base };
    this.pending = undefined;
    this.firstUnsavedAt = undefined;
    this.setState({ kind: 'saving' });
    try {
      const result = await this.repository.save(record, { durable });
      const saved = result.ok ? result.record : sameWork(result.conflict, record) ? result.conflict : undefined;
      if (saved) {
        this.base = saved.revision;
        this.stored = saved;
      }
      // What is journalled must name the revision it will be saved onto: the one just saved.
      if (saved && this.pending !== undefined) this.options.journal?.write(this.pending, this.base);
      if (this.stopped) {
        if (!saved) this.pending ??= record;
      } else if (saved) {
        if (this.pending === undefined) this.options.journal?.clear();
        this.setState({ kind: 'saved', at: this.now().toISOString(), record: saved });
      } else if (!result.ok) {
        this.pending ??= record;
        if (!this.mergeWith(result.conflict))
          this.setState({ kind: 'conflict', mine: this.pending, theirs: result.conflict });
      }
    } catch (error) {
      const failure = toStorageFailure(error);
      this.pending ??= record;
      if (failure.kind === 'version-change') this.stop(failure);
      else if (!this.stopped) this.setState({ kind: 'failed', failure });
    }
  }
}
