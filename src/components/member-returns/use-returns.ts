/**
 * The member returns kept on this computer, read from the returns repository and kept up to date
 * as they change (in this tab or another), and one application's members and declarants with
 * where each one's return stands.
 */
import { useEffect, useState } from 'react';
import type { LeadRequest, RespondentReturn, ReturnRecord } from '@/domain/exchange/return-record';
import { returnSubjects, type SubjectStatus } from '@/domain/exchange/return-subjects';
import { createEvaluator } from '@/domain/rules/evaluator';
import { useAppServices } from '@/components/services/app-services';
import type { ApplicationSession } from '@/components/session/application-session';

export type Returns =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly records: readonly ReturnRecord[] };

export function useReturns(): Returns {
  const { repositories } = useAppServices();
  const [state, setState] = useState<Returns>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      repositories.returns.list().then(
        (records) => live && setState({ kind: 'ready', records }),
        (error: unknown) =>
          live &&
          setState({ kind: 'failed', message: error instanceof Error ? error.message : 'Returns could not be read.' }),
      );
    void load();
    const unsubscribe = repositories.returns.subscribe(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [repositories]);
  return state;
}

/** One application's requests made on this computer, newest first. */
export function leadRequests(returns: Returns, applicationId: string): LeadRequest[] {
  if (returns.kind !== 'ready') return [];
  return returns.records
    .filter((r): r is LeadRequest => r.role === 'lead' && r.applicationId === applicationId)
    .sort((a, b) => (a.askedAt < b.askedAt ? 1 : -1));
}

/** Requests being filled in on this computer, newest first. */
export function respondentReturns(returns: Returns): RespondentReturn[] {
  if (returns.kind !== 'ready') return [];
  return returns.records
    .filter((r): r is RespondentReturn => r.role === 'respondent')
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
}

/** The session's members and declarants, with where each one's return stands (no full evaluation). */
export function sessionSubjects(session: ApplicationSession, requests: readonly LeadRequest[]): SubjectStatus[] {
  const evaluator = createEvaluator(session.evaluationInput());
  return returnSubjects(session.checklist, session.answers, evaluator.options, requests, (id) =>
    evaluator.questionVisible(id),
  );
}
