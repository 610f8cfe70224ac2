/**
 * The stored side of an LMC review, one record per review file, on each PC:
 *
 *   practice  "Send for review" made a review file (its random id, when, from which revision of
 *             the application); once the LMC's comments file is imported, its comments, each
 *             with the practice's reply and whether it is resolved. Never printed in the pack.
 *   reviewer  the LMC officer opened a review file: the whole file (read only), their name and
 *             organisation, an overall note and their comments as they write them, and when they
 *             last sent them back.
 *
 * Record ids are `practice-<review id>` and `reviewer-<review id>`, so one PC can hold both sides.
 * Pure: checks and merges records and files; storage reads, hashes and writes them.
 */
import { z } from '@/domain/zod';
import { restoreRecord, type RecordKind, type RestoreResult } from '@/domain/application/restore';
import {
  CommentsFileSchema,
  ExchangeCommentSchema,
  ReviewFileSchema,
  exchangeFormat,
  exchangeFormatVersion,
  maxCommentChars,
  type CommentsFile,
  type ExchangeComment,
} from './exchange-format';

const Id = z.string().min(1).max(80);
const IsoDateTime = z.iso.datetime({ offset: true });

export const ReceivedCommentSchema = z.strictObject({
  ...ExchangeCommentSchema.shape,
  /** The practice's reply, kept on this PC ('' for none). */
  reply: z.string().max(maxCommentChars),
  resolvedAt: IsoDateTime.optional(),
});
export type ReceivedComment = z.infer<typeof ReceivedCommentSchema>;

const common = { formatVersion: z.literal(1), id: Id, revision: z.number().int().nonnegative() };

export const PracticeReviewSchema = z.strictObject({
  ...common,
  role: z.literal('practice'),
  reviewId: Id,
  applicationId: Id,
  sentAt: IsoDateTime,
  applicationRevision: z.number().int().nonnegative(),
  includesEvidence: z.boolean(),
  received: z
    .strictObject({
      commentsId: Id,
      importedAt: IsoDateTime,
      sentAt: IsoDateTime,
      reviewer: CommentsFileSchema.shape.reviewer,
      overall: z.string().max(maxCommentChars),
      comments: z.array(ReceivedCommentSchema).max(1000),
    })
    .optional(),
});
export type PracticeReview = z.infer<typeof PracticeReviewSchema>;

export const ReviewerReviewSchema = z.strictObject({
  ...common,
  role: z.literal('reviewer'),
  openedAt: IsoDateTime,
  review: ReviewFileSchema,
  /** The reviewer, as typed so far ('' until given). */
  reviewer: z.strictObject({ name: z.string().max(160), organisation: z.string().max(160) }),
  overall: z.string().max(maxCommentChars),
  comments: z.array(ExchangeCommentSchema).max(1000),
  sentAt: IsoDateTime.optional(),
});
export type ReviewerReview = z.infer<typeof ReviewerReviewSchema>;

export const ReviewRecordSchema = z.discriminatedUnion('role', [PracticeReviewSchema, ReviewerReviewSchema]);
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

export const reviewKind: RecordKind<ReviewRecord> = { label: 'review', schema: ReviewRecordSchema, upgrades: [] };
export const restoreReview = (raw: unknown): RestoreResult<ReviewRecord> => restoreRecord(reviewKind, raw);

export const practiceReviewId = (reviewId: string) => `practice-${reviewId}`;
export const reviewerReviewId = (reviewId: string) => `reviewer-${reviewId}`;

/** The comments file a reviewer sends back, without its `sha256` (storage adds it). */
export function commentsFileContent(
  record: ReviewerReview,
  id: string,
  createdAt: string,
): Omit<CommentsFile, 'sha256'> {
  return {
    format: exchangeFormat,
    formatVersion: exchangeFormatVersion,
    id,
    createdAt,
    kind: 'comments',
    reviewId: record.review.id,
    applicationId: record.review.application.id,
    applicationRevision: record.review.application.revision,
    reviewer: { name: record.reviewer.name.trim(), organisation: record.reviewer.organisation.trim() },
    overall: record.overall.trim(),
    // Trimmed as the schema trims them, so the file's SHA-256 is of the text it holds.
    comments: record.comments.map((c) => ({ ...c, text: c.text.trim() })),
  };
}

/** What must be put right before a reviewer can send their comments, in words; empty when none. */
export function notReadyToSend(record: ReviewerReview): string[] {
  const problems: string[] = [];
  if (!record.reviewer.name.trim()) problems.push('Enter your name');
  if (!record.reviewer.organisation.trim()) problems.push('Enter your organisation');
  if (!record.overall.trim() && record.comments.length === 0)
    problems.push('Add at least one comment or an overall note');
  return problems;
}

/** Where a comment points: the checklist's sections and questions, as far as they are known. */
export interface CommentTargets {
  hasSection(id: string): boolean;
  /** The section a question is in, or undefined for a question the checklist does not have. */
  sectionOf(questionId: string): string | undefined;
}

/**
 * Checks a comments file (its SHA-256 already checked) against the practice's records for
 * `applicationId`: whose review it answers, that it is for this application, not imported before,
 * and that each comment points at a section and question of this checklist. A plain message, or null.
 */
export function refuseComments(
  file: CommentsFile,
  applicationId: string,
  sent: PracticeReview | undefined,
  targets: CommentTargets,
): string | null {
  if (file.applicationId !== applicationId)
    return 'These comments are on a different application. Open that application and import them there.';
  if (!sent || sent.reviewId !== file.reviewId || sent.applicationId !== applicationId)
    return 'These comments answer a review file that was not sent from this application on this computer.';
  if (sent.received?.commentsId === file.id) return 'These comments have been imported already.';
  if (file.applicationRevision !== sent.applicationRevision)
    return 'These comments do not match the review file that was sent: ask your LMC to send them again.';
  for (const [i, comment] of file.comments.entries()) {
    if (!targets.hasSection(comment.sectionId))
      return `Comment ${i + 1} is on a section this version of the checklist does not have.`;
    if (comment.questionId !== undefined && targets.sectionOf(comment.questionId) !== comment.sectionId)
      return `Comment ${i + 1} is on a question this version of the checklist does not have.`;
  }
  return null;
}

/**
 * The practice's record once `file` is imported. A later comments file on the same review replaces
 * the earlier one, keeping the reply and resolved state of every comment it still holds.
 */
export function receiveComments(sent: PracticeReview, file: CommentsFile, importedAt: string): PracticeReview {
  const before = new Map((sent.received?.comments ?? []).map((c) => [c.id, c]));
  const comments: ReceivedComment[] = file.comments.map((c: ExchangeComment) => {
    const was = before.get(c.id);
    return { ...c, reply: was?.reply ?? '', ...(was?.resolvedAt ? { resolvedAt: was.resolvedAt } : {}) };
  });
  return {
    ...sent,
    received: {
      commentsId: file.id,
      importedAt,
      sentAt: file.createdAt,
      reviewer: file.reviewer,
      overall: file.overall,
      comments,
    },
  };
}
