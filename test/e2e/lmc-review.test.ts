// The LMC review round trip in Chromium, through the UI, with two browser contexts standing for
// two PCs (issue 14): the practice downloads a review file of its draft; the LMC officer opens it
// in the same app (read only), comments on a question and on a section, writes an overall note,
// and downloads a comments file; the practice imports it (an edited copy and the wrong kind of
// file are refused, with nothing changed), sees each comment on its question page, resolves one,
// and it stays resolved after a reload; the pack holds no comment text. Axe-clean at 320 and
// 1280 px on every new page. Screenshots go to /tmp/lmc-*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { storedApplication } from './support/faults';
import { pageUrl, pdfText, sharedHarness, startApplication, taskListUrl } from './support/harness';

const harness = sharedHarness('/kernow-lmc/aqp/');

const questionComment = 'Please say whether you accept the contract without any changes, and attach the signed page.';
const sectionComment = 'Your trading name differs from your CQC registration: check they match.';
const overallNote = 'A good start. Two points to look at before you submit.';

async function axeAtBothWidths(page: Page, where: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${where} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function downloaded(page: Page, click: () => Promise<void>, saveAs: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(saveAs);
  return download;
}

const lmcTask = (page: Page) =>
  page.locator('#tasks-lmc-review-comments-status, .nhsuk-task-list__item', { hasText: 'Comments from your LMC' });

describe('an LMC reviews a draft', () => {
  it('round trip: review file, comments on the right pages, resolve, and never in the pack', async () => {
    // The practice's PC: a draft with one question answered, sent for review.
    const practice = await openApp(harness.browser, harness.server.origin);
    const p = practice.page;
    const appId = await startApplication(p, harness.server.url, { organisation: 'Riverside Surgery' });
    expect(await lmcTask(p).innerText()).toContain('Not sent');
    await p.goto(pageUrl(harness.server.url, appId, 'organisation', 'org-identity'));
    await p.getByLabel('Does your organisation trade under a different name?').fill('Riverside Medical Practice');
    await p.getByRole('button', { name: 'Save and come back later' }).click();
    // It saves, then goes to the task list: wait for that before going anywhere else.
    await p.getByRole('heading', { name: /Application to/ }).waitFor();
    await p.goto(`${taskListUrl(harness.server.url, appId)}/review`);
    await p.getByRole('heading', { name: 'Ask your LMC to review this draft' }).waitFor();
    const reviewDownload = await downloaded(
      p,
      () => p.getByRole('button', { name: 'Download a review file' }).click(),
      '/tmp/lmc-review.json',
    );
    expect(reviewDownload.suggestedFilename()).toMatch(/^aqp-review-riverside-surgery-\d{4}-\d{2}-\d{2}\.json$/);
    await p.locator('#review-file-message-title').waitFor();
    expect(await p.locator('.nhsuk-notification-banner').innerText()).toContain('Send it to your LMC by NHSmail');
    await p.screenshot({ path: '/tmp/lmc-send-for-review.png', fullPage: true });
    await axeAtBothWidths(p, 'the review page with "Ask your LMC to review this draft"');
    const reviewFile = readFileSync('/tmp/lmc-review.json', 'utf8');
    expect(JSON.parse(reviewFile)).toMatchObject({ format: 'aqp-apply-exchange', kind: 'review' });
    await p.goto(taskListUrl(harness.server.url, appId));
    await expect.poll(() => lmcTask(p).innerText()).toContain('Waiting for comments');

    // The LMC officer's PC: opens the file, comments, sends the comments back.
    const lmc = await openApp(harness.browser, harness.server.origin);
    const l = lmc.page;
    await l.goto(harness.server.url);
    await l.getByRole('link', { name: 'review an application for a practice' }).click();
    await l.getByRole('heading', { level: 1, name: 'Review an application for a practice' }).waitFor();
    await axeAtBothWidths(l, 'the page to open a review file');
    // A backup or a damaged file is refused plainly.
    await l.locator('#review-file').setInputFiles({
      name: 'not-a-review.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"aqp-apply-backup","formatVersion":1}'),
    });
    await l.getByRole('button', { name: 'Open the review file' }).click();
    await l.getByText('This file is not a review file (a draft sent to the LMC for review): it is a backup.').waitFor();
    await l.locator('#review-file').setInputFiles('/tmp/lmc-review.json');
    await l.getByRole('button', { name: 'Open the review file' }).click();
    await l.getByRole('heading', { level: 1, name: 'Review: Riverside Surgery' }).waitFor();
    // The practice's answers, read only: no Change links.
    expect(await l.getByText('Does your organisation trade under a different name?').count()).toBeGreaterThan(0);
    expect(await l.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    // Sending with nothing filled in says what is missing.
    await l.getByRole('button', { name: 'Download the comments file' }).click();
    const summary = l.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'Enter your name',
      'Enter your organisation',
      'Add at least one comment or an overall note',
    ]);
    await l.getByLabel('Your name').fill('Dr Morwenna Pascoe');
    await l.getByLabel('Your organisation').fill('Kernow Local Medical Committee');
    await l.getByLabel('Overall note (optional)').fill(overallNote);
    await l.getByLabel('Overall note (optional)').blur();
    const addComment = async (sectionId: string, about: string | null, text: string) => {
      const section = l.locator(`section[aria-labelledby="reviewer-${sectionId}"]`);
      await section.locator('summary', { hasText: 'Add a comment' }).click();
      if (about) await l.locator(`#comment-${sectionId}-about`).selectOption({ label: about });
      await l.locator(`#comment-${sectionId}-text`).fill(text);
      await section.getByRole('button', { name: /^Add comment/ }).click();
      await section.locator('.app-reviewer__comment-list', { hasText: text }).waitFor();
    };
    await addComment('commercial', 'Do you accept the NHS Standard Contract without changes?', questionComment);
    await addComment('organisation', null, sectionComment);
    await l.screenshot({ path: '/tmp/lmc-reviewer-top.png' });
    await l.locator('section[aria-labelledby="reviewer-commercial"] .app-reviewer__comments').scrollIntoViewIfNeeded();
    await l.screenshot({ path: '/tmp/lmc-reviewer-comment.png' });
    await axeAtBothWidths(l, 'the reviewer’s page with comments');
    // Kept on this PC: a reload keeps the comments and the details.
    await l.reload();
    await l.getByRole('heading', { level: 1, name: 'Review: Riverside Surgery' }).waitFor();
    await l.getByText(questionComment).waitFor();
    expect(await l.getByLabel('Your name').inputValue()).toBe('Dr Morwenna Pascoe');
    const commentsDownload = await downloaded(
      l,
      () => l.getByRole('button', { name: 'Download the comments file' }).click(),
      '/tmp/lmc-comments.json',
    );
    expect(commentsDownload.suggestedFilename()).toMatch(/^aqp-comments-riverside-surgery-\d{4}-\d{2}-\d{2}\.json$/);
    await l.locator('#comments-sent-title').waitFor();
    await l.goto(`${harness.server.url}#/reviews`);
    await l.getByText(/Comments sent on/).waitFor();
    await lmc.expectClean();
    await lmc.context.close();

    // Back on the practice's PC: refused files change nothing; the real one is imported.
    const comments = readFileSync('/tmp/lmc-comments.json', 'utf8');
    const edited = comments.replace('attach the signed page', 'attach the signed pages');
    expect(edited).not.toBe(comments);
    writeFileSync('/tmp/lmc-comments-edited.json', edited);
    await p.goto(taskListUrl(harness.server.url, appId));
    await p.getByRole('link', { name: 'Comments from your LMC' }).click();
    await p.getByRole('heading', { level: 1, name: 'Comments from your LMC' }).waitFor();
    const before = await storedApplication(p, appId);
    const importFile = async (path: string) => {
      await p.locator('#comments-file').setInputFiles(path);
      await p.getByRole('button', { name: 'Import comments' }).click();
      await p.locator('#comments-message-title').waitFor();
      return (await p.locator('.nhsuk-notification-banner').innerText()).replace(/\s+/g, ' ');
    };
    expect(await importFile('/tmp/lmc-comments-edited.json')).toContain('This file has been changed since it was made');
    expect(await importFile('/tmp/lmc-review.json')).toContain('it is a review file');
    expect(await p.locator('.app-comment').count()).toBe(0);
    expect(await importFile('/tmp/lmc-comments.json')).toContain(
      'Imported 2 comments from Kernow Local Medical Committee.',
    );
    expect(await importFile('/tmp/lmc-comments.json')).toContain('These comments have been imported already.');
    expect(await storedApplication(p, appId), 'the application itself is not changed').toEqual(before);
    await expect.poll(() => p.locator('.app-comment').count()).toBe(2);
    expect(await p.locator('main').innerText()).toContain(overallNote);
    await p.screenshot({ path: '/tmp/lmc-comments-page.png', fullPage: true });
    await axeAtBothWidths(p, 'the comments page');

    // Each comment is on its own question's page; resolving it lasts through a reload.
    await p.goto(pageUrl(harness.server.url, appId, 'commercial', 'com.terms'));
    const onPage = p.locator('.app-question-comments .app-comment');
    await onPage.first().waitFor();
    expect(await onPage.count()).toBe(1);
    expect(await onPage.innerText()).toContain(questionComment);
    expect(await onPage.innerText()).toContain('From Dr Morwenna Pascoe, Kernow Local Medical Committee');
    await p.screenshot({ path: '/tmp/lmc-question-comment.png', fullPage: true });
    await axeAtBothWidths(p, 'a question page with a comment from the LMC');
    await onPage.getByLabel('Your reply (optional)').fill('Accepted; signed page attached.');
    await onPage.getByRole('button', { name: /^Mark as resolved/ }).click();
    await onPage.getByText('Resolved', { exact: true }).waitFor();
    await p.reload();
    await p.locator('.app-question-comments .app-comment').first().waitFor();
    expect(await onPage.getByText('Resolved', { exact: true }).count()).toBe(1);
    expect(await onPage.getByLabel('Your reply (optional)').inputValue()).toBe('Accepted; signed page attached.');
    await p.goto(pageUrl(harness.server.url, appId, 'organisation', 'org-identity'));
    await p.locator('.app-question-comments').getByText(sectionComment).waitFor();
    await p.goto(taskListUrl(harness.server.url, appId));
    await expect.poll(() => lmcTask(p).innerText()).toContain('1 open');

    // The pack never prints a comment, a reply or the overall note.
    await p.goto(`${taskListUrl(harness.server.url, appId)}/review`);
    const pack = await downloaded(
      p,
      () => p.getByRole('button', { name: 'Export a draft pack' }).click(),
      '/tmp/lmc-pack.pdf',
    );
    const text = pdfText(readFileSync(await pack.path())).replace(/\s+/g, ' ');
    expect(text).toContain('Riverside Surgery');
    for (const words of ['attach the signed page', 'CQC registration: check they match', 'A good start', 'Morwenna'])
      expect(text).not.toContain(words);
    await practice.expectClean();
    await practice.context.close();
  }, 180_000);
});
