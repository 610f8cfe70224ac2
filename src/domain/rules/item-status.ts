/**
 * Where one item of a repeating group stands, for its row in the list: complete, or incomplete
 * with a one-line reason built from the engine's issues ("Still needs their CQC certificate of
 * registration and their signed self-declaration."), and any hard fail. Also the short summary
 * that tells items with the same name apart (role and register number, ODS code and postcode).
 * Pure: it reads issues the engine has already found and never holds a rule of its own.
 */
import { isAddress, type RepeatItem } from '@/domain/answers/answer-value';
import { formatAnswer } from '@/domain/answers/format-answer';
import type { ItemQuestion, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { Evaluator } from './evaluator';
import type { Issue } from './issues';
import { capitalise } from './validate-answer';

export interface ItemStatus {
  readonly complete: boolean;
  /** A whole sentence saying what the item still needs, or "" when it is complete. */
  readonly reason: string;
  /** Hard-fail messages for the item: it cannot qualify as it stands. */
  readonly hardFails: readonly string[];
}

/** "a", "a and b", "a, b and c"; past `most`, "a, b and 4 other answers" (one line in a list). */
export function listInWords(parts: readonly string[], most = Infinity): string {
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length > most) {
    const rest = parts.length - (most - 1);
    return `${parts.slice(0, most - 1).join(', ')} and ${rest} other ${rest === 1 ? 'answer' : 'answers'}`;
  }
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** A field's name mid-sentence: its noun, or its label in lower case. */
export const fieldNoun = (field: ItemQuestion): string =>
  field.noun ?? `the answer to “${field.label.replace(/\?$/, '')}”`;

export function itemStatus(question: RepeatQuestion, item: RepeatItem, issues: readonly Issue[]): ItemStatus {
  const own = issues.filter((i) => i.questionId === question.id && i.itemId === item.id);
  const blocking = own.filter((i) => i.severity === 'blocking');
  const nounOf = (fieldId: string | undefined) => {
    const field = question.fields.find((f) => f.id === fieldId);
    return field ? fieldNoun(field) : undefined;
  };
  const unique = (xs: readonly (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const needs = unique(blocking.filter((i) => i.code === 'required').map((i) => nounOf(i.fieldId)));
  const checks = unique(blocking.filter((i) => i.code !== 'required').map((i) => nounOf(i.fieldId))).filter(
    (noun) => !needs.includes(noun),
  );
  const sentences = [
    needs.length ? `Still needs ${listInWords(needs, 3)}.` : '',
    checks.length ? `Check ${listInWords(checks, 3)}.` : '',
  ].filter(Boolean);
  return {
    complete: blocking.length === 0,
    reason: sentences.join(' '),
    hardFails: own.filter((i) => i.severity === 'hard-fail').map((i) => i.message),
  };
}

export interface SummaryPart {
  readonly label: string;
  readonly value: string;
}

/**
 * The item's summary fields as words ("Role: Partner", "GMC number: 1234567", "Postcode: TR1 1AA"),
 * skipping hidden and unanswered ones. An address shows its postcode.
 */
export function itemSummary(question: RepeatQuestion, item: RepeatItem, evaluator: Evaluator): SummaryPart[] {
  const scope = { repeat: question, values: item.values };
  const parts: SummaryPart[] = [];
  for (const id of question.summaryFields ?? []) {
    const field = question.fields.find((f) => f.id === id);
    if (!field || !evaluator.fieldVisible(field, scope)) continue;
    const value = item.values[id];
    if (field.type === 'address') {
      if (isAddress(value) && value.postcode.trim())
        parts.push({ label: 'Postcode', value: value.postcode.trim().toUpperCase() });
      continue;
    }
    const lines = formatAnswer(field, value, {
      options: evaluator.options(field),
      identifierKind: evaluator.identifierKind(field, scope),
    });
    if (lines.length) parts.push({ label: summaryLabel(field), value: lines.join(', ') });
  }
  return parts;
}

/** A short label: the field's label when it is short and not a question, else its noun without "their". */
function summaryLabel(field: ItemQuestion): string {
  const label = field.label.replace(/ \(optional\)$/, '');
  if (!label.endsWith('?') && label.length <= 24) return label;
  return field.noun ? capitalise(field.noun.replace(/^(their|your|the) /, '')) : label;
}
