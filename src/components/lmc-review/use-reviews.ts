/**
 * The LMC reviews kept on this computer, read from the reviews repository and kept up to date as
 * they change (in this tab or another): all of them, or one application's.
 */
import { useEffect, useState } from 'react';
import type { PracticeReview, ReviewRecord, ReviewerReview } from '@/domain/exchange/review-record';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { CommentTargets } from '@/domain/exchange/review-record';
import { useAppServices } from '@/components/services/app-services';
import { longDay } from '@/components/session/dates';

/** "3 December 2026" from an ISO date-time, in UK time. */
export const dayOf = longDay;

/** How many of a review's comments are still open. */
export function openCount(review: PracticeReview): number {
  return review.received?.comments.filter((c) => c.resolvedAt === undefined).length ?? 0;
}

export type Reviews =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly records: readonly ReviewRecord[] };

export function useReviews(): Reviews {
  const { repositories } = useAppServices();
  const [state, setState] = useState<Reviews>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      repositories.reviews.list().then(
        (records) => live && setState({ kind: 'ready', records }),
        (error: unknown) =>
          live &&
          setState({ kind: 'failed', message: error instanceof Error ? error.message : 'Reviews could not be read.' }),
      );
    void load();
    const unsubscribe = repositories.reviews.subscribe(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [repositories]);
  return state;
}

/** One application's reviews sent from this computer, newest first. */
export function sentReviews(reviews: Reviews, applicationId: string): PracticeReview[] {
  if (reviews.kind !== 'ready') return [];
  return reviews.records
    .filter((r): r is PracticeReview => r.role === 'practice' && r.applicationId === applicationId)
    .sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
}

/** Reviews opened on this computer by an LMC officer, newest first. */
export function openedReviews(reviews: Reviews): ReviewerReview[] {
  if (reviews.kind !== 'ready') return [];
  return reviews.records
    .filter((r): r is ReviewerReview => r.role === 'reviewer')
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
}

/** Where a comment may point: this checklist's sections and top-level questions. */
export function commentTargets(checklist: LoadedChecklist): CommentTargets {
  return {
    hasSection: (id) => checklist.sections.has(id),
    sectionOf: (questionId) => checklist.questions.get(questionId)?.section.id,
  };
}

/** Saves a changed review record; a clash with another tab is retried once on the newer copy. */
export async function saveReview<T extends ReviewRecord>(
  save: (record: ReviewRecord) => Promise<{ ok: true; record: ReviewRecord } | { ok: false; conflict: ReviewRecord }>,
  record: T,
  change: (record: T) => T,
): Promise<string | null> {
  try {
    const first = await save(change(record));
    if (first.ok) return null;
    const again = await save(change(first.conflict as T));
    return again.ok ? null : 'This was changed in another tab at the same time. Try again.';
  } catch (error) {
    return error instanceof Error ? error.message : 'This could not be saved.';
  }
}
