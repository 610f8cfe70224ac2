/**
 * The conflicts of interest part of the pack: the register (one row per declared interest, in the
 * columns CCG registers use) and each person's declaration in the Annex A layout (their roles,
 * each interest with its dates and mitigation, confirmation, consent to publish). The section's
 * other questions follow as usual. Knows the ids of the two repeating groups it reads.
 */
import { isRepeatItems, type RepeatItem } from '@/domain/answers/answer-value';
import type { RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import { repeatQuestionOf, type LoadedChecklist } from '@/domain/definition/load-checklist';
import type { ItemScope } from '@/domain/rules/evaluator';
import { answerLines, recordFields, type AnswerContext } from './pack-answers';
import { sectionBlocks, type Numbering } from './pack-sections';
import type { PackConflicts, PackDeclarant, PackTable } from './pack-types';
import type { SubjectStatus } from '@/domain/exchange/return-subjects';
import { declarationSource } from './pack-returns';

export const declarantsId = 'coi.declarants';
export const interestsId = 'coi.interests';

const repeatOf = (checklist: LoadedChecklist, id: string): RepeatQuestion | null =>
  repeatQuestionOf(checklist, id) ?? null;

/** The section holding the declarants, if the checklist has one. */
export function isConflictsSection(checklist: LoadedChecklist, section: Section): boolean {
  return checklist.questions.get(declarantsId)?.section.id === section.id && !!repeatOf(checklist, interestsId);
}

export function conflictsPart(
  checklist: LoadedChecklist,
  section: Section,
  numbering: Numbering,
  ctx: AnswerContext,
  returns: readonly SubjectStatus[] = [],
): PackConflicts {
  const declarantsQ = repeatOf(checklist, declarantsId);
  const interestsQ = repeatOf(checklist, interestsId);
  const items = (id: string): readonly RepeatItem[] => {
    const value = ctx.evaluator.value(id);
    return isRepeatItems(value) ? value : [];
  };
  const declarants = declarantsQ ? items(declarantsId) : [];
  const interests = interestsQ ? items(interestsId) : [];
  const text = (repeat: RepeatQuestion | null, item: RepeatItem | undefined, fieldId: string): string => {
    const field = repeat?.fields.find((f) => f.id === fieldId);
    if (!repeat || !item || !field) return '';
    const scope: ItemScope = { repeat, values: item.values };
    if (!ctx.evaluator.fieldVisible(field, scope)) return '';
    return answerLines(field, item.values[fieldId], ctx, scope)?.join('\n') ?? '';
  };
  const lines = (...parts: string[]) => parts.filter((p) => p !== '').join('\n');

  const ordered = declarants.flatMap((d) =>
    interests.filter((i) => i.values.declarant === d.id).map((interest) => ({ declarant: d, interest })),
  );
  const orphans = interests.filter((i) => !declarants.some((d) => d.id === i.values.declarant));
  const register: PackTable = {
    columns: [
      'Declarant',
      'Type of interest',
      'Organisation and its business',
      'Description',
      'Dates',
      'Action to manage it',
    ],
    rows: [...ordered, ...orphans.map((interest) => ({ declarant: undefined, interest }))].map(
      ({ declarant, interest }) => {
        const from = text(interestsQ, interest, 'from');
        const to = text(interestsQ, interest, 'to');
        const share = text(interestsQ, interest, 'shareholding');
        const relationship = text(interestsQ, interest, 'relationship');
        return [
          lines(text(declarantsQ, declarant, 'name') || 'Not named', text(declarantsQ, declarant, 'role')),
          lines(text(interestsQ, interest, 'type'), text(interestsQ, interest, 'directness')),
          lines(text(interestsQ, interest, 'organisation'), text(interestsQ, interest, 'business')),
          lines(
            text(interestsQ, interest, 'description'),
            relationship && `Relationship: ${relationship}`,
            share && `Shareholding: ${share}%`,
          ),
          lines(from && `From ${from}`, to && `To ${to}`),
          text(interestsQ, interest, 'mitigation'),
        ];
      },
    ),
  };

  const people: PackDeclarant[] =
    declarantsQ && interestsQ
      ? declarants.map((d, i) => ({
          name: text(declarantsQ, d, 'name') || `Declarant ${i + 1}`,
          fields: [...recordFields(declarantsQ, d, ctx, ['name']), ...declarationSource(returns, d.id)],
          interests: interests
            .filter((interest) => interest.values.declarant === d.id)
            .map((interest, n) => ({
              title: `Interest ${n + 1}: ${text(interestsQ, interest, 'organisation') || 'Not named'}`,
              fields: recordFields(interestsQ, interest, ctx, ['declarant']),
            })),
        }))
      : [];

  return {
    kind: 'conflicts',
    id: section.id,
    number: numbering.sections.get(section.id) ?? 0,
    title: section.title,
    register,
    declarants: people,
    blocks: sectionBlocks(section, numbering, ctx, new Set([declarantsId, interestsId])),
  };
}
