// @vitest-environment node
// The host's config.json: the example fixture is valid, every fault is named by where it is, the
// JSON Schema in schemas/ matches the zod source, and an advert's local questions become a
// checklist section the loader accepts, placed with the application's own sections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChecklistOrThrow } from '@/domain/definition/load-checklist';
import { localSectionId, withLocalQuestions } from '@/domain/definition/local-questions';
import {
  advertIsOpen,
  parseHostingConfig,
  parseHostingConfigText,
  type HostedAdvert,
} from '@/domain/hosting/hosting-config';
import { advertInput } from '@/domain/application/new-application';
import checklistJson from '../../schemas/checklists/aqp-2012.json';
import { hostingJsonSchema, hostingSchemaPath } from '../tools/generate-hosting-schema';

const example: unknown = JSON.parse(readFileSync('test/fixtures/hosting/config.json', 'utf8'));

const problemsOf = (value: unknown) => {
  const result = parseHostingConfig(value);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
};

describe('the host’s config.json', () => {
  it('accepts the example, with its adverts and local questions', () => {
    const result = parseHostingConfig(example);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.lmc?.name).toBe('Kernow Local Medical Committee');
    expect(result.config.adverts?.map((a) => a.id)).toEqual(['pod-2027', 'msk-2027']);
    expect(result.config.adverts?.[0]?.localQuestions).toHaveLength(3);
  });

  it('accepts an empty object (every setting is optional)', () => {
    expect(parseHostingConfig({})).toEqual({ ok: true, config: {} });
  });

  it.each([
    [
      { adverts: [{ id: 'a', commissioner: 'X', services: ['podiatry'], reference: 'R', closingDate: '31/01/2027' }] },
      /^adverts\[0\]\.closingDate: write dates as YYYY-MM-DD/,
    ],
    [
      { adverts: [{ id: 'a', commissioner: 'X', services: ['chiropody'], reference: 'R' }] },
      /^adverts\[0\]\.services\[0\]: /,
    ],
    [
      { adverts: [{ id: 'A B', commissioner: 'X', services: ['podiatry'], reference: 'R' }] },
      /^adverts\[0\]\.id: use lower-case letters/,
    ],
    [{ lmc: { name: 'LMC', wesbite: 'https://x.example' } }, /^lmc: unknown setting "wesbite"/],
    [{ lmc: { name: 'LMC', website: 'http://x.example' } }, /^lmc\.website: must be a full https:\/\/ address/],
    [{ lmc: { email: 'a@b.example' } }, /^lmc\.name: is missing/],
    [
      {
        adverts: [
          {
            id: 'a',
            commissioner: 'X',
            services: ['podiatry'],
            reference: 'R',
            localQuestions: [{ id: 'q', type: 'radios', label: 'Pick' }],
          },
        ],
      },
      /^adverts\[0\]\.localQuestions\[0\]\.options: a "radios" question needs "options"/,
    ],
    [
      {
        adverts: [
          { id: 'a', commissioner: 'X', services: ['podiatry'], reference: 'R' },
          { id: 'a', commissioner: 'Y', services: ['msk'], reference: 'S' },
        ],
      },
      /^adverts\[1\]\.id: "a" is used twice/,
    ],
    [
      {
        adverts: [
          {
            id: 'a',
            commissioner: 'X',
            services: ['podiatry'],
            reference: 'R',
            closingDate: '2027-03-01',
            serviceStart: '2027-02-01',
          },
        ],
      },
      /^adverts\[0\]\.serviceStart: is before the closing date/,
    ],
  ])('names the fault in %j', (value, message) => {
    expect(problemsOf(value)[0]).toMatch(message);
  });

  it('says when the file is not JSON, and never throws on any value', () => {
    const result = parseHostingConfigText('{ "lmc": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^the file is not valid JSON/);
    for (const value of [null, 42, 'text', [], { __proto__: { polluted: true } }, { adverts: 'none' }])
      expect(() => parseHostingConfig(value)).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists at most 10 faults', () => {
    const adverts = Array.from({ length: 20 }, () => ({ id: 'BAD' }));
    expect(problemsOf({ adverts }).length).toBe(10);
  });

  it('has a JSON Schema in schemas/ that matches the zod source', () => {
    expect(readFileSync(hostingSchemaPath, 'utf8')).toBe(hostingJsonSchema());
  });
});

describe('an advert’s local questions', () => {
  const base = loadChecklistOrThrow(checklistJson);
  const result = parseHostingConfig(example);
  const advert = result.ok ? result.config.adverts?.[0] : undefined;

  it('become a "Local questions" section after the application’s own sections, which the loader accepts', () => {
    const merged = loadChecklistOrThrow(
      withLocalQuestions(base.definition, advert?.commissioner ?? '', advert?.localQuestions),
    );
    const groups = merged.definition.sections.map((s) => `${s.group}:${s.id}`);
    const at = groups.indexOf(`application:${localSectionId}`);
    expect(at).toBeGreaterThan(0);
    expect(groups.slice(at + 1).every((g) => !g.startsWith('application:'))).toBe(true);
    expect(groups.slice(0, at).some((g) => g.startsWith('application:'))).toBe(true);
    expect(merged.questions.get('local.isles-of-scilly')?.question).toMatchObject({ type: 'yesno', required: true });
    expect(merged.questions.get('local.clinic-days')?.question).toMatchObject({ type: 'checkboxes' });
    expect(merged.questions.get('local.transport')?.question).toMatchObject({ type: 'longtext', required: false });
    expect(merged.definition.sections).toHaveLength(base.definition.sections.length + 1);
  });

  it('fill in the start page with the advert’s details, dates as the date inputs show them', () => {
    if (!advert) throw new Error('the example has no advert');
    expect(advertInput(advert)).toMatchObject({
      services: ['podiatry'],
      commissioner: 'NHS Kernow Clinical Commissioning Group',
      reference: 'KCCG/AQP/2027/POD',
      closingDate: { day: '29', month: '1', year: '2027' },
      serviceStart: { day: '1', month: '4', year: '2027' },
      advertId: 'pod-2027',
      localPrice: '£28.50 per contact',
    });
    expect(advertInput(advert).localQuestions).toHaveLength(3);
    expect(advertInput({ ...advert, closingDate: undefined }).closingDate).toEqual({ day: '', month: '', year: '' });
  });

  it('leave the checklist as it is when there are none', () => {
    expect(withLocalQuestions(base.definition, 'X', undefined)).toBe(base.definition);
    expect(withLocalQuestions(base.definition, 'X', [])).toBe(base.definition);
  });
});

describe('whether an advert is open', () => {
  const advert = (closingDate?: string) =>
    ({
      id: 'a',
      commissioner: 'NHS Kernow CCG',
      services: ['podiatry'],
      ...(closingDate ? { closingDate } : {}),
    }) as HostedAdvert;
  it.each([
    ['2027-01-29', '2027-01-28', true],
    ['2027-01-29', '2027-01-29', true],
    ['2027-01-29', '2027-01-30', false],
    [undefined, '2030-01-01', true],
  ])('closing %s, today %s: open %s', (closing, today, open) => {
    expect(advertIsOpen(advert(closing), today)).toBe(open);
  });
});
