// Autosave with fake timers: the debounce and its cap, the flushes on pagehide, hidden page and
// navigation, strict durability for explicit saves, and the states the UI shows (saved with the
// time, failed with the reason, conflict with both versions, stopped), on the in-memory repository.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Application } from '@/domain/application/application';
import { StorageFailure, type ApplicationRepository, type SaveOptions } from '@/domain/ports';
import { Autosave, type AutosaveOptions } from '@/storage/autosave';
import { failure } from '@/storage/errors';
import { makeApplication, memoryBackend } from '../helpers/storage-fixtures';

class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  hide() {
    this.visibilityState = 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
  show() {
    this.visibilityState = 'visible';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

interface Setup {
  readonly repo: ApplicationRepository;
  readonly saves: { record: Application; options: SaveOptions | undefined }[];
  readonly autosave: Autosave<Application>;
  readonly win: EventTarget;
  readonly doc: FakeDocument;
  readonly initial: Application;
}

async function setup(options: AutosaveOptions<Application> = {}): Promise<Setup> {
  const { repositories } = memoryBackend();
  const repo = repositories.applications;
  const initial = await repo.create(makeApplication());
  const saves: Setup['saves'] = [];
  const spied: ApplicationRepository = {
    ...repo,
    save: (record, saveOptions) => {
      saves.push({ record, options: saveOptions });
      return repo.save(record, saveOptions);
    },
  };
  const win = new EventTarget();
  const doc = new FakeDocument();
  const autosave = new Autosave(spied, initial, { window: win, document: doc, ...options });
  return { repo, saves, autosave, win, doc, initial };
}

const edit = (record: Application, text: string): Application => ({
  ...record,
  answers: { ...record.answers, 'svc.premises': text },
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-22T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('saves once, 500 ms after the last of several quick changes', async () => {
    const { autosave, saves, initial, repo } = await setup();
    autosave.change(edit(initial, 'a'));
    await vi.advanceTimersByTimeAsync(200);
    autosave.change(edit(initial, 'ab'));
    await vi.advanceTimersByTimeAsync(200);
    autosave.change(edit(initial, 'abc'));
    await vi.advanceTimersByTimeAsync(499);
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.options).toEqual({ durable: false });
    expect((await repo.get(initial.id))?.answers['svc.premises']).toBe('abc');
    expect(autosave.state).toMatchObject({ kind: 'saved', at: '2026-11-22T09:00:00.900Z' });
  });

  it('never lets continuous typing hold a change back for more than a second', async () => {
    const { autosave, saves, initial } = await setup();
    for (let i = 1; i <= 15; i += 1) {
      autosave.change(edit(initial, 'x'.repeat(i)));
      await vi.advanceTimersByTimeAsync(200);
    }
    // 3 s of typing, a change every 200 ms: saved at about 1 s, 2 s and 3 s.
    expect(saves.length).toBeGreaterThanOrEqual(2);
    expect(saves.length).toBeLessThanOrEqual(4);
  });

  it('caps the debounce at 500 ms whatever it is given', async () => {
    const { autosave, saves, initial } = await setup({ delayMs: 5000 });
    autosave.change(edit(initial, 'a'));
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toHaveLength(1);
  });

  it.each([
    ['pagehide', (s: Setup) => s.win.dispatchEvent(new Event('pagehide'))],
    ['hash navigation', (s: Setup) => s.win.dispatchEvent(new Event('hashchange'))],
    ['the page becoming hidden', (s: Setup) => s.doc.hide()],
  ])('flushes at once on %s', async (_event, fire) => {
    const s = await setup();
    s.autosave.change(edit(s.initial, 'typed just before leaving'));
    fire(s);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.saves).toHaveLength(1);
    expect((await s.repo.get(s.initial.id))?.answers['svc.premises']).toBe('typed just before leaving');
  });

  it('does not flush when the page becomes visible', async () => {
    const s = await setup();
    s.autosave.change(edit(s.initial, 'a'));
    s.doc.show();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.saves).toHaveLength(0);
  });

  it('reports saving, then saved with the time and the stored record', async () => {
    const { autosave, initial } = await setup();
    const kinds: string[] = [];
    autosave.subscribe((state) => kinds.push(state.kind));
    autosave.change(edit(initial, 'a'));
    const state = await autosave.flush();
    expect(kinds).toEqual(['saving', 'saved']);
    expect(state).toEqual({
      kind: 'saved',
      at: '2026-11-22T09:00:00.000Z',
      record: { ...edit(initial, 'a'), revision: 1 },
    });
  });

  it('keeps saving against its own revision after each save', async () => {
    const { autosave, initial, repo } = await setup();
    for (const text of ['a', 'b', 'c']) {
      autosave.change(edit(initial, text)); // the UI may keep the first revision it loaded
      await autosave.flush();
    }
    expect(autosave.state.kind).toBe('saved');
    expect(await repo.get(initial.id)).toMatchObject({ revision: 3, answers: { 'svc.premises': 'c' } });
  });

  it('uses strict durability for an explicit save, and then tells the app', async () => {
    const onExplicitSave = vi.fn();
    const { autosave, saves, initial } = await setup({ onExplicitSave });
    autosave.change(edit(initial, 'a'));
    await autosave.flush({ durable: true });
    expect(saves[0]?.options).toEqual({ durable: true });
    expect(onExplicitSave).toHaveBeenCalledTimes(1);
    await autosave.flush();
    expect(onExplicitSave).toHaveBeenCalledTimes(1);
  });

  it('reports a failure with its reason, keeps the changes, and saves them on the next try', async () => {
    const { autosave, initial, repo } = await setup();
    const quota = failure('quota');
    const real = repo.save.bind(repo);
    let failNext = true;
    const flaky = new Autosave<Application>(
      {
        save: (record, options) => {
          if (failNext) return Promise.reject(quota);
          return real(record, options);
        },
      },
      initial,
      { window: null, document: null },
    );
    flaky.change(edit(initial, 'precious'));
    const failed = await flaky.flush();
    expect(failed).toEqual({ kind: 'failed', failure: quota });
    expect(flaky.unsaved?.answers['svc.premises']).toBe('precious');
    expect((await repo.get(initial.id))?.revision).toBe(0);
    failNext = false;
    expect((await flaky.flush()).kind).toBe('saved');
    expect(flaky.unsaved).toBeUndefined();
    expect((await repo.get(initial.id))?.answers['svc.premises']).toBe('precious');
    expect(autosave.state.kind).toBe('idle');
  });

  it('turns any rejection into a failed state, never a rejected promise', async () => {
    const initial = makeApplication();
    const autosave = new Autosave<Application>({ save: () => Promise.reject(new TypeError('boom')) }, initial, {
      window: null,
      document: null,
    });
    autosave.change(edit(initial, 'a'));
    const state = await autosave.flush();
    expect(state.kind).toBe('failed');
    if (state.kind === 'failed') {
      expect(state.failure).toBeInstanceOf(StorageFailure);
      expect(state.failure.kind).toBe('unknown');
    }
  });

  it('surfaces a conflict with both versions, and saves the version the user chooses', async () => {
    const { autosave, initial, repo } = await setup();
    const otherTab = await repo.save(edit(initial, 'from the other tab'));
    if (!otherTab.ok) throw new Error('setup');
    autosave.change(edit(initial, 'from this tab'));
    const state = await autosave.flush();
    expect(state).toEqual({ kind: 'conflict', mine: edit(initial, 'from this tab'), theirs: otherTab.record });
    // While the conflict is open nothing is written, and later typing updates "mine".
    autosave.change(edit(initial, 'from this tab, later'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await repo.get(initial.id)).toEqual(otherTab.record);
    expect(autosave.state).toMatchObject({
      kind: 'conflict',
      mine: { answers: { 'svc.premises': 'from this tab, later' } },
    });
    const resolved = await autosave.resolveConflict(edit(initial, 'from this tab, later'));
    expect(resolved).toMatchObject({ kind: 'saved', record: { revision: 2 } });
    expect((await repo.get(initial.id))?.answers['svc.premises']).toBe('from this tab, later');
  });

  it('takes the other version without writing when the user chooses it', async () => {
    const { autosave, initial, repo, saves } = await setup();
    const otherTab = await repo.save(edit(initial, 'theirs'));
    if (!otherTab.ok) throw new Error('setup');
    autosave.change(edit(initial, 'mine'));
    await autosave.flush();
    const resolved = await autosave.resolveConflict(otherTab.record);
    expect(resolved).toMatchObject({ kind: 'saved', record: otherTab.record });
    expect(saves).toHaveLength(1);
    autosave.change(edit(otherTab.record, 'after'));
    expect((await autosave.flush()).kind).toBe('saved');
    expect(await repo.get(initial.id)).toMatchObject({ revision: 2, answers: { 'svc.premises': 'after' } });
  });

  it('journals a change typed during a save against the revision that save made', async () => {
    const initial = makeApplication();
    const journal: [string, number][] = [];
    let release: (() => void) | undefined;
    const autosave = new Autosave<Application>(
      {
        save: (record) =>
          new Promise((resolve) => {
            const done = () => resolve({ ok: true, record: { ...record, revision: record.revision + 1 } });
            if (release === undefined) release = done;
            else done();
          }),
      },
      initial,
      {
        window: null,
        document: null,
        journal: {
          write: (record, base) => journal.push([String((record as Application).answers['svc.premises']), base]),
          clear: () => journal.push(['cleared', -1]),
        },
      },
    );
    autosave.change(edit(initial, 'first'));
    const saving = autosave.flush();
    autosave.change(edit(initial, 'typed during the save'));
    release?.();
    await saving;
    expect(journal).toEqual([
      ['first', 0],
      ['typed during the save', 0],
      ['typed during the save', 1],
      ['cleared', -1],
    ]);
  });

  it('keeps the version not chosen before saving the chosen one', async () => {
    const kept: Application[] = [];
    const { autosave, initial, repo } = await setup({ keep: async (record) => void kept.push(record) });
    const otherTab = await repo.save(edit(initial, 'theirs'));
    if (!otherTab.ok) throw new Error('setup');
    autosave.change(edit(initial, 'mine'));
    await autosave.flush();
    await autosave.resolveConflict(edit(initial, 'mine'));
    expect(kept.map((r) => r.answers['svc.premises'])).toEqual(['theirs']);
    expect((await repo.get(initial.id))?.answers['svc.premises']).toBe('mine');
  });

  it('leaves the conflict open, saving nothing, when the version not chosen cannot be kept', async () => {
    const { autosave, initial, repo } = await setup({
      keep: async () => {
        throw failure('quota');
      },
    });
    const otherTab = await repo.save(edit(initial, 'theirs'));
    if (!otherTab.ok) throw new Error('setup');
    autosave.change(edit(initial, 'mine'));
    await autosave.flush();
    const result = await autosave.resolveConflict(otherTab.record);
    expect(result).toMatchObject({ kind: 'failed', failure: { kind: 'quota' } });
    expect(autosave.state.kind).toBe('conflict');
    expect(await repo.get(initial.id)).toEqual(otherTab.record);
  });

  it('treats a "conflict" that differs only in when it was saved as saved', async () => {
    const initial = makeApplication();
    const autosave = new Autosave<Application>(
      {
        save: async (record) => ({
          ok: false,
          conflict: { ...record, revision: record.revision + 1, updatedAt: '2026-11-22T09:30:00.000Z' },
        }),
      },
      initial,
      { window: null, document: null },
    );
    autosave.change(edit(initial, 'the same words in both tabs'));
    expect(await autosave.flush()).toMatchObject({ kind: 'saved', record: { revision: 1 } });
  });

  it('treats a "conflict" with its own identical write as saved', async () => {
    const initial = makeApplication();
    const autosave = new Autosave<Application>(
      { save: async (record) => ({ ok: false, conflict: { ...record, revision: record.revision + 1 } }) },
      initial,
      { window: null, document: null },
    );
    autosave.change(edit(initial, 'a'));
    expect(await autosave.flush()).toMatchObject({ kind: 'saved', record: { revision: 1 } });
  });

  it('stops writing once stopped, keeping later changes for a backup', async () => {
    const { autosave, initial, saves } = await setup();
    const reason = failure('version-change');
    autosave.stop(reason);
    expect(autosave.state).toEqual({ kind: 'stopped', failure: reason, reason: reason.message });
    autosave.change(edit(initial, 'after the upgrade'));
    await vi.advanceTimersByTimeAsync(2000);
    await autosave.flush();
    expect(saves).toHaveLength(0);
    expect(autosave.unsaved?.answers['svc.premises']).toBe('after the upgrade');
  });

  it('stops when a save is refused because another tab upgraded the database', async () => {
    const initial = makeApplication();
    const autosave = new Autosave<Application>({ save: () => Promise.reject(failure('version-change')) }, initial, {
      window: null,
      document: null,
    });
    autosave.change(edit(initial, 'a'));
    expect((await autosave.flush()).kind).toBe('stopped');
    expect(autosave.unsaved).toBeDefined();
  });

  it('flushes and stops listening to the page on dispose', async () => {
    const s = await setup();
    s.autosave.change(edit(s.initial, 'a'));
    await s.autosave.dispose();
    expect(s.saves).toHaveLength(1);
    s.autosave.change(edit(s.initial, 'b'));
    s.win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.saves).toHaveLength(1);
  });

  it('refuses to mix records', async () => {
    const { autosave } = await setup();
    expect(() => autosave.change(makeApplication({ id: 'another' }))).toThrow(/one record/);
  });
});
