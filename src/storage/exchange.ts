/**
 * Exchange files on this computer (format in `src/domain/exchange/exchange-format.ts`): makes a
 * review file of a draft and records that it was sent; opens a review file for an LMC officer and
 * keeps their comments as they write; makes the comments file they send back; and imports a
 * comments file into the application it answers.
 *
 * Every file read is parsed from `unknown` with the exchange schemas, its SHA-256 is checked, and
 * it is matched to what this computer sent; a refused file changes nothing. Must never throw at
 * the caller: every outcome is a result with a plain message.
 */
import { slug } from '@/storage/file-names';
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import { describeIssues } from '@/domain/application/restore';
import {
  CommentsFileSchema,
  ReviewFileSchema,
  exchangeContent,
  exchangeFormat,
  exchangeFormatVersion,
  parseExchange,
  type ReviewEvidence,
  type ReviewFile,
} from '@/domain/exchange/exchange-format';
import {
  commentsFileContent,
  notReadyToSend,
  practiceReviewId,
  receiveComments,
  refuseComments,
  reviewerReviewId,
  type CommentTargets,
  type PracticeReview,
  type ReviewerReview,
} from '@/domain/exchange/review-record';
import type { Repositories } from '@/domain/ports';
import { base64ToBytes, bytesToBase64 } from '@/storage/base64';
import { collectStrings } from '@/storage/backup';
import { sha256Hex } from '@/storage/evidence-file';
import { editedMessage, failed, hashOf, intact } from '@/storage/exchange-files';

export interface ExchangeDeps {
  readonly now: () => Date;
  readonly newId: () => string;
}

export type ExchangeResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const edited = editedMessage('This file');

export interface ReviewRequest {
  readonly application: Application;
  readonly profile: OrganisationProfile;
  /** Send the evidence files' bytes too (larger); otherwise only their details. */
  readonly includeEvidence: boolean;
}

/** Makes a review file of the application as it is now, and records on this computer that it was sent. */
export async function makeReviewFile(
  repositories: Repositories,
  request: ReviewRequest,
  deps: ExchangeDeps,
): Promise<ExchangeResult<{ fileName: string; text: string }>> {
  try {
    const { application, profile } = request;
    const referenced = collectStrings([application.answers, profile.answers], new Set());
    const metas = (await repositories.evidence.listForProfile(profile.id)).filter((m) => referenced.has(m.id));
    const evidence = await withEvidence(repositories, metas, request.includeEvidence);
    const now = deps.now().toISOString();
    const content = {
      format: exchangeFormat,
      formatVersion: exchangeFormatVersion,
      id: deps.newId(),
      createdAt: now,
      kind: 'review' as const,
      from: { organisation: profile.name },
      profile,
      application,
      evidence,
    };
    const checked = ReviewFileSchema.safeParse({ ...content, sha256: await hashOf(exchangeContent(content)) });
    if (!checked.success)
      return { ok: false, message: `A review file could not be made: ${describeIssues(checked.error)}.` };
    const sent: PracticeReview = {
      formatVersion: 1,
      id: practiceReviewId(checked.data.id),
      revision: 0,
      role: 'practice',
      reviewId: checked.data.id,
      applicationId: application.id,
      sentAt: now,
      applicationRevision: application.revision,
      includesEvidence: request.includeEvidence,
    };
    await repositories.reviews.create(sent);
    const fileName = `aqp-review-${slug(profile.name) || 'application'}-${now.slice(0, 10)}.json`;
    return { ok: true, fileName, text: JSON.stringify(checked.data) };
  } catch (error) {
    return failed('A review file could not be made.', error);
  }
}

async function withEvidence(
  repositories: Repositories,
  metas: readonly EvidenceMeta[],
  withBytes: boolean,
): Promise<ReviewEvidence[]> {
  const entries: ReviewEvidence[] = [];
  for (const meta of [...metas].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const blob = withBytes ? await repositories.evidence.getBlob(meta.id) : undefined;
    entries.push(blob ? { meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) } : { meta });
  }
  return entries;
}

/**
 * Opens a review file for an LMC officer: checked, then kept on this computer with room for their
 * comments. Opening the same file again goes back to the comments already written.
 */
export async function openReviewFile(
  repositories: Repositories,
  text: string,
  deps: Pick<ExchangeDeps, 'now'>,
): Promise<ExchangeResult<{ id: string; reopened: boolean }>> {
  const parsed = parseExchange(text, 'review');
  if (!parsed.ok) return parsed;
  if (!(await intact(parsed.file))) return { ok: false, message: edited };
  try {
    const damaged = await firstDamagedEvidence(parsed.file);
    if (damaged !== undefined)
      return {
        ok: false,
        message: `Evidence file ${damaged + 1} in this review file is damaged: its contents do not match its details. Ask for the file again.`,
      };
    const id = reviewerReviewId(parsed.file.id);
    if (await repositories.reviews.get(id)) return { ok: true, id, reopened: true };
    const record: ReviewerReview = {
      formatVersion: 1,
      id,
      revision: 0,
      role: 'reviewer',
      openedAt: deps.now().toISOString(),
      review: parsed.file,
      reviewer: { name: '', organisation: '' },
      overall: '',
      comments: [],
    };
    await repositories.reviews.create(record);
    return { ok: true, id, reopened: false };
  } catch (error) {
    return failed('The review file could not be kept on this computer.', error);
  }
}

/** The index of the first evidence entry whose bytes are not the file its details describe. */
async function firstDamagedEvidence(file: ReviewFile): Promise<number | undefined> {
  for (const [i, entry] of file.evidence.entries()) {
    if (entry.data === undefined) continue;
    const bytes = base64ToBytes(entry.data);
    if (bytes.byteLength !== entry.meta.size || (await sha256Hex(bytes)) !== entry.meta.sha256) return i;
  }
  return undefined;
}

/** The comments file a reviewer sends back, checked against its own schema before it is offered. */
export async function makeCommentsFile(
  record: ReviewerReview,
  deps: ExchangeDeps,
): Promise<ExchangeResult<{ fileName: string; text: string }>> {
  const problems = notReadyToSend(record);
  if (problems.length) return { ok: false, message: `${problems.join('. ')}.` };
  const now = deps.now().toISOString();
  const content = commentsFileContent(record, deps.newId(), now);
  const checked = CommentsFileSchema.safeParse({ ...content, sha256: await hashOf(exchangeContent(content)) });
  if (!checked.success)
    return { ok: false, message: `The comments file could not be made: ${describeIssues(checked.error)}.` };
  const fileName = `aqp-comments-${slug(record.review.from.organisation) || 'application'}-${now.slice(0, 10)}.json`;
  return { ok: true, fileName, text: JSON.stringify(checked.data) };
}

/**
 * Imports a comments file into the application it answers: refused plainly, with nothing
 * changed, when it is not a comments file, has been edited, answers another application or a
 * review not sent from here, was imported already, or points at questions this checklist lacks.
 */
export async function importCommentsFile(
  repositories: Repositories,
  applicationId: string,
  text: string,
  targets: CommentTargets,
  deps: Pick<ExchangeDeps, 'now'>,
): Promise<ExchangeResult<{ comments: number; reviewer: string }>> {
  const parsed = parseExchange(text, 'comments');
  if (!parsed.ok) return parsed;
  const file = parsed.file;
  if (!(await intact(file))) return { ok: false, message: edited };
  try {
    const stored = await repositories.reviews.get(practiceReviewId(file.reviewId));
    const sent = stored?.role === 'practice' ? stored : undefined;
    const refused = refuseComments(file, applicationId, sent, targets);
    if (refused || !sent) return { ok: false, message: refused ?? 'These comments cannot be imported.' };
    const saved = await repositories.reviews.save(receiveComments(sent, file, deps.now().toISOString()), {
      durable: true,
    });
    if (!saved.ok)
      return { ok: false, message: 'These comments were changed in another tab at the same time. Try again.' };
    return { ok: true, comments: file.comments.length, reviewer: file.reviewer.organisation };
  } catch (error) {
    return failed('The comments could not be saved.', error);
  }
}
