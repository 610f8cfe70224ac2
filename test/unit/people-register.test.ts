// The people register (checklist version 2): questions that name a person choose them from the
// people in the organisation, labelled by name and told apart by role and register number; every
// partner and director needs a declaration; and drafts saved by version 1 (committed fixtures
// made by that code) open with every answer kept: typed names linked to the person they name, the
// rest kept exactly as typed, and "add them" leaves nobody to settle.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRepeatItems, listedItems, type AnswerValue, type Answers } from '@/domain/answers/answer-value';
import { restoreApplication, restoreProfile } from '@/domain/application/restore';
import { resolvePath } from '@/domain/definition/load-checklist';
import { addToRegister, mentionName, nameKey, settlePeople } from '@/domain/definition/migrate-people';
import { createEvaluator } from '@/domain/rules/evaluator';
import { aqp, dates, item, run } from '../helpers/engine';

const checklist = aqp();
const people = [
  item('p1', { name: 'Dr Helen Okafor', role: 'partner', register: 'gmc', number: '1234567' }),
  item('p2', { name: 'Dr Rhys ap Gruffydd', role: 'partner', register: 'gmc', number: '2345678' }),
  item('p3', { name: 'Zoë Ó Briain', role: 'employee', register: 'none' }),
];
const evaluator = (answers: Answers) =>
  createEvaluator({ checklist, answers, services: ['podiatry'], dates, evidence: new Map() });
const question = (id: string) => {
  const q = resolvePath(id, checklist.questions);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

describe('choosing a person', () => {
  it('lists the people in the organisation by name, told apart by role and register number', () => {
    const options = evaluator({ 'org.people': people }).options(question('gov.cg-lead-name'));
    expect(options).toEqual([
      { value: 'p1', label: 'Dr Helen Okafor', hint: 'Partner, GMC 1234567' },
      { value: 'p2', label: 'Dr Rhys ap Gruffydd', hint: 'Partner, GMC 2345678' },
      { value: 'p3', label: 'Zoë Ó Briain', hint: 'Employee' },
    ]);
  });

  it('labels an interest’s declarant by the person the declaration is from', () => {
    const answers = { 'org.people': people, 'coi.declarants': [item('d1', { name: 'p2' })] };
    expect(evaluator(answers).options(question('coi.interests.declarant'))).toEqual([
      { value: 'd1', label: 'Dr Rhys ap Gruffydd' },
    ]);
  });

  it('names a clinician’s item by the person chosen', () => {
    const answers = {
      'org.people': people,
      'svc.podiatry.clinicians': [item('c1', { name: 'p1', profession: 'podiatrist' })],
    };
    const issues = run(checklist, answers).issues.filter((i) => i.itemId === 'c1');
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((i) => i.itemTitle))).toEqual(new Set(['Dr Helen Okafor']));
  });

  it('says plainly when a name typed before is not in the list, and when a chosen person was removed', () => {
    const typed = run(checklist, { 'org.people': people, 'gov.cg-lead-name': 'Dr Ann Lee' }).issues.find(
      (i) => i.questionId === 'gov.cg-lead-name',
    );
    expect(typed?.message).toBe(
      '“Dr Ann Lee” is not in the people in your organisation. Add them there, or select your clinical governance lead',
    );
    const removed = run(checklist, {
      'org.people': people,
      'gov.cg-lead-name': '0b6a4f3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b',
    }).issues.find((i) => i.questionId === 'gov.cg-lead-name');
    expect(removed?.message).toBe(
      'The person chosen before has been removed from the people in your organisation. Select your clinical governance lead',
    );
  });
});

describe('declarations of interest', () => {
  const uncovered = (answers: Answers) =>
    run(checklist, answers).issues.some((i) => i.checkId === 'coi.declarants.every-partner-director');

  it('needs one from every partner and director, and not from an employee', () => {
    expect(uncovered({ 'org.people': people, 'coi.declarants': [item('d1', { name: 'p1' })] })).toBe(true);
    expect(
      uncovered({ 'org.people': people, 'coi.declarants': [item('d1', { name: 'p1' }), item('d2', { name: 'p2' })] }),
    ).toBe(false);
  });

  it('does not count a typed name as that person’s declaration', () => {
    const declarants = [item('d1', { name: 'p1' }), item('d2', { name: 'Dr Rhys ap Gruffydd' })];
    expect(uncovered({ 'org.people': people, 'coi.declarants': declarants })).toBe(true);
  });
});

describe('the people migration', () => {
  it('links a typed name to the one person it names, ignoring case, spacing and a title', () => {
    expect(nameKey('  DR  Helen   okafor. ')).toBe(nameKey('Helen Okafor'));
    const { changed, matched, unsettled } = settlePeople(checklist, {
      'org.people': people,
      'gov.cg-lead-name': 'helen okafor',
      'ig.siro': 'Dr Ann Lee',
      'bid.members': [
        item('m1', { name: 'Oak Surgery', clinicians: 'Dr Rhys ap Gruffydd, GP, GMC 2345678\nNurse Kim Bell' }),
      ],
    });
    expect(changed['gov.cg-lead-name']).toBe('p1');
    expect(changed['ig.siro']).toBeUndefined();
    const members = changed['bid.members'];
    expect(isRepeatItems(members) && members[0]?.values.clinicians).toEqual(['p2', 'Nurse Kim Bell']);
    expect(matched.map((m) => m.name)).toEqual(['helen okafor', 'Dr Rhys ap Gruffydd, GP, GMC 2345678']);
    expect(unsettled.map((m) => m.name)).toEqual(['Dr Ann Lee', 'Nurse Kim Bell']);
  });

  it('leaves a name two people share as typed, for the user to choose', () => {
    const twins = [...people, item('p4', { name: 'Helen Okafor', role: 'employee', register: 'none' })];
    const { changed, unsettled } = settlePeople(checklist, { 'org.people': twins, 'ig.siro': 'Dr Helen Okafor' });
    expect(changed).toEqual({});
    expect(unsettled.map((m) => m.name)).toEqual(['Dr Helen Okafor']);
  });

  describe.each(['federation', 'single-practice'])('a draft saved by checklist version 1 (%s)', (name) => {
    const fixture = JSON.parse(readFileSync(`test/fixtures/formats/checklist-v1-${name}.json`, 'utf8')) as {
      checklistVersion: number;
      profile: unknown;
      application: unknown;
    };
    const profile = restoreProfile(fixture.profile);
    const application = restoreApplication(fixture.application);
    if (!profile.ok || !application.ok) throw new Error('the fixture does not restore');
    const before: Answers = { ...profile.record.answers, ...application.record.answers };
    const migration = checklist.definition.migrations?.find((m) => m.people);
    const paths = migration?.people?.fields ?? [];
    const register = listedItems(before['org.people']);
    const nameOf = (id: string) => register.find((p) => p.id === id)?.values.name;

    it('was saved by version 1, and the current checklist is newer', () => {
      expect(fixture.checklistVersion).toBe(1);
      expect(checklist.definition.version).toBeGreaterThan(1);
    });

    it('opens with every answer kept: names linked to that person or kept as typed, nothing else changed', () => {
      const { changed, matched, unsettled } = settlePeople(checklist, before);
      const after = { ...before, ...changed };
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      const touched = new Set(paths.map((p) => (checklist.questions.get(p) ? p : p.slice(0, p.lastIndexOf('.')))));
      for (const [id, value] of Object.entries(before)) if (!touched.has(id)) expect(after[id], id).toEqual(value);
      // Each migrated value: the id of a person with the same name, or exactly what was typed.
      const same = (was: AnswerValue | undefined, now: AnswerValue | undefined) => {
        if (typeof was !== 'string' || typeof now !== 'string') return false;
        const linked = nameOf(now);
        return now === was || (typeof linked === 'string' && nameKey(linked) === nameKey(was));
      };
      for (const path of paths) {
        const top = checklist.questions.get(path);
        if (top) {
          if (before[path] !== undefined) expect(same(before[path], after[path]), path).toBe(true);
          continue;
        }
        const repeatId = path.slice(0, path.lastIndexOf('.'));
        const field = path.slice(path.lastIndexOf('.') + 1);
        const was = isRepeatItems(before[repeatId]) ? before[repeatId] : [];
        const now = isRepeatItems(after[repeatId]) ? after[repeatId] : [];
        expect(now.map((i) => i.id)).toEqual(was.map((i) => i.id));
        now.forEach((i, n) => {
          const old = was[n]?.values[field];
          const value = i.values[field];
          if (Array.isArray(value)) expect(value.length, `${path} ${i.id}`).toBeGreaterThan(0);
          else if (old !== undefined) expect(same(old, value), `${path} ${i.id}`).toBe(true);
          for (const [k, v] of Object.entries(was[n]?.values ?? {})) if (k !== field) expect(i.values[k]).toEqual(v);
        });
      }
      console.log(`checklist v1 ${name} draft: ${matched.length} names linked, ${unsettled.length} kept to settle`);
      expect(matched.length).toBeGreaterThan(0);
      // Opening it again changes nothing.
      expect(settlePeople(checklist, after).changed).toEqual({});
    });

    it('after "add them to the people in your organisation", has nobody left to settle', () => {
      const settled = settlePeople(checklist, before);
      const opened = { ...before, ...settled.changed };
      let n = 0;
      const added = addToRegister(checklist, opened, settled.unsettled, () => `new-${++n}`);
      const after = { ...opened, ...added };
      expect(settlePeople(checklist, after).unsettled).toEqual([]);
      const distinct = new Set(settled.unsettled.map((m) => nameKey(mentionName(checklist, m))));
      expect(listedItems(after['org.people']).length).toBe(register.length + distinct.size);
    });
  });
});
