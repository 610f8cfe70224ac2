/**
 * The exchange files: how a practice and the people around its bid swap work with no server,
 * as plain JSON files sent by NHS mail. One versioned format, "aqp-apply-exchange", and each file
 * names what it is for (`kind`), so opening the wrong kind says so:
 *
 *   review    a draft sent to the LMC for review: the application, its organisation's answers
 *             and the evidence list (the files' bytes optional), under a random `id`.
 *   comments  the LMC's comments on that draft: they echo the review's `id` and the application's
 *             id, so they cannot be applied to another application.
 *   return-request, return
 *             a lead provider asking a member practice or a declarant for their part, and their
 *             answer; defined in return-format.ts.
 *
 * Shared parts (common fields, canonical text) are in exchange-parts.ts. Every file carries `sha256`, the SHA-256 of its canonical content (`exchangeContent`: the file
 * without `sha256`, keys in a fixed order), so a file edited after it was made is refused. This
 * is integrity, not identity: anyone holding a file can make a new one.
 *
 * JSON Schema: `schemas/exchange.schema.json`, generated from this file by
 * `test/tools/generate-exchange-schema.ts`. Limits: a review file is at most 100 MB (with
 * evidence) and 1,000 evidence entries; a comments file at most 2 MB and 1,000 comments of at
 * most 5,000 characters. Pure: must never touch storage, hash, decode bytes or throw.
 */
import { z } from '@/domain/zod';
import {
  ApplicationSchema,
  EvidenceMetaSchema,
  OrganisationProfileSchema,
  type Application,
  type OrganisationProfile,
} from '@/domain/application/application';
import { describeIssues, restoreApplication, restoreEvidenceMeta, restoreProfile } from '@/domain/application/restore';
import {
  base64ByteLength,
  base64,
  maxBackupChars,
  maxBackupDepth,
  maxEvidenceFileBytes,
} from '@/domain/backup/backup-format';
import { parseJsonSafely } from '@/domain/backup/safe-json';
import {
  maxRequestChars,
  maxReturnChars,
  ReturnFileSchema,
  ReturnRequestFileSchema,
  type ReturnFile,
  type ReturnRequestFile,
} from './return-format';
import { common, exchangeFormat, exchangeFormatVersion, Id, PersonName, Sha256 } from './exchange-parts';

export { exchangeContent, exchangeFormat, exchangeFormatVersion } from './exchange-parts';

export const exchangeKinds = ['review', 'comments', 'return-request', 'return'] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];

export const maxReviewChars = maxBackupChars;
export const maxCommentsChars = 2 * 1024 * 1024;
export const maxComments = 1000;
export const maxCommentChars = 5000;
export const maxReviewEvidence = 1000;

const CommentText = z.string().trim().min(1, 'must not be empty').max(maxCommentChars);

export const ReviewEvidenceSchema = z.strictObject({
  meta: EvidenceMetaSchema,
  /** The file's bytes, base64, when the practice chose to send the files. */
  data: base64(maxEvidenceFileBytes).optional(),
});
export type ReviewEvidence = z.infer<typeof ReviewEvidenceSchema>;

export const ReviewFileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('review'),
    /** The organisation sending it, as the reviewer will see it. */
    from: z.strictObject({ organisation: z.string().max(500) }),
    profile: OrganisationProfileSchema,
    application: ApplicationSchema,
    evidence: z.array(ReviewEvidenceSchema).max(maxReviewEvidence),
    sha256: Sha256,
  })
  .superRefine((file, ctx) => {
    if (file.application.profileId !== file.profile.id)
      ctx.addIssue({ code: 'custom', message: 'the application is not this organisation’s', path: ['application'] });
    if (new Set(file.evidence.map((e) => e.meta.id)).size !== file.evidence.length)
      ctx.addIssue({ code: 'custom', message: 'two evidence files have the same id', path: ['evidence'] });
    file.evidence.forEach((e, i) => {
      if (e.data !== undefined && base64ByteLength(e.data) !== e.meta.size)
        ctx.addIssue({ code: 'custom', message: 'the file is not the size it says', path: ['evidence', i, 'data'] });
    });
  });
export type ReviewFile = z.infer<typeof ReviewFileSchema>;

/** One comment: on a question, or on a whole section when `questionId` is absent. */
export const ExchangeCommentSchema = z.strictObject({
  id: Id,
  sectionId: z.string().min(1).max(120),
  questionId: z.string().min(1).max(120).optional(),
  text: CommentText,
});
export type ExchangeComment = z.infer<typeof ExchangeCommentSchema>;

export const CommentsFileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('comments'),
    /** The review file these comments answer. */
    reviewId: Id,
    applicationId: Id,
    /** The application's revision in the review file, so the practice can see what changed since. */
    applicationRevision: z.number().int().nonnegative(),
    reviewer: z.strictObject({ name: PersonName, organisation: PersonName }),
    /** The reviewer's overall note ('' for none). */
    overall: z.string().max(maxCommentChars),
    comments: z.array(ExchangeCommentSchema).max(maxComments),
    sha256: Sha256,
  })
  .superRefine((file, ctx) => {
    if (new Set(file.comments.map((c) => c.id)).size !== file.comments.length)
      ctx.addIssue({ code: 'custom', message: 'two comments have the same id', path: ['comments'] });
    if (!file.overall.trim() && file.comments.length === 0)
      ctx.addIssue({ code: 'custom', message: 'it holds no comments', path: ['comments'] });
  });
export type CommentsFile = z.infer<typeof CommentsFileSchema>;

/** Any exchange file, as documented in `schemas/exchange.schema.json`. */
export const ExchangeDocumentSchema = z.union([
  ReviewFileSchema,
  CommentsFileSchema,
  ReturnRequestFileSchema,
  ReturnFileSchema,
]);
export type ExchangeFile = ReviewFile | CommentsFile | ReturnRequestFile | ReturnFile;

const what: Record<ExchangeKind, string> = {
  review: 'a review file (a draft sent to the LMC for review)',
  comments: 'a comments file (an LMC’s comments on a draft)',
  'return-request': 'a request for a return (a lead provider asking for a member’s part)',
  return: 'a return (a member’s part sent back to its lead provider)',
};
const whereToOpen: Record<ExchangeKind, string> = {
  review: 'Open it from “Review an application for a practice” on the home page.',
  comments: 'Import it from “Comments from your LMC” on the application’s task list.',
  'return-request': 'Open it from “Fill in a return” on the home page.',
  return: 'Import it from “Returns from members and declarants” on the application’s task list.',
};

const maxChars: Record<ExchangeKind, number> = {
  review: maxReviewChars,
  comments: maxCommentsChars,
  'return-request': maxRequestChars,
  return: maxReturnChars,
};

export type ParsedExchange<K extends ExchangeKind> =
  | { readonly ok: true; readonly file: Extract<ExchangeFile, { kind: K }> }
  | { readonly ok: false; readonly message: string };

/** The outer shape only, so the kind and counts are checked before any record is restored. */
const OuterSchema = z.looseObject({
  format: z.literal(exchangeFormat),
  formatVersion: z.number(),
  kind: z.string().max(40),
});

/**
 * Reads an exchange file's text, expecting `kind`: checks size, nesting, keys, the kind, shape and
 * limits, and restores the records a review file holds. The SHA-256 is checked by the caller
 * (hashing is not pure); `exchangeContent` gives the text to hash.
 */
export function parseExchange<K extends ExchangeKind>(text: string, kind: K): ParsedExchange<K> {
  const expected = `This file is not ${what[kind]}`;
  const invalid = (why: string): ParsedExchange<K> => ({ ok: false, message: `${expected}: ${why}` });
  const json = parseJsonSafely(text, { maxChars: maxChars[kind], maxDepth: maxBackupDepth, kind: `${kind} file` });
  if (!json.ok) return { ok: false, message: json.message };
  const outer = OuterSchema.safeParse(json.value);
  if (!outer.success) {
    const format =
      typeof json.value === 'object' && json.value !== null ? Reflect.get(json.value, 'format') : undefined;
    if (typeof format === 'string' && format.startsWith('aqp-apply-backup'))
      return invalid('it is a backup. Import it from “Backups and storage”.');
    return invalid('it was not made by this app.');
  }
  if (outer.data.formatVersion !== exchangeFormatVersion)
    return invalid(
      `it is in exchange format ${String(outer.data.formatVersion)}; this app reads format ${exchangeFormatVersion}. Use the newer version of the app.`,
    );
  const found = exchangeKinds.find((k) => k === outer.data.kind);
  if (!found) return invalid('it is a kind of file this app does not know.');
  if (found !== kind) return invalid(`it is ${what[found]}. ${whereToOpen[found]}`);
  const value = json.value as Record<string, unknown>;
  if (kind !== 'review') {
    const schema =
      kind === 'comments' ? CommentsFileSchema : kind === 'return' ? ReturnFileSchema : ReturnRequestFileSchema;
    const parsed = schema.safeParse(value);
    return parsed.success
      ? ({ ok: true, file: parsed.data } as ParsedExchange<K>)
      : invalid(`${describeIssues(parsed.error)}.`);
  }
  const restored = restoreReviewRecords(value);
  if (typeof restored === 'string') return invalid(restored);
  const parsed = ReviewFileSchema.safeParse({ ...value, ...restored });
  return parsed.success
    ? ({ ok: true, file: parsed.data } as ParsedExchange<K>)
    : invalid(`${describeIssues(parsed.error)}.`);
}

/** A review file's records through the restore step (older record formats are upgraded). */
function restoreReviewRecords(
  value: Record<string, unknown>,
): { profile: OrganisationProfile; application: Application; evidence: unknown[] } | string {
  const profile = restoreProfile(value['profile']);
  if (!profile.ok) return `its organisation cannot be read: ${profile.reason}.`;
  const application = restoreApplication(value['application']);
  if (!application.ok) return `its application cannot be read: ${application.reason}.`;
  const evidence = value['evidence'];
  if (!Array.isArray(evidence)) return '"evidence" is missing.';
  if (evidence.length > maxReviewEvidence) return `it lists more than ${maxReviewEvidence} evidence files.`;
  const entries: unknown[] = [];
  for (const [i, entry] of evidence.entries()) {
    if (typeof entry !== 'object' || entry === null) return `evidence file ${i + 1} is not a record.`;
    const meta = restoreEvidenceMeta(Reflect.get(entry, 'meta'));
    if (!meta.ok) return `evidence file ${i + 1} cannot be read: ${meta.reason}.`;
    entries.push({ ...(entry as Record<string, unknown>), meta: meta.record });
  }
  return { profile: profile.record, application: application.record, evidence: entries };
}
