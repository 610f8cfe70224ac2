/**
 * Member returns, the two exchange kinds a federation's lead uses to collect each member's part
 * without retyping it (see exchange-format.ts for the format they share):
 *
 *   return-request  the lead asks one member practice for its part of `bid.members`, or one
 *                   partner or director for their declaration of interests (`coi.declarants` and
 *                   their `coi.interests`): which application and advert, the checklist version,
 *                   the questions' item as the lead has it so far (prefilled), the people register
 *                   the answers choose from, the date to reply by, and who asked. Random `id`.
 *   return          what the member sends back: it echoes the request's `id` and the
 *                   application's id, holds their item (and a declarant's interests), who sent
 *                   it, and the evidence files it names, each with its bytes and SHA-256.
 *
 * Both carry `sha256` of their canonical content. Limits: a request at most 1 MB, 500 people and
 * 100 interests; a return at most 100 MB with its evidence, 50 evidence files. Pure.
 */
import { z } from '@/domain/zod';
import { RepeatItemSchema } from '@/domain/answers/answer-value';
import { AdvertSchema, EvidenceMetaSchema } from '@/domain/application/application';
import { base64, base64ByteLength, maxBackupChars, maxEvidenceFileBytes } from '@/domain/backup/backup-format';
import { ServiceId } from '@/domain/definition/service-id';
import { common, Id, PersonName, Sha256 } from './exchange-parts';

export const maxRequestChars = 1024 * 1024;
export const maxReturnChars = maxBackupChars;
export const maxRequestPeople = 500;
export const maxReturnInterests = 100;
export const maxReturnEvidence = 50;

/** The repeating groups a return can be asked for, by the kind of return. */
export const returnQuestions = { member: 'bid.members', declarant: 'coi.declarants' } as const;
export const interestsQuestionId = 'coi.interests';
export const peopleQuestionId = 'org.people';
export type ReturnType = keyof typeof returnQuestions;

export const ReturnSubjectSchema = z
  .strictObject({
    type: z.enum(['member', 'declarant']),
    /** The repeating group's question id: `bid.members` or `coi.declarants`. */
    questionId: z.string().min(1).max(120),
    /** The item asked for, in the lead's application; the return fills that item. */
    itemId: Id,
    /** Who is asked, in words: the member practice's name, or the declarant's. */
    name: PersonName,
  })
  .refine((s) => s.questionId === returnQuestions[s.type], {
    message: 'the question does not match the kind of return',
    path: ['questionId'],
  });
export type ReturnSubject = z.infer<typeof ReturnSubjectSchema>;

/** Items of a repeating group: each with its own id, and none still being added. */
const Items = (max: number) =>
  z
    .array(RepeatItemSchema)
    .max(max)
    .superRefine((items, ctx) => {
      if (new Set(items.map((i) => i.id)).size !== items.length)
        ctx.addIssue({ code: 'custom', message: 'two items have the same id' });
      items.forEach((item, i) => {
        if (item.pending) ctx.addIssue({ code: 'custom', message: 'an item was not saved', path: [i] });
      });
    });

/** Every interest must be this declarant's, and a member's return holds none. */
function checkInterests(
  subject: ReturnSubject,
  interests: readonly { values: Readonly<Record<string, unknown>> }[],
  ctx: z.RefinementCtx,
  path: string,
) {
  if (subject.type === 'member' && interests.length > 0)
    ctx.addIssue({ code: 'custom', message: 'a member practice’s return holds no interests', path: [path] });
  interests.forEach((interest, i) => {
    if (interest.values['declarant'] !== subject.itemId)
      ctx.addIssue({ code: 'custom', message: 'the interest is not this person’s', path: [path, i] });
  });
}

export const ReturnRequestFileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('return-request'),
    from: z.strictObject({
      /** The lead organisation. */
      organisation: PersonName,
      /** The person asking, and how to reach them. */
      askedBy: PersonName,
      email: z.string().max(254),
    }),
    application: z.strictObject({
      id: Id,
      checklistId: z.string().max(100),
      checklistVersion: z.number().int().positive(),
      checklistEdition: z.string().max(300),
      services: z.array(ServiceId).min(1).max(8),
      advert: AdvertSchema,
    }),
    subject: ReturnSubjectSchema,
    /** The date to send the return back by (the advert's closing date when it has one). */
    replyBy: z.iso.date(),
    prefill: z.strictObject({
      /** The item as the lead has it so far. */
      item: RepeatItemSchema,
      /** A declarant's interests as the lead has them so far. */
      interests: Items(maxReturnInterests),
      /** The lead's people register, which the item's answers choose from (clinicians, the declarant). */
      people: Items(maxRequestPeople),
    }),
    sha256: Sha256,
  })
  .superRefine((file, ctx) => {
    if (file.prefill.item.id !== file.subject.itemId)
      ctx.addIssue({ code: 'custom', message: 'the item is not the one asked for', path: ['prefill', 'item'] });
    checkInterests(file.subject, file.prefill.interests, ctx, 'prefill');
    if (file.createdAt.slice(0, 10) > file.replyBy)
      ctx.addIssue({ code: 'custom', message: 'the reply-by date is before the file was made', path: ['replyBy'] });
  });
export type ReturnRequestFile = z.infer<typeof ReturnRequestFileSchema>;

export const ReturnEvidenceSchema = z.strictObject({ meta: EvidenceMetaSchema, data: base64(maxEvidenceFileBytes) });
export type ReturnEvidence = z.infer<typeof ReturnEvidenceSchema>;

export const ReturnFileSchema = z
  .strictObject({
    ...common,
    kind: z.literal('return'),
    /** The request this answers, and the lead's application it belongs to. */
    requestId: Id,
    applicationId: Id,
    subject: ReturnSubjectSchema,
    /** Who filled it in and sent it back, with their organisation (the member practice). */
    respondent: z.strictObject({ name: PersonName, organisation: z.string().trim().max(160) }),
    item: RepeatItemSchema,
    interests: Items(maxReturnInterests),
    evidence: z.array(ReturnEvidenceSchema).max(maxReturnEvidence),
    sha256: Sha256,
  })
  .superRefine((file, ctx) => {
    if (file.item.id !== file.subject.itemId)
      ctx.addIssue({ code: 'custom', message: 'the item is not the one asked for', path: ['item'] });
    if (file.item.pending) ctx.addIssue({ code: 'custom', message: 'the item was not saved', path: ['item'] });
    checkInterests(file.subject, file.interests, ctx, 'interests');
    if (new Set(file.evidence.map((e) => e.meta.id)).size !== file.evidence.length)
      ctx.addIssue({ code: 'custom', message: 'two evidence files have the same id', path: ['evidence'] });
    file.evidence.forEach((e, i) => {
      if (base64ByteLength(e.data) !== e.meta.size)
        ctx.addIssue({ code: 'custom', message: 'the file is not the size it says', path: ['evidence', i, 'data'] });
    });
  });
export type ReturnFile = z.infer<typeof ReturnFileSchema>;
