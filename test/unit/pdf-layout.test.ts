// @vitest-environment node
// Layout: every string the pack draws (tables included) is recorded with its position and width
// as it reaches the content surface, for long-text fixtures (the large reference application, and
// one with 200-character unbroken strings in answers, a table cell, the reference and an e-mail
// address). Nothing may lie outside the printable area, body text stays inside the margins, and no
// heading ends a page. The rendered file is checked too: poppler's box for every word it finds.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as SurfaceModule from '@/pdf/content-surface';
import { isRepeatItems } from '@/domain/answers/answer-value';
import { contentBottom, contentWidth, margin, page } from '@/pdf/page-writer';
import type { PackModel } from '@/pdf/pack-types';
import { largeFederation, type ReferenceApplication } from '../fixtures/applications/reference-applications';
import { modelOf, render, squash } from '../helpers/pdf';
import { outside, words, type Drawn } from '../helpers/pdf-layout';

const drawn = vi.hoisted((): Drawn[] => []);

vi.mock('@/pdf/content-surface', async (importOriginal) => {
  const original = await importOriginal<typeof SurfaceModule>();
  const { recordingSurface } = await import('../helpers/pdf-layout');
  return { ...original, ContentSurface: recordingSurface(original.ContentSurface, drawn) };
});

const unbroken = `${'A1b2C3d4E5'.repeat(19)}-end-of-200`;
const printable = { left: 10, right: page.width - 10, top: 8, bottom: page.height - 8 };
const tolerance = 0.01;

function withLongStrings(ref: ReferenceApplication): ReferenceApplication {
  const answers = ref.application.answers;
  const members = answers['bid.members'];
  return {
    ...ref,
    application: {
      ...ref.application,
      advert: { ...ref.application.advert, reference: `REF-${unbroken}` },
      answers: {
        ...answers,
        'del.spec-summary': `Before ${unbroken} after, and a long paragraph. ${'Words that wrap normally. '.repeat(400)}`,
        'bid.members': isRepeatItems(members)
          ? members.map((m, i) => (i === 0 ? { ...m, values: { ...m.values, name: unbroken } } : m))
          : [],
      },
    },
    profile: {
      ...ref.profile,
      answers: {
        ...ref.profile.answers,
        'org.trading-name': unbroken,
        'org.contact-email': `${unbroken}@deevalley-federation.nhs.uk`,
      },
    },
  };
}

async function layout(model: PackModel, ref: ReferenceApplication) {
  drawn.length = 0;
  const { file } = await render(model, { evidenceFiles: ref.evidenceBytes });
  return { lines: [...drawn], words: words(file) };
}

let fixtures: { name: string; lines: Drawn[]; words: ReturnType<typeof words> }[];

beforeAll(async () => {
  const large = await largeFederation();
  fixtures = [
    { name: 'large federation', ...(await layout(modelOf(large), large)) },
    { name: 'long unbroken strings', ...(await layout(modelOf(withLongStrings(large)), large)) },
  ];
}, 120_000);

describe.each([0, 1])('layout of fixture %i', (index) => {
  const lines = () => fixtures[index]?.lines ?? [];

  it('draws something', () => {
    expect(lines().length).toBeGreaterThan(1000);
  });

  it('puts no text outside the printable area', () => {
    expect(outside(lines(), printable, tolerance)).toEqual([]);
  });

  it('has every word of the rendered file, evidence pages included, inside the printable area', () => {
    const found = fixtures[index]?.words ?? [];
    expect(found.length).toBeGreaterThan(1000);
    expect(outside(found, printable, tolerance)).toEqual([]);
  });

  it('keeps body text inside the margins', () => {
    const body = lines().filter((d) => d.top >= margin.top - 1 && d.bottom <= contentBottom + 2);
    const outside = body.filter(
      (d) =>
        d.left < margin.left - tolerance ||
        d.right > margin.left + contentWidth + tolerance ||
        d.bottom > contentBottom + 1.5,
    );
    expect(outside).toEqual([]);
  });

  it('never ends a page with a heading or a question', () => {
    const isHeading = (d: Drawn) => d.bold && (d.size === 17 || d.size === 12.5 || d.size === 10);
    const stranded = lines().filter(
      (d) =>
        isHeading(d) &&
        !lines().some(
          (o) => o.page === d.page && o.top > d.bottom - 0.5 && o.bottom <= contentBottom + 2 && !isHeading(o),
        ),
    );
    expect(stranded.map((d) => `${d.page} ${d.size} ${d.top.toFixed(1)} ${d.text}`)).toEqual([]);
  });
});

describe('long strings', () => {
  it('wraps a 200-character unbroken string inside the margins, keeping every character', () => {
    const all = fixtures[1]?.lines ?? [];
    const pieces = all.filter((d) => d.text.includes('A1b2C3d4E5') || d.text.includes('-end-of-200'));
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.right).toBeLessThanOrEqual(printable.right + tolerance);
    const text = squash(all.map((d) => d.text).join(''));
    expect(text).toContain(squash(unbroken));
  });

  it('continues a long answer cleanly on the next page, saying what continues', () => {
    const all = fixtures[1]?.lines ?? [];
    const continued = all.filter((d) => d.text.includes('(continued)'));
    expect(continued.some((d) => d.text.includes('How will you deliver the service?'))).toBe(true);
    for (const c of continued) expect(c.top).toBeLessThan(margin.top + 3);
  });
});
