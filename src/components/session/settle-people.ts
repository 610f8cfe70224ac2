/**
 * When an application opens: names typed before the checklist chose people from the people in
 * the organisation are linked to the person they name (the people migration, see
 * migrate-people.ts), once, through the session's own saving. Says how many were linked, for the
 * task list's "what changed" note; names that match nobody stay as typed for the user to settle.
 */
import { useEffect, useState } from 'react';
import type { AnswerValue, Answers } from '@/domain/answers/answer-value';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { settlePeople } from '@/domain/definition/migrate-people';

export function useSettlePeopleOnOpen(
  opened: { readonly checklist: LoadedChecklist; readonly answers: Answers; readonly key: string } | null,
  setAnswers: (patch: Readonly<Record<string, AnswerValue | undefined>>) => void,
): number {
  const [linked, setLinked] = useState(0);
  const key = opened?.key;
  useEffect(() => {
    if (!opened) return;
    const { changed, matched } = settlePeople(opened.checklist, opened.answers);
    if (Object.keys(changed).length) setAnswers(changed);
    setLinked(matched.length);
    // Once per application opened (and per version taken from another tab).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return linked;
}
