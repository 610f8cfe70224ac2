// @vitest-environment node
// Exchange files (a draft sent to the LMC for review, and the LMC's comments on it), through the
// real storage functions on two Dexie databases (fake IndexedDB): the practice's and the
// reviewer's. A review file holds the application, its organisation and the evidence it
// references (with or without the bytes); the reviewer keeps it, writes comments and sends them
// back; the practice imports them once, and a later file on the same review keeps its replies.
// Every refusal is checked to leave the whole practice database as it was.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { exchangeContent, type CommentsFile, type ReviewFile } from '@/domain/exchange/exchange-format';
import {
  practiceReviewId,
  restoreReview,
  reviewerReviewId,
  type CommentTargets,
  type PracticeReview,
  type ReviewerReview,
} from '@/domain/exchange/review-record';
import { exportBackup } from '@/storage/backup';
import { importCommentsFile, makeCommentsFile, makeReviewFile, openReviewFile } from '@/storage/exchange';
import { reviewEvidenceFile } from '@/storage/review-evidence';
import { aqp } from '../helpers/engine';
import { at, dexieBackend, makeApplication, makeProfile, randomBytes, testDeps } from '../helpers/storage-fixtures';
import { dumpDatabase, firstDifference } from './support/exchange-fuzz-cases';

const checklist = aqp();
const targets: CommentTargets = {
  hasSection: (id) => checklist.sections.has(id),
  sectionOf: (questionId) => checklist.questions.get(questionId)?.section.id,
};

type Backend = ReturnType<typeof dexieBackend>;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Exchange deps with a clock and ids of their own, so each file and record is identifiable. */
function exchangeDeps(prefix: string, second = 40) {
  let ids = 0;
  return { now: () => new Date(at(second)), newId: () => `${prefix}-${(ids += 1)}` };
}

function backend(prefix: string): Backend {
  let ids = 0;
  const made = dexieBackend(testDeps({ newId: () => `${prefix}-evidence-${(ids += 1)}` }));
  cleanups.push(() => made.connection.close());
  return made;
}

const deedBytes = randomBytes(11, 2049);

interface Practice {
  readonly backend: Backend;
  readonly profile: OrganisationProfile;
  readonly application: Application;
  readonly deedId: string;
  readonly unreferencedId: string;
}

/** A practice database: an organisation, two applications and two evidence files (one referenced). */
async function practiceDatabase(prefix = 'practice'): Promise<Practice> {
  const b = backend(prefix);
  const r = b.repositories;
  const deed = await r.evidence.add(
    {
      profileId: 'profile-1',
      name: 'Partnership deed – Zoë.pdf',
      type: 'application/pdf',
      questionIds: ['org.partnership-deed'],
    },
    new Blob([deedBytes], { type: 'application/pdf' }),
  );
  const unreferenced = await r.evidence.add(
    { profileId: 'profile-1', name: 'Old policy.txt', type: 'text/plain', questionIds: ['gov.cg-policy'] },
    new Blob(['not referenced by any answer'], { type: 'text/plain' }),
  );
  const profile = await r.profiles.create(
    makeProfile({
      answers: {
        'org.legal-name': 'Riverside Medical Practice',
        'org.ods-code': 'A12345',
        'org.partnership-deed': [deed.id],
      },
    }),
  );
  const application = await r.applications.create(
    makeApplication({ answers: { 'com.standard-contract': 'yes', 'bid.model': 'single-provider' } }),
  );
  await r.applications.create(makeApplication({ id: 'application-2', services: ['podiatry'] }));
  return { backend: b, profile, application, deedId: deed.id, unreferencedId: unreferenced.id };
}

async function reviewFileOf(p: Practice, includeEvidence: boolean, deps = exchangeDeps('review')) {
  const made = await makeReviewFile(
    p.backend.repositories,
    { application: p.application, profile: p.profile, includeEvidence },
    deps,
  );
  if (!made.ok) throw new Error(made.message);
  return made;
}

/** The reviewer's side: opens `text` and gives the reviewer record it made. */
async function reviewerOpens(reviewer: Backend, text: string): Promise<ReviewerReview> {
  const opened = await openReviewFile(reviewer.repositories, text, { now: () => new Date(at(50)) });
  if (!opened.ok) throw new Error(opened.message);
  const record = await reviewer.repositories.reviews.get(opened.id);
  if (record?.role !== 'reviewer') throw new Error('no reviewer record');
  return record;
}

/** The reviewer's record with their details and two comments, saved. */
async function writeComments(reviewer: Backend, record: ReviewerReview): Promise<ReviewerReview> {
  const saved = await reviewer.repositories.reviews.save({
    ...record,
    reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
    overall: 'A strong draft. Two points to look at.',
    comments: [
      {
        id: 'comment-1',
        sectionId: 'commercial',
        questionId: 'com.standard-contract',
        text: 'Say which version of the contract.',
      },
      { id: 'comment-2', sectionId: 'organisation', text: 'Add the trading name.' },
    ],
  });
  if (!saved.ok || saved.record.role !== 'reviewer') throw new Error('the comments were not saved');
  return saved.record;
}

async function commentsFileOf(record: ReviewerReview, deps = exchangeDeps('comments', 60)) {
  const made = await makeCommentsFile(record, deps);
  if (!made.ok) throw new Error(made.message);
  return made;
}

async function practiceRecord(p: Practice, reviewId: string): Promise<PracticeReview> {
  const record = await p.backend.repositories.reviews.get(practiceReviewId(reviewId));
  if (record?.role !== 'practice') throw new Error('no practice record');
  return record;
}

const importInto = (p: Practice, text: string, applicationId = p.application.id, second = 70) =>
  importCommentsFile(p.backend.repositories, applicationId, text, targets, { now: () => new Date(at(second)) });

/** A file's text with `change` made to it and a correct `sha256` for the new content. */
function rehashed<T extends Record<string, unknown>>(text: string, change: (file: T) => T): string {
  const file = change(JSON.parse(text) as T);
  return JSON.stringify({ ...file, sha256: sha256(exchangeContent(file)) });
}

describe('review files', () => {
  it('holds the application, its organisation and the referenced evidence with its bytes', async () => {
    const p = await practiceDatabase();
    const made = await reviewFileOf(p, true);
    expect(made.fileName).toBe('aqp-review-riverside-medical-practice-2026-11-22.json');
    const file = JSON.parse(made.text) as ReviewFile;
    expect(file).toMatchObject({
      format: 'aqp-apply-exchange',
      formatVersion: 1,
      kind: 'review',
      id: 'review-1',
      createdAt: at(40),
      from: { organisation: 'Riverside Medical Practice' },
    });
    expect(file.profile).toEqual(p.profile);
    expect(file.application).toEqual(p.application);
    expect(file.profile.answers['org.legal-name']).toBe('Riverside Medical Practice');
    expect(file.application.answers['com.standard-contract']).toBe('yes');
    expect(file.sha256).toBe(sha256(exchangeContent(file)));

    // Only the file an answer references, with bytes that match its details.
    expect(file.evidence.map((e) => e.meta.id)).toEqual([p.deedId]);
    const [entry] = file.evidence;
    const stored = await p.backend.repositories.evidence.get(p.deedId);
    expect(entry?.meta).toEqual(stored);
    const bytes = Buffer.from(entry?.data ?? '', 'base64');
    expect(bytes.byteLength).toBe(deedBytes.byteLength);
    expect(sha256(bytes)).toBe(entry?.meta.sha256);
    expect(sha256(bytes)).toBe(sha256(deedBytes));
  });

  it('records on the practice computer that the draft was sent', async () => {
    const p = await practiceDatabase();
    const made = await reviewFileOf(p, true);
    const file = JSON.parse(made.text) as ReviewFile;
    const sent = await practiceRecord(p, file.id);
    expect(sent).toEqual({
      formatVersion: 1,
      id: practiceReviewId(file.id),
      revision: 0,
      role: 'practice',
      reviewId: file.id,
      applicationId: p.application.id,
      sentAt: at(40),
      applicationRevision: p.application.revision,
      includesEvidence: true,
    });
    expect(restoreReview(sent)).toEqual({ ok: true, record: sent });
    expect(await p.backend.repositories.reviews.count()).toBe(1);
  });

  it('without the bytes, lists the evidence with no data', async () => {
    const p = await practiceDatabase();
    const made = await reviewFileOf(p, false);
    const file = JSON.parse(made.text) as ReviewFile;
    expect(file.evidence).toHaveLength(1);
    expect(file.evidence[0]).toEqual({ meta: await p.backend.repositories.evidence.get(p.deedId) });
    expect(file.evidence[0]).not.toHaveProperty('data');
    expect(file.sha256).toBe(sha256(exchangeContent(file)));
    expect((await practiceRecord(p, file.id)).includesEvidence).toBe(false);
    expect(reviewEvidenceFile(file, p.deedId)).toBeUndefined();
  });

  it('is opened on the reviewer’s computer, and opening it again goes back to the comments', async () => {
    const p = await practiceDatabase();
    const made = await reviewFileOf(p, true);
    const file = JSON.parse(made.text) as ReviewFile;
    const reviewer = backend('reviewer');

    const opened = await openReviewFile(reviewer.repositories, made.text, { now: () => new Date(at(50)) });
    expect(opened).toEqual({ ok: true, id: reviewerReviewId(file.id), reopened: false });
    const record = await reviewer.repositories.reviews.get(reviewerReviewId(file.id));
    expect(record).toEqual({
      formatVersion: 1,
      id: reviewerReviewId(file.id),
      revision: 0,
      role: 'reviewer',
      openedAt: at(50),
      review: file,
      reviewer: { name: '', organisation: '' },
      overall: '',
      comments: [],
    });

    // The evidence file can be downloaded with the bytes the practice holds.
    if (record?.role !== 'reviewer') throw new Error('no reviewer record');
    const download = reviewEvidenceFile(record.review, p.deedId);
    expect(download?.name).toBe('Partnership deed – Zoë.pdf');
    expect(download?.blob.type).toBe('application/pdf');
    expect(sha256(new Uint8Array((await download?.blob.arrayBuffer()) ?? new ArrayBuffer(0)))).toBe(sha256(deedBytes));

    const written = await writeComments(reviewer, record);
    const before = await dumpDatabase(reviewer.connection);
    const again = await openReviewFile(reviewer.repositories, made.text, { now: () => new Date(at(55)) });
    expect(again).toEqual({ ok: true, id: reviewerReviewId(file.id), reopened: true });
    expect(await reviewer.repositories.reviews.get(record.id)).toEqual(written);
    expect(written.comments).toHaveLength(2);
    expect(firstDifference(before, await dumpDatabase(reviewer.connection))).toBeUndefined();
  });
});

describe('review files refused with nothing changed', () => {
  async function refusedUnchanged(text: string, says: RegExp): Promise<void> {
    const reviewer = backend('reviewer');
    const before = await dumpDatabase(reviewer.connection);
    const result = await openReviewFile(reviewer.repositories, text, { now: () => new Date(at(50)) });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(says);
    expect(firstDifference(before, await dumpDatabase(reviewer.connection))).toBeUndefined();
  }

  it('a comments file, saying what it is and where to import it', async () => {
    const p = await practiceDatabase();
    const reviewer = backend('reviewer');
    const made = await commentsFileOf(
      await writeComments(reviewer, await reviewerOpens(reviewer, (await reviewFileOf(p, false)).text)),
    );
    await refusedUnchanged(made.text, /is a comments file.*Import it from “Comments from your LMC”/);
  });

  it('a file changed after it was made (one character of an answer)', async () => {
    const made = await reviewFileOf(await practiceDatabase(), false);
    const edited = made.text.replace('"com.standard-contract":"yes"', '"com.standard-contract":"no"');
    expect(edited).not.toBe(made.text);
    await refusedUnchanged(edited, /has been changed since it was made/);
  });

  it('evidence whose bytes are not the file its details describe, even with a correct SHA-256', async () => {
    const made = await reviewFileOf(await practiceDatabase(), true);
    const swapped = rehashed<ReviewFile>(made.text, (f) => ({
      ...f,
      evidence: f.evidence.map((e) => {
        const bytes = Buffer.from(e.data ?? '', 'base64');
        bytes[0] = (bytes[0] ?? 0) ^ 0xff; // the same size, other bytes
        return { ...e, data: bytes.toString('base64') };
      }),
    }));
    await refusedUnchanged(swapped, /^Evidence file 1 in this review file is damaged: its contents do not match/);
  });
});

describe('comments files', () => {
  let p: Practice;
  let review: { text: string; file: ReviewFile };
  let reviewer: Backend;
  let opened: ReviewerReview;

  beforeEach(async () => {
    p = await practiceDatabase();
    const made = await reviewFileOf(p, true);
    review = { text: made.text, file: JSON.parse(made.text) as ReviewFile };
    reviewer = backend('reviewer');
    opened = await reviewerOpens(reviewer, made.text);
  });

  it('are not made until the reviewer has given their name and organisation', async () => {
    const refused = await makeCommentsFile(opened, exchangeDeps('comments'));
    expect(refused).toEqual({
      ok: false,
      message: 'Enter your name. Enter your organisation. Add at least one comment or an overall note.',
    });
    const noOrganisation = await makeCommentsFile(
      { ...opened, reviewer: { name: 'Dr Alex Morgan', organisation: '  ' }, overall: 'Fine.' },
      exchangeDeps('comments'),
    );
    expect(noOrganisation).toEqual({ ok: false, message: 'Enter your organisation.' });
    const noName = await makeCommentsFile(
      { ...opened, reviewer: { name: '', organisation: 'Kernow LMC' }, overall: 'Fine.' },
      exchangeDeps('comments'),
    );
    expect(noName).toEqual({ ok: false, message: 'Enter your name.' });
  });

  it('echo the review and the application, and carry a correct SHA-256', async () => {
    const written = await writeComments(reviewer, opened);
    const made = await commentsFileOf(written);
    expect(made.fileName).toBe('aqp-comments-riverside-medical-practice-2026-11-22.json');
    const file = JSON.parse(made.text) as CommentsFile;
    expect(file).toEqual({
      format: 'aqp-apply-exchange',
      formatVersion: 1,
      id: 'comments-1',
      createdAt: at(60),
      kind: 'comments',
      reviewId: review.file.id,
      applicationId: p.application.id,
      applicationRevision: p.application.revision,
      reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
      overall: 'A strong draft. Two points to look at.',
      comments: written.comments,
      sha256: sha256(exchangeContent(file)),
    });
  });

  it('are imported into the application they answer, each with no reply and not resolved', async () => {
    const made = await commentsFileOf(await writeComments(reviewer, opened));
    const imported = await importInto(p, made.text);
    expect(imported).toEqual({ ok: true, comments: 2, reviewer: 'Kernow LMC' });
    const stored = await practiceRecord(p, review.file.id);
    expect(restoreReview(stored)).toEqual({ ok: true, record: stored });
    expect(stored.revision).toBe(1);
    expect(stored.received).toEqual({
      commentsId: 'comments-1',
      importedAt: at(70),
      sentAt: at(60),
      reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
      overall: 'A strong draft. Two points to look at.',
      comments: [
        {
          id: 'comment-1',
          sectionId: 'commercial',
          questionId: 'com.standard-contract',
          text: 'Say which version of the contract.',
          reply: '',
        },
        { id: 'comment-2', sectionId: 'organisation', text: 'Add the trading name.', reply: '' },
      ],
    });
    for (const comment of stored.received?.comments ?? []) expect(comment).not.toHaveProperty('resolvedAt');
  });

  it('are refused when imported a second time, with nothing changed', async () => {
    const made = await commentsFileOf(await writeComments(reviewer, opened));
    expect((await importInto(p, made.text)).ok).toBe(true);
    const before = await dumpDatabase(p.backend.connection);
    const again = await importInto(p, made.text, p.application.id, 80);
    expect(again).toEqual({ ok: false, message: 'These comments have been imported already.' });
    expect(firstDifference(before, await dumpDatabase(p.backend.connection))).toBeUndefined();
  });

  it('from a later file on the same review keep the replies of the comments they still hold', async () => {
    const written = await writeComments(reviewer, opened);
    expect((await importInto(p, (await commentsFileOf(written)).text)).ok).toBe(true);

    // The practice replies to both comments and resolves the first.
    const first = await practiceRecord(p, review.file.id);
    const [c1, c2] = first.received?.comments ?? [];
    if (!first.received || !c1 || !c2) throw new Error('no comments');
    const replied = await p.backend.repositories.reviews.save({
      ...first,
      received: {
        ...first.received,
        comments: [
          { ...c1, reply: 'Done: the 2024/25 NHS Standard Contract.', resolvedAt: at(75) },
          { ...c2, reply: 'We will add it.' },
        ],
      },
    });
    expect(replied.ok).toBe(true);

    // The reviewer rewords comment 1, drops comment 2 and adds comment 3.
    const revised = await reviewer.repositories.reviews.save({
      ...written,
      overall: 'Better. One more point.',
      comments: [
        {
          id: 'comment-1',
          sectionId: 'commercial',
          questionId: 'com.standard-contract',
          text: 'Say which version of the contract, and its date.',
        },
        { id: 'comment-3', sectionId: 'bidding-model', questionId: 'bid.model', text: 'Name the lead provider.' },
      ],
    });
    if (!revised.ok || revised.record.role !== 'reviewer') throw new Error('not saved');
    const second = await commentsFileOf(revised.record, exchangeDeps('comments-b', 90));
    expect(await importInto(p, second.text, p.application.id, 95)).toEqual({
      ok: true,
      comments: 2,
      reviewer: 'Kernow LMC',
    });

    const stored = await practiceRecord(p, review.file.id);
    expect(restoreReview(stored)).toEqual({ ok: true, record: stored });
    expect(stored.received).toEqual({
      commentsId: 'comments-b-1',
      importedAt: at(95),
      sentAt: at(90),
      reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
      overall: 'Better. One more point.',
      comments: [
        {
          id: 'comment-1',
          sectionId: 'commercial',
          questionId: 'com.standard-contract',
          text: 'Say which version of the contract, and its date.',
          reply: 'Done: the 2024/25 NHS Standard Contract.',
          resolvedAt: at(75),
        },
        {
          id: 'comment-3',
          sectionId: 'bidding-model',
          questionId: 'bid.model',
          text: 'Name the lead provider.',
          reply: '',
        },
      ],
    });
  });

  it('made from comments as typed (with spaces around them) still import', async () => {
    // The reviewer's screen passes the record as typed; the file must still pass its own check.
    const typed: ReviewerReview = {
      ...opened,
      reviewer: { name: ' Dr Alex Morgan ', organisation: 'Kernow LMC\n' },
      overall: ' Looks fine. ',
      comments: [{ id: 'comment-1', sectionId: 'organisation', text: 'Add the trading name.\n' }],
    };
    const made = await commentsFileOf(typed);
    const file = JSON.parse(made.text) as CommentsFile;
    expect(file.comments[0]?.text).toBe('Add the trading name.');
    expect(file.sha256).toBe(sha256(exchangeContent(file)));
    expect(await importInto(p, made.text)).toEqual({ ok: true, comments: 1, reviewer: 'Kernow LMC' });
  });

  describe('refused with nothing changed', () => {
    async function refusedUnchanged(text: string, says: RegExp, applicationId = p.application.id): Promise<string> {
      const before = await dumpDatabase(p.backend.connection);
      const result = await importInto(p, text, applicationId);
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.message;
      expect(message).toMatch(says);
      expect(message).not.toMatch(/undefined|\[object|\n\s+at /);
      expect(firstDifference(before, await dumpDatabase(p.backend.connection))).toBeUndefined();
      return message;
    }

    it('a review file, saying what it is and where to open it', async () => {
      const message = await refusedUnchanged(review.text, /is a review file/);
      expect(message).toContain('Open it from “Review an application for a practice” on the home page.');
    });

    it('a backup file', async () => {
      const backup = await exportBackup(p.backend.repositories, {
        scope: { kind: 'all' },
        now: () => new Date(at(45)),
      });
      if (!backup.ok) throw new Error(backup.message);
      await refusedUnchanged(backup.text, /it is a backup\. Import it from “Backups and storage”/);
    });

    it('comments on another application', async () => {
      const made = await commentsFileOf(await writeComments(reviewer, opened));
      await refusedUnchanged(made.text, /on a different application/, 'application-2');
    });

    it('comments answering a review that was never sent from this database', async () => {
      // Another computer sends the same application for review; its comments do not belong here.
      const elsewhere = await practiceDatabase('elsewhere');
      const other = await reviewFileOf(elsewhere, false, exchangeDeps('other-review'));
      const otherReviewer = backend('other-reviewer');
      const made = await commentsFileOf(
        await writeComments(otherReviewer, await reviewerOpens(otherReviewer, other.text)),
      );
      expect((JSON.parse(made.text) as CommentsFile).applicationId).toBe(p.application.id);
      await refusedUnchanged(
        made.text,
        /answer a review file that was not sent from this application on this computer/,
      );
    });

    it('a file changed after it was made (one character of a comment)', async () => {
      const made = await commentsFileOf(await writeComments(reviewer, opened));
      const edited = made.text.replace('Add the trading name.', 'Add the trading name!');
      expect(edited).not.toBe(made.text);
      expect(() => JSON.parse(edited) as unknown).not.toThrow();
      await refusedUnchanged(edited, /has been changed since it was made/);
    });

    it('a comment on a question the checklist does not have', async () => {
      const saved = await reviewer.repositories.reviews.save({
        ...opened,
        reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
        overall: '',
        comments: [
          { id: 'comment-1', sectionId: 'organisation', text: 'Fine.' },
          { id: 'comment-2', sectionId: 'commercial', questionId: 'com.no-such-question', text: 'Explain.' },
        ],
      });
      if (!saved.ok || saved.record.role !== 'reviewer') throw new Error('not saved');
      const made = await commentsFileOf(saved.record);
      await refusedUnchanged(made.text, /^Comment 2 is on a question this version of the checklist does not have\.$/);
    });

    it('a comment on a question placed in another section, or on an unknown section', async () => {
      const made = await commentsFileOf(await writeComments(reviewer, opened));
      const moved = rehashed<CommentsFile>(made.text, (f) => ({
        ...f,
        comments: f.comments.map((c) => (c.id === 'comment-1' ? { ...c, sectionId: 'organisation' } : c)),
      }));
      await refusedUnchanged(moved, /^Comment 1 is on a question this version of the checklist does not have\.$/);
      const unknown = rehashed<CommentsFile>(made.text, (f) => ({
        ...f,
        comments: f.comments.map((c) => (c.id === 'comment-2' ? { ...c, sectionId: 'no-such-section' } : c)),
      }));
      await refusedUnchanged(unknown, /^Comment 2 is on a section this version of the checklist does not have\.$/);
    });

    it('comments whose review was sent for another application', async () => {
      // A review of application-2 sent from here; a file names it but claims application-1.
      const otherApplication = await p.backend.repositories.applications.get('application-2');
      if (!otherApplication) throw new Error('no application-2');
      const sentForOther = await makeReviewFile(
        p.backend.repositories,
        { application: otherApplication, profile: p.profile, includeEvidence: false },
        exchangeDeps('review-2'),
      );
      if (!sentForOther.ok) throw new Error(sentForOther.message);
      const otherId = (JSON.parse(sentForOther.text) as ReviewFile).id;
      const made = await commentsFileOf(await writeComments(reviewer, opened));
      const crossed = rehashed<CommentsFile>(made.text, (f) => ({ ...f, reviewId: otherId }));
      await refusedUnchanged(crossed, /answer a review file that was not sent from this application on this computer/);
    });
  });
});
