// Versions of the checklist: answers move through the explicit migration map (renamed questions
// keep their answers, retired ones are kept aside), running it twice changes nothing, and the
// "what changed" report tells the user what a newer version means for their answers.
import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/answers/answer-value';
import { checklistChanges } from '@/domain/definition/checklist-changes';
import type { Checklist } from '@/domain/definition/checklist-schema';
import { loadChecklistOrThrow } from '@/domain/definition/load-checklist';
import { migrateAnswers } from '@/domain/definition/migrate-answers';
import { miniChecklist } from '../fixtures/checklists/mini-checklist';
import { dates, mini } from '../helpers/engine';

function version2(): Checklist {
  const c = structuredClone(miniChecklist);
  c.version = 2;
  const identity = c.sections[0]?.pages[0];
  if (!identity) throw new Error('fixture changed');
  identity.questions = identity.questions
    .filter((q) => q.id !== 'org.phone')
    .map((q) =>
      q.id === 'org.email'
        ? { ...q, id: 'org.contact-email' }
        : q.id === 'org.name'
          ? { ...q, label: 'Registered legal name' }
          : q,
    );
  const form = identity.questions.find((q) => q.id === 'org.form');
  if (form?.type === 'radios')
    form.options = [
      { value: 'company', label: 'Company' },
      { value: 'llp', label: 'LLP' },
    ];
  identity.questions.push({
    id: 'org.website',
    type: 'text',
    label: 'Website',
    required: true,
    source: { refs: ['P1'], basis: 'inferred' },
  });
  c.migrations = [{ from: 1, to: 2, renamed: { 'org.email': 'org.contact-email' }, retired: ['org.phone'] }];
  return c;
}

const v1 = mini();
const v2 = loadChecklistOrThrow(version2());
const saved: Answers = {
  'org.name': 'Riverside',
  'org.form': 'partnership',
  'org.email': 'pm@nhs.net',
  'org.phone': '01632 960001',
};

describe('migrating answers', () => {
  it('renames, keeps retired answers aside, and reaches the new version', () => {
    const result = migrateAnswers(v2, 1, saved);
    expect(result.answers).toEqual({
      'org.name': 'Riverside',
      'org.form': 'partnership',
      'org.contact-email': 'pm@nhs.net',
    });
    expect(result.retired).toEqual({ 'org.phone': '01632 960001' });
    expect(result.version).toBe(2);
  });

  it('changes nothing when run twice', () => {
    const once = migrateAnswers(v2, 1, saved);
    const twice = migrateAnswers(v2, once.version, once.answers, once.retired);
    expect(twice.answers).toEqual(once.answers);
    expect(twice.retired).toEqual(once.retired);
    expect(twice.steps).toEqual([]);
  });

  it('never overwrites an answer already given under the new id', () => {
    const result = migrateAnswers(v2, 1, { 'org.email': 'old@nhs.net', 'org.contact-email': 'new@nhs.net' });
    expect(result.answers['org.contact-email']).toBe('new@nhs.net');
    expect(result.retired['org.email']).toBe('old@nhs.net');
  });
});

describe('what changed between versions', () => {
  it('reports renamed, retired, added, reworded and no-longer-offered answers', () => {
    const changes = checklistChanges(v1, v2, { answers: saved, services: ['podiatry'], dates });
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'renamed', from: 'org.email', to: 'org.contact-email', label: 'Email' },
        { kind: 'retired', id: 'org.phone', label: 'Phone' },
        { kind: 'added', id: 'org.website', label: 'Website', required: true },
        { kind: 'reworded', id: 'org.name', before: 'Legal name', after: 'Registered legal name' },
        { kind: 'option-removed', id: 'org.form', label: 'Legal form', values: ['partnership'] },
      ]),
    );
  });

  it('reports nothing between a version and itself', () => {
    expect(checklistChanges(v1, v1, { answers: saved, services: ['podiatry'], dates })).toEqual([]);
  });
});
