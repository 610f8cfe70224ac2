// The checklist's outline (issue 13): "Your applications" shows services and progress from a small
// outline instead of loading the whole checklist, so the outline must match
// schemas/checklists/aqp-2012.json exactly, and its progress must count the sections the rules
// engine shows (`createEvaluator(...).sectionVisible`), with an advert's local questions as one
// more section. Also: the first-visit check looks for the database under the storage's name.
import { describe, expect, it } from 'vitest';
import { databaseName } from '@/app/first-visit';
import { summariseApplication } from '@/domain/application/application-summary';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import { checklistOutline, sectionProgressOf, serviceName } from '@/domain/definition/checklist-outline';
import { loadChecklistOrThrow, type LoadedChecklist } from '@/domain/definition/load-checklist';
import { localSectionId, withLocalQuestions } from '@/domain/definition/local-questions';
import type { LocalQuestion } from '@/domain/hosting/hosting-config';
import { evaluate } from '@/domain/rules/evaluate';
import { createEvaluator } from '@/domain/rules/evaluator';
import { defaultDatabaseName } from '@/storage/db';
import { aqp, dates, rawAqpChecklist } from '../helpers/engine';
import { makeApplication } from '../helpers/storage-fixtures';

const raw = rawAqpChecklist();
const checklist = aqp();
const localQuestions: LocalQuestion[] = [
  { id: 'parking', type: 'yesno', label: 'Is there parking for patients?' },
  { id: 'hours', type: 'text', label: 'Your opening hours' },
];
const withLocal = loadChecklistOrThrow(withLocalQuestions(raw, 'NHS North Riverside ICB', localQuestions));

/** What the rules engine gives: the sections it shows for these services, and how many are marked. */
function engineProgress(loaded: LoadedChecklist, services: readonly ServiceId[], completed: readonly string[]) {
  const evaluator = createEvaluator({ checklist: loaded, answers: {}, services, dates, evidence: new Map() });
  const visible = loaded.definition.sections.filter((s) => evaluator.sectionVisible(s)).map((s) => s.id);
  const marked = new Set(completed);
  return { completed: visible.filter((id) => marked.has(id)).length, total: visible.length };
}

const allServices = checklistOutline.services.map((s) => s.id);
const serviceCombinations: readonly (readonly ServiceId[])[] = [
  [],
  ['msk'],
  ['podiatry', 'hearing'],
  ['wound-care', 'psychological-therapies', 'diagnostics'],
  allServices,
];
const completedLists: readonly (readonly string[])[] = [
  [],
  ['organisation'],
  ['organisation', 'finance', 'declaration', 'conflicts'],
  // Service sections, chosen or not, and the local section.
  ['service-msk', 'service-podiatry', 'service-hearing', localSectionId],
  // Ids no section has (a retired section, a typo in an old backup).
  ['no-such-section', 'service-', 'Organisation'],
  checklistOutline.sections.map((s) => s.id),
];

describe('the checklist outline', () => {
  it('has the checklist’s id, and its sections in order with their service', () => {
    expect(checklistOutline.id).toBe(raw.id);
    expect(checklistOutline.sections).toStrictEqual(
      raw.sections.map((s) => (s.service ? { id: s.id, service: s.service } : { id: s.id })),
    );
    expect(checklistOutline.sections).toHaveLength(24);
  });

  it('has the checklist’s services in order with their names', () => {
    expect(checklistOutline.services).toStrictEqual(raw.services.map((s) => ({ id: s.id, name: s.name })));
    expect(checklistOutline.services.map((s) => s.id)).toEqual([...checklist.services.keys()]);
    for (const service of raw.services) expect(serviceName(checklistOutline, service.id)).toBe(service.name);
  });

  it('names every service a service section belongs to, and no section twice', () => {
    const ids = checklistOutline.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sectionServices = checklistOutline.sections.flatMap((s) => (s.service ? [s.service] : []));
    expect([...sectionServices].sort()).toEqual([...allServices].sort());
  });
});

describe('sectionProgressOf counts what the rules engine shows', () => {
  for (const services of serviceCombinations) {
    for (const completed of completedLists) {
      it(`services [${services.join(', ')}], completed [${completed.join(', ')}]`, () => {
        expect(sectionProgressOf(checklistOutline, services, completed, false)).toStrictEqual(
          engineProgress(checklist, services, completed),
        );
        expect(sectionProgressOf(checklistOutline, services, completed, true)).toStrictEqual(
          engineProgress(withLocal, services, completed),
        );
      });
    }
  }

  it('totals as many sections as evaluate() shows', () => {
    for (const services of serviceCombinations) {
      const shown = evaluate({ checklist, answers: {}, services, dates, evidence: new Map() }).visibleSections;
      expect(sectionProgressOf(checklistOutline, services, [], false).total).toBe(shown.length);
      const shownWithLocal = evaluate({ checklist: withLocal, answers: {}, services, dates }).visibleSections;
      expect(sectionProgressOf(checklistOutline, services, [], true).total).toBe(shownWithLocal.length);
    }
  });

  it('gives the numbers of a few known cases', () => {
    expect(sectionProgressOf(checklistOutline, [], [], false)).toEqual({ completed: 0, total: 16 });
    expect(sectionProgressOf(checklistOutline, ['msk'], ['service-msk', 'service-hearing'], false)).toEqual({
      completed: 1,
      total: 17,
    });
    expect(sectionProgressOf(checklistOutline, allServices, [localSectionId], true)).toEqual({
      completed: 1,
      total: 25,
    });
  });

  // A section listed twice in completedSections (the schema allows it; a merged or imported
  // record can carry it) is counted once, as the task list counts it.
  it('counts a section marked twice once, as the task list does', () => {
    const twice = ['organisation', 'organisation', 'service-msk', 'service-msk'];
    expect(engineProgress(checklist, ['msk'], twice)).toEqual({ completed: 2, total: 17 });
    expect(sectionProgressOf(checklistOutline, ['msk'], twice, false)).toStrictEqual(
      engineProgress(checklist, ['msk'], twice),
    );
  });

  it('is what an application’s summary shows', () => {
    const app = makeApplication({
      services: ['hearing', 'continence'],
      completedSections: ['service-hearing', 'service-msk', localSectionId, 'governance'],
      advert: { commissioner: 'NHS North Riverside ICB', reference: 'H-1', localQuestions },
    });
    expect(summariseApplication(app).progress).toStrictEqual(
      engineProgress(withLocal, app.services, app.completedSections),
    );
    const noLocal = { ...app, advert: { ...app.advert, localQuestions: [] } };
    expect(summariseApplication(noLocal).progress).toStrictEqual(
      engineProgress(checklist, app.services, app.completedSections),
    );
  });
});

describe('the first-visit check', () => {
  it('looks for the database under the name storage opens', () => {
    expect(databaseName).toBe(defaultDatabaseName);
  });
});
