/**
 * Drives the wizard through the real UI from a plan of answers (see scenarios.ts): starts the
 * application on /start, opens each section from the task list, and on every page answers each
 * question the rules engine says is visible, by its type (text, choices, dates, addresses, repeat
 * items on their own pages, evidence files). After each Continue it reloads and checks the page's
 * answers came back from IndexedDB. It decides visibility with the same pure engine the app uses,
 * and checks that the app shows exactly those questions and moves to the page the engine expects.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  isAddress,
  isDateParts,
  isRepeatItems,
  isStringList,
  type AnswerValue,
  type ItemValue,
  type RepeatItem,
} from '@/domain/answers/answer-value';
import type {
  ItemQuestion,
  Page as ChecklistPage,
  Question,
  RepeatQuestion,
  Section,
  SectionGroup,
} from '@/domain/definition/checklist-schema';
import { itemName } from '@/domain/rules/evaluate';
import { createEvaluator, type Evaluator, type EvidenceInfo, type ItemScope } from '@/domain/rules/evaluator';
import { normaliseIdentifier } from '@/domain/rules/identifiers';
import { applicantTypes } from '@/domain/application/new-application';
import { paths } from '@/components/routing/paths';
import { neighbours, visiblePages } from '@/features/wizard/section-navigation';
import type { Watched } from './app-page';
import { pdfFile } from './evidence-pdf';
import { dateParts, validUntilOf, type Plan } from './scenarios';

/** What a control should show after a reload. */
type Expectation =
  | { readonly kind: 'value'; readonly id: string; readonly expected: string }
  | { readonly kind: 'checked'; readonly id: string; readonly expected: boolean }
  | { readonly kind: 'rows' | 'files'; readonly id: string; readonly expected: readonly string[] };

const groupOrder: readonly SectionGroup[] = ['organisation', 'application', 'services', 'conflicts', 'declaration'];
const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);
const domIdOf = (questionId: string) => questionId.replace(/\./g, '-');

/**
 * Reloads the page. The CSP watcher's record lives in the document, so it is checked first:
 * a violation before the reload still fails the test.
 */
export async function reloadWatched(app: Watched): Promise<void> {
  expect(await app.cspViolations(), 'Content-Security-Policy violations before a reload').toEqual([]);
  await app.page.reload({ waitUntil: 'commit' });
}

export class AnswerDriver {
  readonly page: Page;
  /** The answers given so far through the UI, for deciding what the app shows next. */
  private readonly known: Record<string, AnswerValue> = {};
  private readonly uploaded = new Set<string>();
  private readonly dated = new Set<string>();
  private appIdValue = '';
  readonly visited: string[] = [];

  constructor(
    private readonly app: Watched,
    readonly plan: Plan,
  ) {
    this.page = app.page;
  }

  get appId(): string {
    if (!this.appIdValue) throw new Error('the application has not been started yet');
    return this.appIdValue;
  }

  private evaluator(): Evaluator {
    const { checklist, scenario, dates, files } = this.plan;
    const validUntil = validUntilOf(dates);
    const evidence = new Map<string, EvidenceInfo>(
      [...files.values()].map((f) => [f.id, { id: f.id, name: f.name, validUntil }]),
    );
    return createEvaluator({ checklist, answers: this.known, services: scenario.services, dates, evidence });
  }

  private planned(id: string): AnswerValue {
    const value = this.plan.answers[id];
    if (value === undefined) throw new Error(`The app shows "${id}" but the plan has no answer for it.`);
    return value;
  }

  // ---------------------------------------------------------------- navigation and waiting

  async hash(): Promise<string> {
    return this.page.evaluate(() => location.hash);
  }

  async waitForRoute(route: string): Promise<void> {
    await this.page.waitForFunction((r) => location.hash === r, `#${route}`, { timeout: 10_000 });
  }

  /** Waits until the route is a question page and its questions are on screen. */
  async waitForQuestionPage(route: string): Promise<void> {
    await this.waitForRoute(route);
    try {
      await this.page.locator('main form .app-question').first().waitFor();
    } catch (error) {
      // Say what the page shows instead, so a failure here can be understood from the log.
      const shown = await this.page
        .locator('main')
        .innerText({ timeout: 1_000 })
        .catch(() => '(no main)');
      // With no shell at all: how far the document got, and what controls it.
      const state = await this.page
        .evaluate(() => ({
          readyState: document.readyState,
          body: document.body?.textContent?.slice(0, 300) ?? '(no body)',
          elements: document.body?.childElementCount ?? 0,
          serviceWorker: navigator.serviceWorker?.controller?.state ?? 'none',
          scripts: performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('.js'))
            .map((e) => `${e.name.split('/').pop() ?? ''} ${Math.round(e.duration)} ms`),
        }))
        .catch((e: unknown) => `(could not read the page: ${String(e)})`);
      await this.page.screenshot({ path: '/tmp/journey-no-questions.png' }).catch(() => undefined);
      throw new Error(
        `No questions on ${route}; the page shows: ${shown.slice(0, 600)}; document: ${JSON.stringify(state)}`,
        { cause: error },
      );
    }
  }

  async waitForTaskList(): Promise<void> {
    await this.waitForRoute(paths.taskList(this.appId));
    await this.page.locator('main .nhsuk-task-list').first().waitFor();
  }

  // ---------------------------------------------------------------- starting

  /** From the home page of an empty browser: "Start now", fill the start page, "Start application". */
  async startApplication(baseUrl: string): Promise<void> {
    const { page, plan } = this;
    const { scenario, dates, checklist } = plan;
    if (page.url() !== 'about:blank')
      expect(await this.app.cspViolations(), 'Content-Security-Policy violations before leaving').toEqual([]);
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Start now' }).click();
    await this.waitForRoute(paths.start());
    await page.locator('#organisationName').fill(scenario.organisationName);
    const typeIndex = applicantTypes.findIndex((t) => t.value === scenario.applicantType);
    await page.locator(`#${optionId('applicantType', typeIndex)}`).check();
    const serviceOrder = checklist.definition.services.map((s) => s.id);
    for (const service of scenario.services)
      await page.locator(`#${optionId('services', serviceOrder.indexOf(service))}`).check();
    await page.locator('#commissioner').fill(scenario.commissioner);
    await page.locator('#reference').fill(scenario.reference);
    for (const [id, iso] of [
      ['closingDate', dates.closingDate],
      ['serviceStart', dates.serviceStart],
    ] as const) {
      const d = dateParts(iso);
      await page.locator(`#${id}-day`).fill(d.day);
      await page.locator(`#${id}-month`).fill(d.month);
      await page.locator(`#${id}-year`).fill(d.year);
    }
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.waitForFunction(() => /^#\/applications\/[^/]+$/.test(location.hash));
    this.appIdValue = decodeURIComponent((await this.hash()).replace('#/applications/', ''));
    await this.waitForTaskList();
    this.known['org.legal-name'] = scenario.organisationName;
    this.known['bid.model'] = scenario.applicantType;
  }

  // ---------------------------------------------------------------- sections

  /** The visible sections in task-list order (by group, then checklist order). */
  sectionsInOrder(): Section[] {
    const evaluator = createEvaluator({
      checklist: this.plan.checklist,
      answers: this.plan.answers,
      services: this.plan.scenario.services,
      dates: this.plan.dates,
    });
    const visible = this.plan.checklist.definition.sections.filter((s) => evaluator.sectionVisible(s));
    return groupOrder.flatMap((group) => visible.filter((s) => s.group === group));
  }

  /** Every page the plan's answers make visible, as "section/page", in task-list order. */
  expectedPages(): string[] {
    const evaluator = createEvaluator({
      checklist: this.plan.checklist,
      answers: this.plan.answers,
      services: this.plan.scenario.services,
      dates: this.plan.dates,
    });
    return this.sectionsInOrder().flatMap((s) => visiblePages(s, evaluator).map((p) => `${s.id}/${p.id}`));
  }

  /** From the task list: every page of the section, then "Yes, I've completed this section". */
  async completeSection(section: Section): Promise<void> {
    const { page } = this;
    const first = visiblePages(section, this.evaluator())[0];
    if (!first) throw new Error(`Section ${section.id} has no visible page`);
    await page.getByRole('link', { name: section.title, exact: true }).click();
    let current: ChecklistPage | undefined = first;
    await this.waitForQuestionPage(paths.page(this.appId, section.id, first.id));
    while (current) {
      this.visited.push(`${section.id}/${current.id}`);
      const expectations = await this.fillPage(section, current);
      current = await this.continueFrom(section, current, expectations);
    }
    await this.markComplete(section);
  }

  private async markComplete(section: Section): Promise<void> {
    const { page } = this;
    await this.waitForRoute(paths.sectionCheck(this.appId, section.id));
    await page.locator('#completed').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await this.waitForTaskList();
    const task = page.locator('li.nhsuk-task-list__item', {
      has: page.getByRole('link', { name: section.title, exact: true }),
    });
    expect((await task.locator('.nhsuk-task-list__status').textContent())?.trim(), section.title).toBe('Completed');
  }

  /**
   * Continue; the app must go where the engine says (the next visible page, or the section's
   * check page). Then go back, reload, and check this page's answers all came back from storage.
   */
  private async continueFrom(
    section: Section,
    current: ChecklistPage,
    expectations: readonly Expectation[],
  ): Promise<ChecklistPage | undefined> {
    const { page } = this;
    const here = paths.page(this.appId, section.id, current.id);
    const { next } = neighbours(section, current, this.evaluator());
    const target = next ? paths.page(this.appId, section.id, next.id) : paths.sectionCheck(this.appId, section.id);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForFunction(
      (h) => location.hash !== h || !!document.querySelector('.nhsuk-error-summary'),
      `#${here}`,
      { timeout: 10_000 },
    );
    const summary = page.locator('.nhsuk-error-summary');
    if (await summary.count())
      throw new Error(`Continue on ${section.id}/${current.id} failed: ${await summary.innerText()}`);
    expect(await this.hash(), `after ${current.id}`).toBe(`#${target}`);
    // Back to the page just answered, then reload it: the app boots from IndexedDB alone.
    await page.goBack();
    await this.waitForRoute(here);
    await reloadWatched(this.app);
    await this.waitForQuestionPage(here);
    await this.expectShown(expectations, `${section.id}/${current.id} after a reload`);
    await page.goForward();
    await this.waitForRoute(target);
    if (next) await this.waitForQuestionPage(target);
    else await page.locator('#completed').waitFor();
    return next;
  }

  // ---------------------------------------------------------------- a page of questions

  /** Answers every visible question on the page (revealed follow-ups included); returns what to check later. */
  async fillPage(section: Section, page: ChecklistPage): Promise<Expectation[]> {
    const expectations: Expectation[] = [];
    const done = new Set<string>();
    for (let changed = true; changed;) {
      changed = false;
      for (const question of page.questions) {
        if (done.has(question.id) || !this.evaluator().questionVisible(question.id)) continue;
        done.add(question.id);
        changed = true;
        const value = this.planned(question.id);
        expectations.push(...(await this.answerQuestion(question, value)));
        this.known[question.id] = value;
      }
    }
    // The app shows exactly the questions the engine says are visible.
    const shown = await this.page
      .locator('main form [id^="question-"]')
      .evaluateAll((els) => els.map((e) => e.id.replace(/^question-/, '')));
    const expected = page.questions.filter((q) => this.evaluator().questionVisible(q.id)).map((q) => domIdOf(q.id));
    expect([...shown].sort(), `questions shown on ${section.id}/${page.id}`).toEqual([...expected].sort());
    return expectations;
  }

  private async answerQuestion(question: Question, value: AnswerValue): Promise<Expectation[]> {
    const domId = domIdOf(question.id);
    if (question.type === 'repeat') {
      if (!isRepeatItems(value)) throw new Error(`${question.id}: planned value is not a list of items`);
      return this.fillRepeat(question, value);
    }
    return this.answerField(question, domId, value as ItemValue, undefined);
  }

  /** Fills one control (a question, or a field of a repeat item) and says what it should show. */
  private async answerField(
    question: Question | ItemQuestion,
    domId: string,
    value: ItemValue,
    scope: ItemScope | undefined,
  ): Promise<Expectation[]> {
    const { page } = this;
    const evaluator = this.evaluator();
    const input = page.locator(`#${domId}`);
    switch (question.type) {
      case 'text':
      case 'email':
      case 'phone':
      case 'number':
      case 'longtext': {
        const text = String(value);
        await input.fill(text);
        return [{ kind: 'value', id: domId, expected: text }];
      }
      case 'money': {
        // The field shows a £ prefix, so type the amount as people do: digits and commas.
        const text = String(value).replace(/^£/, '');
        await input.fill(text);
        return [{ kind: 'value', id: domId, expected: text }];
      }
      case 'identifier': {
        const text = String(value);
        await input.fill(text);
        const kind = evaluator.identifierKind(question, scope);
        return [{ kind: 'value', id: domId, expected: kind ? normaliseIdentifier(kind, text) : text }];
      }
      case 'yesno': {
        const index = value === 'yes' ? 0 : 1;
        await page.locator(`#${optionId(domId, index)}`).check();
        return [0, 1].map((i) => ({ kind: 'checked', id: optionId(domId, i), expected: i === index }));
      }
      case 'radios': {
        const choices = evaluator.options(question);
        const options = choices.map((o) => o.value);
        // A person may be planned by name: the option with that label (the people register's ids
        // are made as the driver adds them).
        const byLabel = choices.findIndex((o) => o.label === String(value));
        const index = options.includes(String(value)) ? options.indexOf(String(value)) : byLabel;
        if (index < 0) throw new Error(`${question.id}: "${String(value)}" is not one of ${options.join(', ')}`);
        await page.locator(`#${optionId(domId, index)}`).check();
        return options.map((_, i) => ({ kind: 'checked', id: optionId(domId, i), expected: i === index }));
      }
      case 'checkboxes': {
        const options = evaluator.options(question).map((o) => o.value);
        const chosen = isStringList(value) ? value : [];
        for (const v of chosen) {
          const index = options.indexOf(v);
          if (index < 0) throw new Error(`${question.id}: "${v}" is not one of ${options.join(', ')}`);
          await page.locator(`#${optionId(domId, index)}`).check();
        }
        return options.map((o, i) => ({ kind: 'checked', id: optionId(domId, i), expected: chosen.includes(o) }));
      }
      case 'date': {
        if (!isDateParts(value)) throw new Error(`${question.id}: planned value is not a date`);
        const out: Expectation[] = [];
        for (const part of ['day', 'month', 'year'] as const) {
          await page.locator(`#${domId}-${part}`).fill(value[part]);
          out.push({ kind: 'value', id: `${domId}-${part}`, expected: value[part] });
        }
        return out;
      }
      case 'address': {
        if (!isAddress(value)) throw new Error(`${question.id}: planned value is not an address`);
        const out: Expectation[] = [];
        for (const part of ['line1', 'line2', 'town', 'county', 'postcode'] as const) {
          await page.locator(`#${domId}-${part}`).fill(value[part]);
          const shown = part === 'postcode' ? normaliseIdentifier('postcode', value[part]) : value[part];
          out.push({ kind: 'value', id: `${domId}-${part}`, expected: shown });
        }
        return out;
      }
      case 'evidence': {
        const ids = isStringList(value) ? value : [];
        for (const id of ids) await this.attach(domId, id, question.expires);
        return [{ kind: 'files', id: domId, expected: ids.map((id) => this.fileName(id)) }];
      }
      case 'repeat':
        throw new Error(`${question.id}: a repeating group is answered on its own item pages`);
    }
  }

  // ---------------------------------------------------------------- evidence

  private fileName(id: string): string {
    const file = this.plan.files.get(id);
    if (!file) throw new Error(`no evidence file "${id}" in the scenario`);
    return file.name;
  }

  /** Attaches a file: uploads it the first time (setInputFiles), then chooses it from those already attached. */
  private async attach(domId: string, fileId: string, expires: boolean): Promise<void> {
    const { page } = this;
    const file = this.plan.files.get(fileId);
    if (!file) throw new Error(`no evidence file "${fileId}" in the scenario`);
    const listed = page.locator('.app-evidence__list strong', { hasText: file.name });
    const before = await listed.count();
    if (this.uploaded.has(fileId)) {
      // Each choice reads "name (size, attached on, for what)": pick the one with this file's name.
      const select = page.locator(`#${domId}-existing`);
      const value = await select.evaluate(
        (el, name) =>
          Array.from((el as HTMLSelectElement).options).find((o) => o.text.startsWith(`${name} (`))?.value ?? '',
        file.name,
      );
      await select.selectOption(value);
    } else {
      await page.locator(`#${domId}-file`).setInputFiles(pdfFile(file.name, file.title));
      this.uploaded.add(fileId);
    }
    await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(before + 1);
    if (expires && !this.dated.has(fileId)) {
      const group = page.getByRole('group', { name: `Valid until (${file.name})` }).first();
      const d = dateParts(validUntilOf(this.plan.dates));
      await group.getByLabel('Day').fill(d.day);
      await group.getByLabel('Month').fill(d.month);
      const year = group.getByLabel('Year');
      await year.fill(d.year);
      await year.blur();
      this.dated.add(fileId);
      await expect
        .poll(() => page.locator('.app-evidence__list p', { hasText: file.name }).first().textContent())
        .toContain('valid until');
    }
  }

  // ---------------------------------------------------------------- repeating groups

  /** Adds each planned item on its own page ("Add a …", then "Add another …"). */
  private async fillRepeat(question: RepeatQuestion, items: readonly RepeatItem[]): Promise<Expectation[]> {
    const { page } = this;
    const entry = this.plan.checklist.questions.get(question.id);
    if (!entry) throw new Error(`${question.id} is not in the checklist`);
    const pageRoute = paths.page(this.appId, entry.section.id, entry.page.id);
    const domId = domIdOf(question.id);
    const rows = page.locator(`#question-${domId} .nhsuk-summary-list__key`);
    const titles: string[] = [];
    for (const [index, item] of items.entries()) {
      const first = `Add ${/^[aeiou]/i.test(question.itemName) ? 'an' : 'a'} ${question.itemName}`;
      const add = index === 0 ? first : `Add another ${question.itemName}`;
      await page.locator(`#question-${domId}`).getByRole('link', { name: add, exact: true }).click();
      // "…/new" is replaced by the new item's own id as soon as it opens.
      const itemsRoute = paths.item(this.appId, entry.section.id, entry.page.id, question.id, '');
      await page.waitForFunction(
        (prefix) => location.hash.startsWith(prefix) && !location.hash.endsWith('/new'),
        `#${itemsRoute}`,
      );
      await page.getByRole('heading', { level: 1, name: first }).waitFor();
      const values: Record<string, ItemValue> = {};
      for (const field of question.fields) {
        if (!this.evaluator().fieldVisible(field, { repeat: question, values })) continue;
        const value = item.values[field.id];
        if (value === undefined) throw new Error(`The app shows ${question.id}/${field.id} but the plan has no value`);
        await this.answerField(field, `item-${field.id}`, value, { repeat: question, values });
        values[field.id] = value;
      }
      expect(await page.locator('main form .app-question').count(), `fields shown for ${question.id}`).toBe(
        question.fields.filter((f) => this.evaluator().fieldVisible(f, { repeat: question, values })).length,
      );
      await page.getByRole('button', { name: `Save ${question.itemName}`, exact: true }).click();
      await this.waitForQuestionPage(pageRoute);
      // A person chosen from the register is listed by their name.
      titles.push(itemName(question, item, index, this.evaluator().options));
      await expect.poll(() => rows.allTextContents()).toEqual(titles);
    }
    return [{ kind: 'rows', id: domId, expected: titles }];
  }

  // ---------------------------------------------------------------- checking what is shown

  async expectShown(expectations: readonly Expectation[], where: string): Promise<void> {
    const read = () =>
      this.page.evaluate(
        (list) =>
          list.map((e) => {
            if (e.kind === 'rows' || e.kind === 'files') {
              const selector = e.kind === 'rows' ? '.nhsuk-summary-list__key' : '.app-evidence__list strong';
              return Array.from(document.querySelectorAll(`#question-${e.id} ${selector}`), (n) =>
                (n.textContent ?? '').trim(),
              );
            }
            const el = document.getElementById(e.id) as HTMLInputElement | null;
            if (!el) return null;
            return e.kind === 'checked' ? el.checked : el.value;
          }),
        expectations,
      );
    const mismatches = async () => {
      const shown = await read();
      return expectations.flatMap((e, i) =>
        JSON.stringify(shown[i]) === JSON.stringify(e.expected)
          ? []
          : [`${e.id}: expected ${JSON.stringify(e.expected)}, shown ${JSON.stringify(shown[i])}`],
      );
    };
    await expect.poll(mismatches, { timeout: 5_000, message: `answers on ${where}` }).toEqual([]);
  }

  // ---------------------------------------------------------------- the end

  async openReview(): Promise<void> {
    await this.page.getByRole('link', { name: 'Check your answers and export the application pack' }).click();
    await this.waitForRoute(paths.review(this.appId));
  }
}
