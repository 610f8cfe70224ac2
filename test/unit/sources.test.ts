// @vitest-environment node
// "Why we ask this": the source list (schemas/checklists/sources.json) parses, every ref the
// bundled checklist uses (P, N, SQ and § keys) names an entry in it, and whyWeAsk says in plain
// words what a question rests on, honestly when it is the checklist authors' inference.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '@/domain/definition/checklist-schema';
import {
  loadSourcesOrThrow,
  parseSourceList,
  plainNote,
  unresolvedRefs,
  whyWeAsk,
  type SourceList,
} from '@/domain/definition/sources';
import { rawAqpChecklist } from '../helpers/engine';

const raw: unknown = JSON.parse(readFileSync('schemas/checklists/sources.json', 'utf8'));
const bundled = loadSourcesOrThrow(raw);

/** Every `source` object anywhere in the checklist: services, sections, questions, fields. */
function sourcesIn(value: unknown, where = ''): { where: string; source: Source }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcesIn(v, `${where}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    record.source && typeof record.source === 'object'
      ? [{ where: String(record.id ?? where), source: record.source as Source }]
      : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([key]) => key !== 'source')
      .flatMap(([key, v]) => sourcesIn(v, `${where}.${key}`)),
  ];
}

const tiny: SourceList = loadSourcesOrThrow({
  works: [
    { id: 'P48', title: 'A guide to limits of indemnity for the public sector', publisher: 'JLT' },
    { id: 'N31', title: 'A guide to limits of indemnity for the public sector', publisher: 'JLT' },
    { id: 'P52', title: 'Registration form help', publisher: 'Care Quality Commission', year: '2013' },
    { id: 'SQ', title: 'Standard Selection Questionnaire', publisher: 'Crown Commercial Service', year: '2016' },
  ],
  sections: [{ id: '§4.3', title: 'ODS and NHS organisation codes' }],
});

describe('the source list', () => {
  it('parses, and lists every ref the bundled checklist uses', () => {
    const used = sourcesIn(rawAqpChecklist());
    expect(used.length).toBeGreaterThan(400);
    const missing = used.flatMap(({ where, source }) =>
      unresolvedRefs(source.refs, bundled).map((ref) => `${where}: ${ref}`),
    );
    expect(missing).toEqual([]);
    const refs = new Set(used.flatMap((u) => u.source.refs));
    expect([...refs].some((r) => r.startsWith('§'))).toBe(true);
    expect([...refs].some((r) => r.startsWith('N'))).toBe(true);
  });

  it('gives every work a title and a publisher, and years as 2012 or 2016–2019', () => {
    for (const work of bundled.works.values()) {
      expect(work.title.length, work.id).toBeGreaterThan(3);
      expect(work.publisher.length, work.id).toBeGreaterThan(1);
    }
    expect(bundled.works.get('P35')).toMatchObject({ publisher: 'NHS England', year: '2016' });
    expect(bundled.sections.get('§4.3')?.title).toBe('ODS and NHS organisation codes');
  });

  it.each([
    [
      {
        works: [
          { id: 'P1', title: 'A', publisher: 'B' },
          { id: 'P1', title: 'C', publisher: 'D' },
        ],
        sections: [],
      },
      '"P1" is listed twice',
    ],
    [{ works: [{ id: 'X1', title: 'A', publisher: 'B' }], sections: [] }, 'a work is keyed P1…, N1… or SQ'],
    [
      { works: [{ id: 'P1', title: 'A', publisher: 'B', year: '12' }], sections: [] },
      'a year is written 2012 or 2016–2019',
    ],
    [
      { works: [{ id: 'P1', title: 'A', publisher: 'B' }], sections: [{ id: '4.3', title: 'T' }] },
      'a section is keyed §4 or §4.3',
    ],
  ])('refuses a broken list (%#)', (value, problem) => {
    const result = parseSourceList(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContain(problem);
  });

  it('refuses what is not a list at all, and unknown settings', () => {
    expect(parseSourceList(null).ok).toBe(false);
    expect(parseSourceList({ works: [{ id: 'P1', title: 'A', publisher: 'B', url: 'x' }], sections: [] }).ok).toBe(
      false,
    );
    expect(() => loadSourcesOrThrow('nonsense')).toThrow(/sources\.json/);
  });

  it('names the refs it cannot resolve, but never an LMC ref', () => {
    expect(unresolvedRefs(['P48', 'P999', '§9', 'LMC'], tiny)).toEqual(['P999', '§9']);
  });
});

describe('whyWeAsk', () => {
  it('names the published sources of a sourced question by title, publisher and year', () => {
    expect(whyWeAsk({ refs: ['P52', 'SQ'], basis: 'sourced' }, tiny)).toEqual({
      sentences: ['This question is based on published sources.'],
      citedIntro: 'It is based on:',
      cited: [
        'Registration form help (Care Quality Commission, 2013)',
        'Standard Selection Questionnaire (Crown Commercial Service, 2016)',
      ],
    });
  });

  it('says plainly that an inferred question is the authors’ inference, not a published requirement', () => {
    const why = whyWeAsk({ refs: ['§4.3'], basis: 'inferred' }, tiny);
    expect(why.sentences[0]).toBe(
      'This question is the checklist authors’ inference, not a published requirement.' +
        ' It is modelled on similar NHS and public sector application forms: check whether your commissioner asks for it.',
    );
    expect(why.citedIntro).toBe('The authors drew on:');
    expect(why.cited).toEqual([
      'The checklist authors’ notes on the AQP process: ODS and NHS organisation codes (section 4.3)',
    ]);
  });

  it('says which part of a partly-sourced question is inference', () => {
    const why = whyWeAsk(
      { refs: ['P52'], basis: 'partly-sourced', note: 'Option list inferred; CQC types sourced' },
      tiny,
    );
    expect(why.sentences).toEqual([
      'This question is partly based on published sources. The rest is the checklist authors’ inference, not a published requirement.',
      'The checklist authors’ note: Option list inferred; CQC types sourced.',
    ]);
    expect(why.citedIntro).toBe('The published part comes from:');
  });

  it('names the hosting LMC for a local question, or says "the Local Medical Committee" without one', () => {
    const local: Source = { refs: ['LMC'], basis: 'sourced', note: 'Set by the commissioner for this advert.' };
    expect(whyWeAsk(local, tiny, { host: 'Kernow Local Medical Committee' })).toEqual({
      sentences: [
        'This is a local question for this advert, published on this site by Kernow Local Medical Committee. It is not part of the national AQP checklist.',
        'Set by the commissioner for this advert.',
      ],
      cited: [],
    });
    expect(whyWeAsk(local, tiny).sentences[0]).toContain('by the Local Medical Committee that hosts it.');
  });

  it('lists one work once when two keys name it, and leaves out keys it cannot resolve', () => {
    const why = whyWeAsk({ refs: ['P48', 'N31', 'P999'], basis: 'sourced' }, tiny);
    expect(why.cited).toEqual(['A guide to limits of indemnity for the public sector (JLT)']);
    expect(whyWeAsk({ refs: ['P999'], basis: 'sourced' }, tiny)).toEqual({
      sentences: ['This question is based on published sources.'],
      cited: [],
    });
  });

  it.each([
    [
      'Option list inferred; CQC’s three provider types are sourced.',
      'Option list inferred; CQC’s three provider types are sourced.',
    ],
    ['Typical PQQ item', 'Typical PQQ item.'],
    ['Per-member insurance for lead-provider bids (§5, §6 point 2).', undefined],
    ['Service-to-activity rule table: MSK and diagnostics [S/I] (blocking).', undefined],
    ['Also asked as C8; the additions file places it with G2.', undefined],
    ['Richmond example: code repo pmahnke/stmgrts.', undefined],
    ['A warning before that; the format cannot vary severity by era.', undefined],
    ['  ', undefined],
    [undefined, undefined],
  ])('shows a note only when it reads as plain words: %s', (note, shown) => {
    expect(plainNote(note)).toBe(shown);
  });

  it('gives every question in the bundled checklist at least one sentence, and cites something for each sourced one', () => {
    for (const { where, source } of sourcesIn(rawAqpChecklist())) {
      const why = whyWeAsk(source, bundled);
      expect(why.sentences.length, where).toBeGreaterThan(0);
      if (source.basis !== 'inferred') expect(why.cited.length, where).toBeGreaterThan(0);
    }
  });
});
