/**
 * The stored side of member returns (files in return-format.ts), one record per request, on each PC:
 *
 *   lead        "Ask for a return" made a request file for one member or declarant (when, until
 *               when, which item). A return imported for it is kept here (`received`, with its
 *               evidence) until the lead accepts or does not use it (`decided`); then only what
 *               it was is kept. A newer request for the same item replaces this one.
 *   respondent  a member opened a request file: the request, the id of the draft it fills in
 *               on this PC (an application marked with the request's id), and when it was sent back.
 *
 * Record ids are `request-<request id>` and `respondent-<request id>`. Pure: checks, status and
 * the answers a member's draft starts with; storage reads, hashes and writes.
 */
import { z } from '@/domain/zod';
import type { Answers, RepeatItem } from '@/domain/answers/answer-value';
import { restoreRecord, type RecordKind, type RestoreResult } from '@/domain/application/restore';
import { Id, IsoDateTime } from './exchange-parts';
import {
  interestsQuestionId,
  ReturnFileSchema,
  ReturnRequestFileSchema,
  ReturnSubjectSchema,
  type ReturnFile,
  type ReturnSubject,
} from './return-format';

const common = { formatVersion: z.literal(1), id: z.string().min(1).max(80), revision: z.number().int().nonnegative() };

export const LeadRequestSchema = z.strictObject({
  ...common,
  role: z.literal('lead'),
  requestId: Id,
  applicationId: Id,
  subject: ReturnSubjectSchema,
  askedAt: IsoDateTime,
  replyBy: z.iso.date(),
  /** A newer request for the same item replaced this one: returns to this one are refused. */
  replacedAt: IsoDateTime.optional(),
  received: z
    .strictObject({
      returnId: Id,
      importedAt: IsoDateTime,
      /** When the member made the return file. */
      returnedAt: IsoDateTime,
      respondent: ReturnFileSchema.shape.respondent,
      /** The whole return until it is decided on. */
      file: ReturnFileSchema.optional(),
    })
    .optional(),
  decided: z.strictObject({ outcome: z.enum(['accepted', 'not-used']), at: IsoDateTime }).optional(),
});
export type LeadRequest = z.infer<typeof LeadRequestSchema>;

export const RespondentReturnSchema = z.strictObject({
  ...common,
  role: z.literal('respondent'),
  openedAt: IsoDateTime,
  request: ReturnRequestFileSchema,
  /** The draft on this PC that the member fills in. */
  draftId: Id,
  sentAt: IsoDateTime.optional(),
});
export type RespondentReturn = z.infer<typeof RespondentReturnSchema>;

export const ReturnRecordSchema = z.discriminatedUnion('role', [LeadRequestSchema, RespondentReturnSchema]);
export type ReturnRecord = z.infer<typeof ReturnRecordSchema>;

export const returnKind: RecordKind<ReturnRecord> = { label: 'return', schema: ReturnRecordSchema, upgrades: [] };
export const restoreReturn = (raw: unknown): RestoreResult<ReturnRecord> => restoreRecord(returnKind, raw);

export const leadRequestId = (requestId: string) => `request-${requestId}`;
export const respondentReturnId = (requestId: string) => `respondent-${requestId}`;

/**
 * What a member's draft of a return starts with, from the request they opened: the one item
 * asked for, as the lead prefilled it. A member practice's draft is of a lead-provider bid, so
 * that the members' list (shown only for bids with members) and its questions are shown; a
 * declarant's draft also holds their interests as the lead has them.
 */
export function returnDraftAnswers(request: {
  readonly subject: ReturnSubject;
  readonly prefill: { readonly item: RepeatItem; readonly interests: readonly RepeatItem[] };
}): Answers {
  return request.subject.type === 'member'
    ? { 'bid.model': 'lead-provider', [request.subject.questionId]: [request.prefill.item] }
    : { [request.subject.questionId]: [request.prefill.item], [interestsQuestionId]: request.prefill.interests };
}

/** Where one member's or declarant's return stands, for the task list, readiness and the pack. */
export type ReturnStatus =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'asked'; readonly request: LeadRequest }
  | { readonly kind: 'returned'; readonly request: LeadRequest }
  | { readonly kind: 'accepted'; readonly request: LeadRequest }
  | { readonly kind: 'not-used'; readonly request: LeadRequest };

/** The status of `itemId`'s return: its latest request that was not replaced. */
export function returnStatus(requests: readonly LeadRequest[], itemId: string): ReturnStatus {
  const latest = requests
    .filter((r) => r.subject.itemId === itemId && !r.replacedAt)
    .sort((a, b) => (a.askedAt < b.askedAt ? 1 : -1))[0];
  if (!latest) return { kind: 'not-asked' };
  if (latest.decided) return { kind: latest.decided.outcome, request: latest };
  return { kind: latest.received ? 'returned' : 'asked', request: latest };
}

/** Still outstanding: asked and not yet returned, or returned and not used. */
export const isOutstanding = (status: ReturnStatus): boolean => status.kind === 'asked' || status.kind === 'not-used';

/**
 * Checks a return (its SHA-256 already checked) against the lead's request it echoes, on `today`
 * (an ISO date). A plain message, or null when it can be imported.
 */
export function refuseReturn(
  file: ReturnFile,
  applicationId: string,
  request: LeadRequest | undefined,
  today: string,
): string | null {
  let who = file.subject.name;
  if (file.applicationId !== applicationId)
    return `The return from ${who} is for a different application. Open that application and import it there.`;
  if (!request || request.applicationId !== applicationId)
    return `The return from ${who} answers a request that was not made from this application on this computer.`;
  // Named as the lead named them, whatever the file says.
  who = request.subject.name;
  if (
    request.subject.itemId !== file.subject.itemId ||
    request.subject.type !== file.subject.type ||
    request.subject.questionId !== file.subject.questionId
  )
    return `The return from ${who} does not answer the request it names.`;
  if (request.received?.returnId === file.id || request.decided)
    return `The return from ${who} has been imported already.`;
  if (request.replacedAt)
    return `The return from ${who} answers an older request that a newer one replaced. Ask them to fill in the newer request.`;
  const madeOn = new Date(Date.parse(file.createdAt)).toISOString().slice(0, 10);
  if (madeOn > request.replyBy || today > request.replyBy)
    return `The request to ${who} expired on ${request.replyBy}. Make a new request if you still need their return.`;
  if (Date.parse(file.createdAt) < Date.parse(request.askedAt))
    return `The return from ${who} is dated before the request was made.`;
  return null;
}

/** The lead's request once `file` is imported: kept whole until it is accepted or not used. */
export function receiveReturn(request: LeadRequest, file: ReturnFile, importedAt: string): LeadRequest {
  return {
    ...request,
    received: { returnId: file.id, importedAt, returnedAt: file.createdAt, respondent: file.respondent, file },
  };
}

/**
 * The lead's request once decided: the return's answers and files are in the application (or not
 * used). Undefined when there is no return to decide on.
 */
export function decideReturn(
  request: LeadRequest,
  outcome: 'accepted' | 'not-used',
  at: string,
): LeadRequest | undefined {
  const { received } = request;
  if (!received || request.decided) return undefined;
  const kept = {
    returnId: received.returnId,
    importedAt: received.importedAt,
    returnedAt: received.returnedAt,
    respondent: received.respondent,
  };
  return { ...request, received: kept, decided: { outcome, at } };
}

/** Requests made earlier for the same item, which a new request replaces. */
export function replacedBy(requests: readonly LeadRequest[], subject: ReturnSubject, at: string): LeadRequest[] {
  return requests
    .filter((r) => r.subject.itemId === subject.itemId && !r.replacedAt && !r.decided)
    .map((r) => ({ ...r, replacedAt: at }));
}
