// Helpers for the rules engine's tests: load a checklist, evaluate answers with fixed dates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from '@/domain/answers/answer-value';
import type { Checklist, ServiceId } from '@/domain/definition/checklist-schema';
import { loadChecklistOrThrow, type LoadedChecklist } from '@/domain/definition/load-checklist';
import { evaluate } from '@/domain/rules/evaluate';
import type { EvaluationDates, EvidenceInfo } from '@/domain/rules/evaluator';
import { miniChecklist } from '../fixtures/checklists/mini-checklist';

export const today = '2026-11-22';
export const dates: EvaluationDates = { today, serviceStart: '2027-04-01', closingDate: '2027-01-15' };

export const mini = (): LoadedChecklist => loadChecklistOrThrow(miniChecklist);

export function rawAqpChecklist(): Checklist {
  return JSON.parse(readFileSync(path.resolve('schemas/checklists/aqp-2012.json'), 'utf8')) as Checklist;
}

export const aqp = (): LoadedChecklist => loadChecklistOrThrow(rawAqpChecklist());

export function run(
  checklist: LoadedChecklist,
  answers: Answers,
  options: { services?: ServiceId[]; evidence?: EvidenceInfo[]; dates?: EvaluationDates } = {},
) {
  return evaluate({
    checklist,
    answers,
    services: options.services ?? ['podiatry'],
    dates: options.dates ?? dates,
    evidence: new Map((options.evidence ?? []).map((e) => [e.id, e])),
  });
}

export const date = (iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day, month, year };
};

export const item = (id: string, values: Record<string, unknown>) =>
  ({ id, values }) as { id: string; values: Record<string, never> };
