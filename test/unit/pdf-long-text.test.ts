// @vitest-environment node
// Very long answers in the pack: a 100,000-character legal name (printed on the cover, and the
// document's title and author) and a 100,000-character long answer, with and without spaces. The
// pack renders, prints every character, and keeps its document properties short.
import { describe, expect, it } from 'vitest';
import { smallSinglePractice } from '../fixtures/applications/reference-applications';
import { modelOf, pdfinfo, pdftotext, render, squash, withoutPageFurniture } from '../helpers/pdf';

const words = Array.from({ length: 10_000 }, (_, i) => `word${String(i).padStart(5, '0')} `)
  .join('')
  .slice(0, 100_000);
const unbroken = 'x'.repeat(100_000);

describe.each([
  ['with spaces', words],
  ['with no spaces', unbroken],
])('a 100,000-character answer %s', (_name, text) => {
  it('as the legal name and a long answer: rendered in full, with short document properties', async () => {
    const ref = await smallSinglePractice();
    const model = modelOf({
      ...ref,
      profile: { ...ref.profile, answers: { ...ref.profile.answers, 'org.legal-name': text } },
      application: { ...ref.application, answers: { ...ref.application.answers, 'com.foi-sensitive': text } },
    });
    expect([...model.meta.title].length).toBeLessThanOrEqual(300);
    expect([...model.meta.author].length).toBeLessThanOrEqual(300);
    const rendered = await render(model);
    expect(text).toHaveLength(100_000);
    const printedText = withoutPageFurniture(pdftotext(rendered.file, 'raw'));
    // Every character, three times: the legal name on the cover and in its answer, and the long answer.
    expect(printedText.split(squash(text)).length - 1).toBe(3);
    expect(pdfinfo(rendered.file).Title?.length).toBeLessThanOrEqual(300);
  }, 60_000);
});
