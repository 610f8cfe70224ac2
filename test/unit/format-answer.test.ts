// The one way an answer is put into words, for the check-answers pages and the PDF alike.
import { describe, expect, it } from 'vitest';
import { formatAnswer, formatFileSize, formatMoney } from '@/domain/answers/format-answer';
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';

const q = (type: string, extra: Record<string, unknown> = {}) =>
  ({ id: 'q', type, label: 'Q', required: true, source: { refs: ['P1'], basis: 'sourced' }, ...extra }) as unknown as
    Question | ItemQuestion;
const none = { options: [] };

describe('formatAnswer', () => {
  it.each([
    ['yesno', 'yes', none, ['Yes']],
    ['yesno', 'no', none, ['No']],
    [
      'radios',
      'llp',
      { options: [{ value: 'llp', label: 'Limited liability partnership' }] },
      ['Limited liability partnership'],
    ],
    ['checkboxes', ['a', 'b'], { options: [{ value: 'a', label: 'Alpha' }] }, ['Alpha', 'b']],
    ['date', { day: '2', month: '6', year: '2014' }, none, ['2 June 2014']],
    ['date', { day: '31', month: '2', year: '2026' }, none, ['31/2/2026 (not a real date)']],
    ['money', '5000000', none, ['£5,000,000']],
    ['money', '£1,250.5', none, ['£1,250.50']],
    ['money', 'about five million ', none, ['about five million']],
    ['identifier', ' sw1a1aa ', { options: [], identifierKind: 'postcode' }, ['SW1A 1AA']],
    ['identifier', '445790', { options: [], identifierKind: 'companies-house' }, ['00445790']],
    [
      'evidence',
      ['e1', 'gone'],
      { options: [], evidenceName: (id: string) => (id === 'e1' ? 'Cert.pdf' : undefined) },
      ['Cert.pdf', 'A file no longer on this computer'],
    ],
    ['longtext', 'Line one\nLine two', none, ['Line one\nLine two']],
  ] as const)('a %s answer %j', (type, value, ctx, expected) => {
    expect(formatAnswer(q(type), value as never, ctx)).toEqual(expected);
  });

  it('writes an address on lines, without empty ones, the postcode in capitals', () => {
    const address = { line1: '12 Ffordd yr Wyddgrug ', line2: '', town: 'Chester', county: '', postcode: 'ch1 4ds' };
    expect(formatAnswer(q('address'), address, none)).toEqual(['12 Ffordd yr Wyddgrug', 'Chester', 'CH1 4DS']);
  });

  it('gives no lines for no answer', () => {
    expect(formatAnswer(q('text'), undefined, none)).toEqual([]);
    expect(formatAnswer(q('text'), '   ', none)).toEqual([]);
    expect(formatAnswer(q('checkboxes'), [], none)).toEqual([]);
  });
});

describe('amounts and sizes', () => {
  it('writes money in pounds with thousands separators and pence only when there are some', () => {
    expect(formatMoney('0.5')).toBe('£0.50');
    expect(formatMoney('1,000,000.00')).toBe('£1,000,000');
    // Not pounds and pence (the rules engine says so): shown as typed.
    expect(formatMoney('1250.555')).toBe('1250.555');
  });

  it('writes file sizes in bytes, KB or MB', () => {
    expect(formatFileSize(0)).toBe('0 bytes');
    expect(formatFileSize(10 * 1024)).toBe('10 KB');
    expect(formatFileSize(250 * 1024 * 1024)).toBe('250 MB');
  });
});
