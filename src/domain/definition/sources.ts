/**
 * The sources the checklist cites (`schemas/checklists/sources.json`) and "Why we ask this": a
 * question's `source` (refs and basis) turned into plain sentences and a list of titles for the
 * person answering it. Owns the list's zod schema and its parse; pure, no clock, no UI.
 *
 * It must never overstate a question's footing: "inferred" is said to be the checklist authors'
 * inference, not a published requirement; "partly-sourced" says which part is which only as far
 * as the data does. Refs that are not in the list are left out (a unit test keeps the bundled
 * checklist's refs all listed), never guessed at.
 */
import { z } from '@/domain/zod';
import type { Source } from './checklist-schema';

const text = z.string().trim().min(1).max(300);

const Work = z.strictObject({
  /** The key the checklist uses: P1…, N1… (the domain reference's source lists) or SQ. */
  id: z.string().regex(/^(?:[PN]\d{1,3}|SQ)$/, 'a work is keyed P1…, N1… or SQ'),
  title: text,
  publisher: text,
  /** The year it was published, or a range ("2016–2019"); left out when the source does not say. */
  year: z
    .string()
    .regex(/^\d{4}(?:–\d{4})?$/, 'a year is written 2012 or 2016–2019')
    .optional(),
});
export type Work = z.infer<typeof Work>;

/** A section of the checklist authors' domain reference, cited as "§4.3". */
const ReferenceSection = z.strictObject({
  id: z.string().regex(/^§\d+(?:\.\d+)*$/, 'a section is keyed §4 or §4.3'),
  title: text,
});
export type ReferenceSection = z.infer<typeof ReferenceSection>;

export const SourceListSchema = z
  .strictObject({
    description: z.string().optional(),
    works: z.array(Work).min(1),
    sections: z.array(ReferenceSection),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    [...list.works, ...list.sections].forEach(({ id }) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is listed twice` });
      seen.add(id);
    });
  });

export interface SourceList {
  readonly works: ReadonlyMap<string, Work>;
  readonly sections: ReadonlyMap<string, ReferenceSection>;
}

export type SourceListResult =
  { readonly ok: true; readonly sources: SourceList } | { readonly ok: false; readonly problems: readonly string[] };

/** Parses any value (the bundled JSON); never throws. */
export function parseSourceList(value: unknown): SourceListResult {
  const parsed = SourceListSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return {
    ok: true,
    sources: {
      works: new Map(parsed.data.works.map((w) => [w.id, w])),
      sections: new Map(parsed.data.sections.map((s) => [s.id, s])),
    },
  };
}

/** For the bundled list: a broken file is a build error, caught by the unit tests. */
export function loadSourcesOrThrow(value: unknown): SourceList {
  const result = parseSourceList(value);
  if (!result.ok) throw new Error(`schemas/checklists/sources.json: ${result.problems.join('; ')}`);
  return result.sources;
}

/** "LMC" marks a local question from the hosting LMC's config.json: it has no entry in the list. */
export const localRef = 'LMC';

/** The refs that name nothing in the list (LMC refs excepted). */
export const unresolvedRefs = (refs: readonly string[], sources: SourceList): string[] =>
  refs.filter((ref) => ref !== localRef && !sources.works.has(ref) && !sources.sections.has(ref));

/** "Title (Publisher, 2012)" */
export const citeWork = (work: Work): string => `${work.title} (${work.publisher}${work.year ? `, ${work.year}` : ''})`;

export const citeSection = (section: ReferenceSection): string =>
  `The checklist authors’ notes on the AQP process: ${section.title} (section ${section.id.slice(1)})`;

export interface WhyWeAsk {
  /** What the question rests on, in plain words. */
  readonly sentences: readonly string[];
  /** Introduces `cited`; absent when nothing is cited. */
  readonly citedIntro?: string;
  /** One line per source: title, publisher and year. */
  readonly cited: readonly string[];
}

const basisWords: Record<Source['basis'], { readonly sentence: string; readonly intro: string }> = {
  sourced: {
    sentence: 'This question is based on published sources.',
    intro: 'It is based on:',
  },
  'partly-sourced': {
    sentence:
      'This question is partly based on published sources. The rest is the checklist authors’ inference, not a published requirement.',
    intro: 'The published part comes from:',
  },
  inferred: {
    sentence:
      'This question is the checklist authors’ inference, not a published requirement. It is modelled on similar NHS and public sector application forms: check whether your commissioner asks for it.',
    intro: 'The authors drew on:',
  },
};

/**
 * The notes in the checklist are written for its authors; one that uses the reference's own
 * shorthand ("[S/I]", "§1", row codes such as "E1", "the additions file", "code repo") would
 * not read as plain words to an applicant, so it is left out rather than shown half-explained
 * (as is one about the checklist format itself). A note that is shown is said to be theirs.
 */
const authorShorthand = /\[(?:S|I|S\/I)\]|§|\b[A-L]\d{1,2}\b|\badditions\b|\bcode repo\b|\bthe format\b/i;

export const plainNote = (note: string | undefined): string | undefined => {
  const trimmed = note?.trim();
  if (!trimmed || authorShorthand.test(trimmed)) return undefined;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

export interface WhyWeAskOptions {
  /** The hosting LMC's name from config.json, for local questions. */
  readonly host?: string;
}

/** "Why we ask this" for one question's source. */
export function whyWeAsk(source: Source, sources: SourceList, options: WhyWeAskOptions = {}): WhyWeAsk {
  const local = source.refs.includes(localRef);
  const cited: string[] = [];
  for (const ref of source.refs) {
    const work = sources.works.get(ref);
    const section = sources.sections.get(ref);
    const line = work ? citeWork(work) : section ? citeSection(section) : undefined;
    if (line && !cited.includes(line)) cited.push(line);
  }
  const words = basisWords[source.basis];
  const sentences = local
    ? [
        `This is a local question for this advert, published on this site by ${options.host ?? 'the Local Medical Committee that hosts it'}. It is not part of the national AQP checklist.`,
      ]
    : [words.sentence];
  const note = plainNote(source.note);
  // A local question's note is the app's own words about the advert, not the checklist authors'.
  if (note) sentences.push(local ? note : `The checklist authors’ note: ${note}`);
  if (cited.length === 0) return { sentences, cited };
  return { sentences, citedIntro: local ? basisWords.sourced.intro : words.intro, cited };
}
