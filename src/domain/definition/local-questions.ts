/**
 * An advert's local questions as a checklist section. The LMC's `config.json` may add questions
 * for one advert; an application started from that advert keeps a copy of them (so a later change
 * to the file never changes an application in progress), and this builds the checklist that
 * application runs on: the bundled checklist plus a "Local questions" section placed after the
 * application's own sections, with ids `local.<id>`.
 */
import type { Checklist, Question, Section, Source } from './checklist-schema';
import type { LocalQuestion } from '@/domain/hosting/hosting-config';

export const localSectionId = 'local';

const source = (): Source => ({ refs: ['LMC'], basis: 'sourced', note: 'Set by the commissioner for this advert.' });

function toQuestion(q: LocalQuestion): Question {
  const common = {
    id: `${localSectionId}.${q.id}`,
    label: q.label,
    ...(q.hint ? { hint: q.hint } : {}),
    required: q.required ?? true,
    source: source(),
  };
  if (q.type === 'radios' || q.type === 'checkboxes')
    return { ...common, type: q.type, options: (q.options ?? []).map((o) => ({ value: o.value, label: o.label })) };
  if (q.type === 'text') return { ...common, type: q.type, validation: { maxLength: 500 } };
  if (q.type === 'longtext') return { ...common, type: q.type, validation: { maxLength: 5000 } };
  return { ...common, type: q.type };
}

export function localQuestionsSection(commissioner: string, questions: readonly LocalQuestion[]): Section {
  return {
    id: localSectionId,
    title: 'Local questions',
    summary: `Questions ${commissioner || 'the commissioner'} asks for this advert.`,
    group: 'application',
    scope: 'application',
    pages: [
      {
        id: `${localSectionId}.questions`,
        title: 'Local questions',
        intro: `${commissioner || 'The commissioner'} asks these questions for this advert, in addition to the national checklist.`,
        questions: questions.map(toQuestion),
      },
    ],
  };
}

/** The checklist with the advert's local questions; the same checklist when there are none. */
export function withLocalQuestions(
  checklist: Checklist,
  commissioner: string,
  questions: readonly LocalQuestion[] | undefined,
): Checklist {
  if (!questions?.length) return checklist;
  const section = localQuestionsSection(commissioner, questions);
  const lastApplication = checklist.sections.map((s) => s.group).lastIndexOf('application');
  const at = lastApplication < 0 ? checklist.sections.length : lastApplication + 1;
  return { ...checklist, sections: [...checklist.sections.slice(0, at), section, ...checklist.sections.slice(at)] };
}
