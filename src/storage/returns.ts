/**
 * Member returns on this computer (files in `src/domain/exchange/return-format.ts`): the lead makes
 * a request file for one member or declarant and records it; the member opens it into a draft of
 * its own, fills it in, and makes the return file; the lead imports returns, one or many, and
 * stores a return's evidence once it is accepted.
 *
 * Every file read is parsed from `unknown` with the exchange schemas, its SHA-256 is checked, and
 * it is matched to the request this computer made; a refused file changes nothing. Must never
 * throw at the caller: every outcome is a result with a plain message.
 */
import { listedItems, type Answers, type RepeatItem } from '@/domain/answers/answer-value';
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import { describeIssues } from '@/domain/application/restore';
import {
  exchangeContent,
  exchangeFormat,
  exchangeFormatVersion,
  parseExchange,
} from '@/domain/exchange/exchange-format';
import {
  peopleQuestionId,
  ReturnFileSchema,
  ReturnRequestFileSchema,
  type ReturnEvidence,
  type ReturnFile,
  type ReturnSubject,
} from '@/domain/exchange/return-format';
import {
  decideReturn,
  leadRequestId,
  receiveReturn,
  refuseReturn,
  replacedBy,
  respondentReturnId,
  returnDraftAnswers,
  type LeadRequest,
  type RespondentReturn,
} from '@/domain/exchange/return-record';
import { declarantInterests } from '@/domain/exchange/return-subjects';
import type { Repositories } from '@/domain/ports';
import { base64ToBytes, bytesToBase64 } from '@/storage/base64';
import { toStorageFailure } from '@/storage/errors';
import { sha256Hex } from '@/storage/evidence-file';
import { editedMessage, failed, hashOf, intact } from '@/storage/exchange-files';
import { slug } from '@/storage/file-names';

export interface ReturnDeps {
  readonly now: () => Date;
  readonly newId: () => string;
}

export type ReturnResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
/** How long a request stays open when the advert gives no closing date (or it has passed). */
export const defaultReplyDays = 28;

export interface RequestInput {
  readonly application: Application;
  readonly profile: OrganisationProfile;
  /** The application's answers with the organisation's (the session's answers). */
  readonly answers: Answers;
  readonly subject: ReturnSubject;
  readonly askedBy: string;
  readonly email: string;
}

/** The people a request carries: the whole register for a member, only themselves for a declarant. */
function peopleFor(answers: Answers, subject: ReturnSubject, item: RepeatItem): RepeatItem[] {
  const people = listedItems(answers[peopleQuestionId]);
  if (subject.type === 'member') return [...people];
  return people.filter((p) => p.id === item.values['name']);
}

/** Makes a request file for one member or declarant, and records on this computer that it was made. */
export async function makeReturnRequest(
  repositories: Repositories,
  input: RequestInput,
  deps: ReturnDeps,
): Promise<ReturnResult<{ fileName: string; text: string; request: LeadRequest }>> {
  try {
    const { application, profile, answers, subject } = input;
    const item = listedItems(answers[subject.questionId]).find((i) => i.id === subject.itemId);
    if (!item) return { ok: false, message: `${subject.name} is no longer in this application.` };
    const now = deps.now();
    const at = now.toISOString();
    const today = isoDay(now);
    const closing = application.advert.closingDate;
    const replyBy = closing && closing >= today ? closing : addDays(today, defaultReplyDays);
    const content = {
      format: exchangeFormat,
      formatVersion: exchangeFormatVersion,
      id: deps.newId(),
      createdAt: at,
      kind: 'return-request' as const,
      // Trimmed as the schema trims them, so the file's SHA-256 is of the text it holds.
      from: {
        organisation: profile.name.trim() || 'Lead provider',
        askedBy: input.askedBy.trim(),
        email: input.email.trim(),
      },
      application: {
        id: application.id,
        checklistId: application.checklistId,
        checklistVersion: application.checklistVersion,
        checklistEdition: application.checklistEdition,
        services: application.services,
        advert: application.advert,
      },
      subject: { ...subject, name: subject.name.trim() },
      replyBy,
      prefill: {
        item: { id: item.id, values: item.values },
        interests: subject.type === 'declarant' ? declarantInterests(answers, item.id) : [],
        people: peopleFor(answers, subject, item),
      },
    };
    const checked = ReturnRequestFileSchema.safeParse({ ...content, sha256: await hashOf(exchangeContent(content)) });
    if (!checked.success)
      return { ok: false, message: `A request could not be made: ${describeIssues(checked.error)}.` };
    const earlier = (await repositories.returns.list()).filter(
      (r): r is LeadRequest => r.role === 'lead' && r.applicationId === application.id,
    );
    for (const old of replacedBy(earlier, subject, at)) await repositories.returns.save(old, { durable: true });
    const request: LeadRequest = {
      formatVersion: 1,
      id: leadRequestId(checked.data.id),
      revision: 0,
      role: 'lead',
      requestId: checked.data.id,
      applicationId: application.id,
      subject,
      askedAt: at,
      replyBy,
    };
    const created = (await repositories.returns.create(request)) as LeadRequest;
    const fileName = `aqp-request-${slug(subject.name) || 'return'}-${today}.json`;
    return { ok: true, fileName, text: JSON.stringify(checked.data), request: created };
  } catch (error) {
    return failed('A request could not be made.', error);
  }
}

/**
 * Opens a request file for a member: checked, then a draft of its own is made on this computer
 * (an organisation holding the lead's people register, and an application holding the one item
 * asked for). Opening the same request again goes back to the draft.
 */
export async function openReturnRequest(
  repositories: Repositories,
  text: string,
  deps: ReturnDeps,
): Promise<ReturnResult<{ draftId: string; reopened: boolean }>> {
  const parsed = parseExchange(text, 'return-request');
  if (!parsed.ok) return parsed;
  const request = parsed.file;
  if (!(await intact(request))) return { ok: false, message: editedMessage('This request') };
  const now = deps.now();
  if (isoDay(now) > request.replyBy)
    return {
      ok: false,
      message: `This request expired on ${request.replyBy}. Ask ${request.from.askedBy} at ${request.from.organisation} for a new one.`,
    };
  try {
    const existing = await repositories.returns.get(respondentReturnId(request.id));
    if (existing?.role === 'respondent' && (await repositories.applications.get(existing.draftId)))
      return { ok: true, draftId: existing.draftId, reopened: true };
    const at = now.toISOString();
    const profile: OrganisationProfile = {
      formatVersion: 1,
      id: deps.newId(),
      name: request.subject.name,
      answers: { [peopleQuestionId]: request.prefill.people },
      createdAt: at,
      updatedAt: at,
      revision: 0,
    };
    const answers = returnDraftAnswers(request);
    const application: Application = {
      formatVersion: 1,
      id: deps.newId(),
      profileId: profile.id,
      checklistId: request.application.checklistId,
      checklistVersion: request.application.checklistVersion,
      checklistEdition: request.application.checklistEdition,
      services: request.application.services,
      advert: request.application.advert,
      answers,
      retiredAnswers: {},
      completedSections: [],
      status: 'draft',
      returnFor: { requestId: request.id },
      createdAt: at,
      updatedAt: at,
      revision: 0,
    };
    await repositories.profiles.create(profile);
    await repositories.applications.create(application);
    const record: RespondentReturn = {
      formatVersion: 1,
      id: respondentReturnId(request.id),
      revision: 0,
      role: 'respondent',
      openedAt: at,
      request,
      draftId: application.id,
    };
    if (existing) await repositories.returns.delete(existing.id);
    await repositories.returns.create(record);
    return { ok: true, draftId: application.id, reopened: false };
  } catch (error) {
    return failed('The request could not be kept on this computer.', error);
  }
}

export interface ReturnInput {
  readonly record: RespondentReturn;
  /** The draft's answers (application and organisation). */
  readonly answers: Answers;
  readonly evidence: readonly EvidenceMeta[];
  readonly respondent: { readonly name: string; readonly organisation: string };
}

/** The return file a member sends back; records when it was made. */
export async function makeReturnFile(
  repositories: Repositories,
  input: ReturnInput,
  deps: ReturnDeps,
): Promise<ReturnResult<{ fileName: string; text: string }>> {
  try {
    const { request } = input.record;
    const item = listedItems(input.answers[request.subject.questionId]).find((i) => i.id === request.subject.itemId);
    if (!item) return { ok: false, message: 'Save your answers before you send them back.' };
    const interests = request.subject.type === 'declarant' ? declarantInterests(input.answers, item.id) : [];
    const named = new Set(
      [item, ...interests].flatMap((i) => Object.values(i.values).flatMap((v) => (Array.isArray(v) ? v : []))),
    );
    const evidence: ReturnEvidence[] = [];
    for (const meta of input.evidence.filter((m) => named.has(m.id))) {
      const blob = await repositories.evidence.getBlob(meta.id);
      if (!blob)
        return { ok: false, message: `The file “${meta.name}” is missing from this computer. Upload it again.` };
      evidence.push({ meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
    }
    const at = deps.now().toISOString();
    const content = {
      format: exchangeFormat,
      formatVersion: exchangeFormatVersion,
      id: deps.newId(),
      createdAt: at,
      kind: 'return' as const,
      requestId: request.id,
      applicationId: request.application.id,
      subject: request.subject,
      respondent: { name: input.respondent.name.trim(), organisation: input.respondent.organisation.trim() },
      item: { id: item.id, values: item.values },
      interests: interests.map((i) => ({ id: i.id, values: i.values })),
      evidence,
    };
    const checked = ReturnFileSchema.safeParse({ ...content, sha256: await hashOf(exchangeContent(content)) });
    if (!checked.success)
      return { ok: false, message: `The return could not be made: ${describeIssues(checked.error)}.` };
    const sent: RespondentReturn = { ...input.record, sentAt: at };
    const saved = await repositories.returns.save(sent, { durable: true });
    if (!saved.ok && saved.conflict.role === 'respondent')
      await repositories.returns.save({ ...saved.conflict, sentAt: at }, { durable: true });
    const fileName = `aqp-return-${slug(request.subject.name) || 'return'}-${at.slice(0, 10)}.json`;
    return { ok: true, fileName, text: JSON.stringify(checked.data) };
  } catch (error) {
    return failed('The return could not be made.', error);
  }
}

export interface ImportedReturn {
  readonly fileName: string;
  readonly ok: boolean;
  /** Whose return it is, when known, and what happened, in words. */
  readonly message: string;
}

/** Imports one return: checked, matched to its request, and kept for the lead to accept or not use. */
async function importOne(
  repositories: Repositories,
  applicationId: string,
  text: string,
  deps: Pick<ReturnDeps, 'now'>,
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  const parsed = parseExchange(text, 'return');
  if (!parsed.ok) return parsed;
  const file = parsed.file;
  if (!(await intact(file))) return { ok: false, message: editedMessage(`The return from ${file.subject.name}`) };
  for (const [i, entry] of file.evidence.entries()) {
    const bytes = base64ToBytes(entry.data);
    if (bytes.byteLength !== entry.meta.size || (await sha256Hex(bytes)) !== entry.meta.sha256)
      return {
        ok: false,
        message: `Evidence file ${i + 1} in the return from ${file.subject.name} is damaged: its contents do not match its details. Ask for the return again.`,
      };
  }
  const stored = await repositories.returns.get(leadRequestId(file.requestId));
  const request = stored?.role === 'lead' ? stored : undefined;
  const now = deps.now();
  const refused = refuseReturn(file, applicationId, request, isoDay(now));
  if (refused || !request) return { ok: false, message: refused ?? 'This return cannot be imported.' };
  const saved = await repositories.returns.save(receiveReturn(request, file, now.toISOString()), { durable: true });
  if (!saved.ok) return { ok: false, message: 'This return was imported in another tab at the same time.' };
  return { ok: true, name: file.subject.name };
}

/** Imports returns, one or many: each is refused or kept on its own, and none changes the application. */
export async function importReturnFiles(
  repositories: Repositories,
  applicationId: string,
  files: readonly { readonly name: string; readonly text: string }[],
  deps: Pick<ReturnDeps, 'now'>,
): Promise<ImportedReturn[]> {
  const results: ImportedReturn[] = [];
  for (const { name, text } of files) {
    try {
      const one = await importOne(repositories, applicationId, text, deps);
      results.push(
        one.ok
          ? { fileName: name, ok: true, message: `The return from ${one.name} is ready to check.` }
          : { fileName: name, ok: false, message: one.message },
      );
    } catch (error) {
      results.push({
        fileName: name,
        ok: false,
        message: `This return could not be saved. ${toStorageFailure(error).message}`,
      });
    }
  }
  return results;
}

/**
 * Stores a received return's evidence files under the lead's organisation, each checked to keep
 * its SHA-256: the map from the return's evidence ids to the ids stored here.
 */
export async function storeReturnEvidence(
  repositories: Repositories,
  profileId: string,
  file: ReturnFile,
): Promise<ReturnResult<{ ids: Map<string, string> }>> {
  const ids = new Map<string, string>();
  try {
    for (const entry of file.evidence) {
      const blob = new Blob([base64ToBytes(entry.data)], { type: entry.meta.type });
      const meta = await repositories.evidence.add(
        {
          profileId,
          name: entry.meta.name,
          type: entry.meta.type,
          ...(entry.meta.validUntil ? { validUntil: entry.meta.validUntil } : {}),
          questionIds: entry.meta.questionIds,
        },
        blob,
      );
      if (meta.sha256 !== entry.meta.sha256) {
        await repositories.evidence.delete(meta.id);
        return { ok: false, message: `The file “${entry.meta.name}” did not store as it was sent. Try again.` };
      }
      ids.set(entry.meta.id, meta.id);
    }
    return { ok: true, ids };
  } catch (error) {
    for (const id of ids.values()) await repositories.evidence.delete(id).catch(() => undefined);
    return failed('The return’s files could not be stored.', error);
  }
}

/** Records the lead's decision on a received return (its whole file is then let go). */
export async function decideOnReturn(
  repositories: Repositories,
  request: LeadRequest,
  outcome: 'accepted' | 'not-used',
  deps: Pick<ReturnDeps, 'now'>,
): Promise<ReturnResult<{ request: LeadRequest }>> {
  try {
    const decided = decideReturn(request, outcome, deps.now().toISOString());
    if (!decided) return { ok: false, message: 'There is no return to decide on.' };
    const saved = await repositories.returns.save(decided, { durable: true });
    if (!saved.ok) return { ok: false, message: 'This return was changed in another tab. Open it again.' };
    return { ok: true, request: saved.record as LeadRequest };
  } catch (error) {
    return failed('Your decision could not be saved.', error);
  }
}
