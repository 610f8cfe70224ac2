/**
 * Loads a checklist: parses `unknown` with the format's zod schema, then checks the invariants the
 * schema cannot: unique ids, every reference points at a real question or field, no cycles in
 * what shows or requires what, sections depend on real sections, migrations name real questions.
 * A broken checklist fails with messages that name the question. Builds the lookup index the
 * rules engine uses.
 */
import { z } from '@/domain/zod';
import {
  ChecklistSchema,
  type Checklist,
  type Coverage,
  type ItemQuestion,
  type Page,
  type Question,
  type Section,
  type ServiceDefinition,
  type ServiceId,
  type RepeatQuestion,
} from './checklist-schema';
import { conditionReferences, emptyReferences } from './walk-conditions';

export interface QuestionEntry {
  readonly question: Question;
  readonly section: Section;
  readonly page: Page;
}

export interface LoadedChecklist {
  readonly definition: Checklist;
  /** Every top-level question, in checklist order. */
  readonly questions: ReadonlyMap<string, QuestionEntry>;
  readonly sections: ReadonlyMap<string, Section>;
  readonly services: ReadonlyMap<ServiceId, ServiceDefinition>;
}

/** A top-level question of the checklist when it is a repeating group, else undefined. */
export function repeatQuestionOf(checklist: LoadedChecklist, id: string): RepeatQuestion | undefined {
  const question = checklist.questions.get(id)?.question;
  return question?.type === 'repeat' ? question : undefined;
}

export type LoadResult =
  | { readonly ok: true; readonly checklist: LoadedChecklist }
  | { readonly ok: false; readonly errors: readonly string[] };

export function loadChecklist(raw: unknown): LoadResult {
  const parsed = ChecklistSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: [z.prettifyError(parsed.error)] };
  const definition = parsed.data;
  const errors: string[] = [];
  const questions = new Map<string, QuestionEntry>();
  const sections = new Map<string, Section>();
  const services = new Map(definition.services.map((s) => [s.id, s] as const));
  const pageIds = new Set<string>();
  const checkIds = new Set<string>();

  const noteCheckIds = (q: Question | ItemQuestion, where: string) =>
    q.checks?.forEach((check) => {
      if (checkIds.has(check.id)) errors.push(`${where}: check id "${check.id}" is used twice.`);
      checkIds.add(check.id);
    });

  for (const section of definition.sections) {
    if (sections.has(section.id)) errors.push(`Section "${section.id}" is defined twice.`);
    sections.set(section.id, section);
    if (section.service && !services.has(section.service))
      errors.push(`Section "${section.id}" is for service "${section.service}", which the checklist does not define.`);
    for (const page of section.pages) {
      if (pageIds.has(page.id)) errors.push(`Page "${page.id}" is defined twice.`);
      pageIds.add(page.id);
      for (const question of page.questions) {
        if (questions.has(question.id)) errors.push(`Question "${question.id}" is defined twice.`);
        questions.set(question.id, { question, section, page });
        noteCheckIds(question, `Question "${question.id}"`);
        if (question.type === 'repeat') {
          const fieldIds = new Set<string>();
          for (const field of question.fields) {
            if (fieldIds.has(field.id)) errors.push(`Question "${question.id}": field "${field.id}" is defined twice.`);
            fieldIds.add(field.id);
            noteCheckIds(field, `Question "${question.id}", field "${field.id}"`);
          }
        }
      }
    }
  }

  for (const { question } of questions.values()) errors.push(...referenceErrors(question, questions));
  for (const section of definition.sections) {
    for (const dep of section.dependsOn ?? [])
      if (!sections.has(dep)) errors.push(`Section "${section.id}" depends on unknown section "${dep}".`);
    for (const id of refsOf(section.showIf).questions)
      if (!questions.has(id)) errors.push(`Section "${section.id}": its condition refers to unknown question "${id}".`);
    for (const page of section.pages)
      for (const id of refsOf(page.showIf).questions)
        if (!questions.has(id)) errors.push(`Page "${page.id}": its condition refers to unknown question "${id}".`);
  }
  errors.push(...cycleErrors(questions), ...sectionCycleErrors(definition.sections));
  for (const migration of definition.migrations ?? []) {
    for (const [from, to] of Object.entries(migration.renamed ?? {})) {
      if (!questions.has(to))
        errors.push(`Migration ${migration.from}→${migration.to}: "${from}" is renamed to unknown question "${to}".`);
      if (questions.has(from))
        errors.push(`Migration ${migration.from}→${migration.to}: "${from}" is renamed but still exists.`);
    }
    for (const id of migration.retired ?? [])
      if (questions.has(id))
        errors.push(`Migration ${migration.from}→${migration.to}: "${id}" is retired but still exists.`);
    if (migration.people) errors.push(...peopleMigrationErrors(migration.people, questions));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, checklist: { definition, questions, sections, services } };
}

/** For bundled checklists: a broken one is a programming error, so say exactly what is wrong. */
export function loadChecklistOrThrow(raw: unknown): LoadedChecklist {
  const result = loadChecklist(raw);
  if (!result.ok) throw new Error(`The checklist is broken:\n${result.errors.join('\n')}`);
  return result.checklist;
}

const refsOf = (condition: Parameters<typeof conditionReferences>[0]) =>
  conditionReferences(condition, emptyReferences());

function referenceErrors(question: Question, questions: ReadonlyMap<string, QuestionEntry>): string[] {
  const errors: string[] = [];
  const name = `Question "${question.id}"`;
  const checkTop = (id: string, what: string) => {
    if (!questions.has(id)) errors.push(`${name}: ${what} refers to unknown question "${id}".`);
  };
  const fieldIds = question.type === 'repeat' ? new Set(question.fields.map((f) => f.id)) : new Set<string>();
  const checkConditions = (q: Question | ItemQuestion, where: string, inItem: boolean) => {
    const all = [
      q.showIf,
      typeof q.required === 'object' ? q.required : undefined,
      ...(q.checks ?? []).map((c) => c.when),
    ];
    for (const condition of all) {
      const refs = refsOf(condition);
      refs.questions.forEach((id) => checkTop(id, where));
      for (const item of refs.items) {
        if (!inItem) errors.push(`${name}: ${where} uses "item: ${item}" outside a repeating group.`);
        else if (!fieldIds.has(item)) errors.push(`${name}: ${where} refers to unknown field "${item}".`);
      }
      for (const c of refs.coverage) errors.push(...coverageErrors(name, c, questions));
    }
  };
  const checkChoice = (q: Question | ItemQuestion, where: string) => {
    if (q.type !== 'radios' && q.type !== 'checkboxes') return;
    if (!q.options && !q.optionsFrom) errors.push(`${name}: ${where} has neither options nor optionsFrom.`);
    if (q.optionsFrom && 'repeat' in q.optionsFrom) {
      const source = questions.get(q.optionsFrom.repeat)?.question;
      if (!source || source.type !== 'repeat')
        errors.push(`${name}: ${where} takes options from "${q.optionsFrom.repeat}", which is not a repeating group.`);
      else if (!source.fields.some((f) => f.id === (q.optionsFrom as { labelField: string }).labelField))
        errors.push(`${name}: ${where} labels options with unknown field "${q.optionsFrom.labelField}".`);
    }
  };
  checkConditions(question, 'its condition', false);
  checkChoice(question, 'it');
  if (question.type === 'repeat') {
    if (!fieldIds.has(question.titleField))
      errors.push(`${name}: titleField "${question.titleField}" is not one of its fields.`);
    for (const id of question.summaryFields ?? [])
      if (!fieldIds.has(id)) errors.push(`${name}: summaryFields names "${id}", which is not one of its fields.`);
    for (const field of question.fields) {
      checkConditions(field, `field "${field.id}"`, true);
      checkChoice(field, `field "${field.id}"`);
      if (field.type === 'identifier' && typeof field.identifier === 'object' && !fieldIds.has(field.identifier.field))
        errors.push(
          `${name}: field "${field.id}" takes its identifier kind from unknown field "${field.identifier.field}".`,
        );
    }
  } else if (question.type === 'identifier' && typeof question.identifier === 'object') {
    errors.push(`${name}: only fields of a repeating group can take their identifier kind from a sibling field.`);
  }
  return errors;
}

function coverageErrors(name: string, c: Coverage, questions: ReadonlyMap<string, QuestionEntry>): string[] {
  const errors: string[] = [];
  const from = questions.get(c.from)?.question;
  if (from?.type === 'repeat')
    for (const id of conditionReferences(c.fromIf).items)
      if (!from.fields.some((f) => f.id === id))
        errors.push(`${name}: "uncovered" filters "${c.from}" on unknown field "${id}".`);
  for (const [repeatId, fieldId] of [
    [c.from, c.field],
    [c.in, c.inField],
  ] as const) {
    const q = questions.get(repeatId)?.question;
    if (q && q.type !== 'repeat')
      errors.push(`${name}: "uncovered" needs a repeating group, but "${repeatId}" is not one.`);
    if (q?.type === 'repeat' && !q.fields.some((f) => f.id === fieldId))
      errors.push(`${name}: "uncovered" refers to unknown field "${fieldId}" of "${repeatId}".`);
  }
  return errors;
}

/** A people migration's fields must now choose from its register. */
function peopleMigrationErrors(
  people: { register: string; fields: readonly string[] },
  questions: ReadonlyMap<string, QuestionEntry>,
): string[] {
  const errors: string[] = [];
  if (questions.get(people.register)?.question.type !== 'repeat')
    errors.push(`People migration: register "${people.register}" is not a repeating group.`);
  for (const path of people.fields) {
    const target = resolvePath(path, questions);
    const from = target && (target.type === 'radios' || target.type === 'checkboxes') ? target.optionsFrom : undefined;
    if (!from || !('repeat' in from) || from.repeat !== people.register)
      errors.push(`People migration: "${path}" does not choose from "${people.register}".`);
  }
  return errors;
}

/** "q" or "repeat.field" (the longest question id that is a prefix wins) to its question. */
export function resolvePath(
  path: string,
  questions: ReadonlyMap<string, QuestionEntry>,
): Question | ItemQuestion | undefined {
  const whole = questions.get(path)?.question;
  if (whole) return whole;
  const cut = path.lastIndexOf('.');
  const repeat = cut > 0 ? questions.get(path.slice(0, cut))?.question : undefined;
  return repeat?.type === 'repeat' ? repeat.fields.find((f) => f.id === path.slice(cut + 1)) : undefined;
}

/** Visibility and requiredness may not depend on themselves, directly or through others. */
function cycleErrors(questions: ReadonlyMap<string, QuestionEntry>): string[] {
  const edges = new Map<string, string[]>();
  for (const [id, { question, page, section }] of questions) {
    const deps = [
      question.showIf,
      typeof question.required === 'object' ? question.required : undefined,
      page.showIf,
      section.showIf,
    ]
      .flatMap((condition) => refsOf(condition).questions)
      .filter((dep) => questions.has(dep));
    edges.set(id, deps);
  }
  return findCycles(edges).map((cycle) => `Question "${cycle[0]}": its conditions form a cycle: ${cycle.join(' → ')}.`);
}

function sectionCycleErrors(sections: readonly Section[]): string[] {
  const edges = new Map(sections.map((s) => [s.id, [...(s.dependsOn ?? [])]] as const));
  return findCycles(edges).map(
    (cycle) => `Section "${cycle[0]}": its dependencies form a cycle: ${cycle.join(' → ')}.`,
  );
}

function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'visiting');
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of edges.keys()) visit(node, []);
  return cycles;
}
