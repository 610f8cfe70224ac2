// Three-way merge of a record changed in two tabs (domain/application/merge-records.ts), and the
// autosave that uses it: different answers, items and fields merge; the same answer changed
// differently, or an item removed in one tab and changed in the other, is still a clash; a change
// made from before the merge does not undo the other tab's answers.
import { describe, expect, it } from 'vitest';
import type { Application } from '@/domain/application/application';
import { mergeRecords } from '@/domain/application/merge-records';
import type { Answers } from '@/domain/answers/answer-value';
import { Autosave } from '@/storage/autosave';
import { makeApplication, memoryBackend } from '../helpers/storage-fixtures';

const base = makeApplication({
  answers: {
    'com.foi-sensitive': 'None',
    'wf.staff': [
      { id: 's1', values: { name: 'Ann', role: 'gp' } },
      { id: 's2', values: { name: 'Ben', role: 'nurse' } },
    ],
  },
  completedSections: ['organisation'],
});
const withAnswers = (answers: Answers, more: Partial<Application> = {}): Application => ({
  ...base,
  answers: { ...base.answers, ...answers },
  ...more,
});

describe('merging two tabs’ versions of a record', () => {
  it('keeps both when they changed different answers', () => {
    const mine = withAnswers({ 'ins.el-insurer': 'Zurich' });
    const theirs = withAnswers({ 'wf.criminal-checks': 'enhanced' }, { revision: 3 });
    const merged = mergeRecords(base, mine, theirs);
    expect(merged?.answers).toEqual({ ...base.answers, 'ins.el-insurer': 'Zurich', 'wf.criminal-checks': 'enhanced' });
    expect(merged?.revision).toBe(3);
  });

  it('keeps an answer removed in one tab removed, and agrees when both made the same change', () => {
    const rest = Object.fromEntries(Object.entries(base.answers).filter(([key]) => key !== 'com.foi-sensitive'));
    expect(mergeRecords(base, withAnswers({}, { answers: rest }), base)?.answers).toEqual(rest);
    const same = withAnswers({ 'com.foi-sensitive': 'Prices' });
    expect(mergeRecords(base, same, same)?.answers['com.foi-sensitive']).toBe('Prices');
  });

  it('is a clash when the same answer was changed differently', () => {
    expect(
      mergeRecords(base, withAnswers({ 'com.foi-sensitive': 'Prices' }), withAnswers({ 'com.foi-sensitive': 'Rota' })),
    ).toBeUndefined();
  });

  it('merges different items of one list, and different fields of one item', () => {
    const mine = withAnswers({
      'wf.staff': [
        { id: 's1', values: { name: 'Ann Lee', role: 'gp' } },
        { id: 's2', values: { name: 'Ben', role: 'nurse' } },
        { id: 's3', values: { name: 'Cara' } },
      ],
    });
    const theirs = withAnswers({
      'wf.staff': [
        { id: 's1', values: { name: 'Ann', role: 'gp', number: '1234567' } },
        { id: 's2', values: { name: 'Ben', role: 'practice-nurse' } },
        { id: 's4', values: { name: 'Dev' } },
      ],
    });
    expect(mergeRecords(base, mine, theirs)?.answers['wf.staff']).toEqual([
      { id: 's1', values: { name: 'Ann Lee', role: 'gp', number: '1234567' } },
      { id: 's2', values: { name: 'Ben', role: 'practice-nurse' } },
      { id: 's4', values: { name: 'Dev' } },
      { id: 's3', values: { name: 'Cara' } },
    ]);
  });

  it('removes an item removed in one tab and untouched in the other, and clashes if it was changed', () => {
    const removed = withAnswers({ 'wf.staff': [{ id: 's1', values: { name: 'Ann', role: 'gp' } }] });
    const otherEdit = withAnswers({ 'com.foi-sensitive': 'Rota' });
    expect(mergeRecords(base, removed, otherEdit)?.answers['wf.staff']).toEqual([
      { id: 's1', values: { name: 'Ann', role: 'gp' } },
    ]);
    const changedS2 = withAnswers({
      'wf.staff': [
        { id: 's1', values: { name: 'Ann', role: 'gp' } },
        { id: 's2', values: { name: 'Ben Khan', role: 'nurse' } },
      ],
    });
    expect(mergeRecords(base, removed, changedS2)).toBeUndefined();
    expect(mergeRecords(base, changedS2, removed)).toBeUndefined();
  });

  it('merges sections marked complete as a set, and clashes on other properties changed differently', () => {
    const mine = withAnswers({}, { completedSections: ['organisation', 'workforce'] });
    const theirs = withAnswers({}, { completedSections: ['insurance'] });
    expect(mergeRecords(base, mine, theirs)?.completedSections.sort()).toEqual(['insurance', 'workforce']);
    expect(
      mergeRecords(base, withAnswers({}, { services: ['wound-care'] }), withAnswers({}, { services: ['hearing'] })),
    ).toBeUndefined();
  });
});

describe('the autosave with a merge', () => {
  it('saves both tabs’ answers, tells the page, and rebases a change made from before the merge', async () => {
    const { repositories } = memoryBackend();
    const repo = repositories.applications;
    const initial = await repo.create(base);
    const options = { window: null, document: null, merge: mergeRecords<Application> };
    const tabA = new Autosave(repo, initial, options);
    const tabB = new Autosave(repo, initial, options);
    const merges: unknown[] = [];
    tabB.onMerged((m) => merges.push(m.theirs.answers['ins.el-insurer']));

    tabA.change(withAnswers({ 'ins.el-insurer': 'Zurich' }, { revision: initial.revision }));
    expect((await tabA.flush()).kind).toBe('saved');
    // Tab B never saw tab A's answer: it changes another question on its old copy.
    const bRecord = withAnswers({ 'wf.criminal-checks': 'enhanced' }, { revision: initial.revision });
    tabB.change(bRecord);
    const state = await tabB.flush();
    expect(state.kind).toBe('saved');
    expect(merges).toEqual(['Zurich']);
    let stored = await repo.get(initial.id);
    expect(stored?.answers['ins.el-insurer']).toBe('Zurich');
    expect(stored?.answers['wf.criminal-checks']).toBe('enhanced');

    // A further change still made from tab B's old copy keeps tab A's answer.
    tabB.change({ ...bRecord, answers: { ...bRecord.answers, 'com.foi-sensitive': 'Prices' } });
    await tabB.flush();
    stored = await repo.get(initial.id);
    expect(stored?.answers).toMatchObject({
      'ins.el-insurer': 'Zurich',
      'wf.criminal-checks': 'enhanced',
      'com.foi-sensitive': 'Prices',
    });

    // A change to an answer only tab A changed is tab A's to make: merged, not a clash.
    const aRecord = withAnswers({ 'ins.el-insurer': 'Zurich' }, { revision: initial.revision });
    tabA.change({ ...aRecord, answers: { ...aRecord.answers, 'ins.el-insurer': 'Aviva' } });
    expect((await tabA.flush()).kind).toBe('saved');
    expect((await repo.get(initial.id))?.answers).toMatchObject({
      'ins.el-insurer': 'Aviva',
      'com.foi-sensitive': 'Prices',
    });

    // The same answer changed differently in both: still a clash, shown, nothing overwritten.
    const latest = (await repo.get(initial.id)) as Application;
    tabB.change({ ...latest, answers: { ...latest.answers, 'com.foi-sensitive': 'Rota (tab B)' } });
    expect((await tabB.flush()).kind).toBe('saved');
    tabA.change({ ...latest, answers: { ...latest.answers, 'com.foi-sensitive': 'Pricing (tab A)' } });
    const clash = await tabA.flush();
    expect(clash.kind).toBe('conflict');
    expect((await repo.get(initial.id))?.answers['com.foi-sensitive']).toBe('Rota (tab B)');
    await Promise.all([tabA.dispose(), tabB.dispose()]);
  });
});
