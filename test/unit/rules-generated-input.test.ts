// Generated input: the engine never throws, whatever the answers (wrong shapes, hostile strings,
// huge values, unknown ids), on the real checklist, for every combination of services.
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '@/domain/answers/answer-value';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import { sectionProgress } from '@/domain/rules/progress';
import { readiness } from '@/domain/rules/readiness';
import { aqp, run } from '../helpers/engine';

/** A small seeded PRNG (mulberry32) so failures reproduce. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strings = [
  '',
  ' ',
  'yes',
  'no',
  '0',
  '-1',
  '5000000',
  '£4,999,999',
  '1e309',
  'NaN',
  '<script>alert(1)</script>',
  '\u202Eevil',
  'x'.repeat(5000),
  '1-101726253',
  'A81001',
  'SW1A 1AA',
  '2026-13-45',
  'partnership',
  'lead-provider',
  'on-award',
  'gmc',
];

describe('the engine on generated answers', () => {
  const checklist = aqp();
  const ids = [...checklist.questions.keys()];
  const services: ServiceId[] = [...checklist.services.keys()];

  it('never throws on 300 generated applications', () => {
    const random = prng(20261122);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const value = (depth: number): AnswerValue => {
      const r = random();
      if (r < 0.4) return pick(strings);
      if (r < 0.55) return [pick(strings), pick(strings)];
      if (r < 0.7) return { day: pick(strings), month: pick(strings), year: pick(['2026', '1899', '20', 'abc', '']) };
      if (r < 0.8) return { line1: pick(strings), line2: '', town: pick(strings), county: '', postcode: pick(strings) };
      if (depth > 0) return [];
      return Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({
        id: `i${i}`,
        values: Object.fromEntries(
          ['name', 'register', 'number', 'from', 'to', 'role', 'declarant'].map((k) => [k, value(1) as never]),
        ),
      }));
    };
    for (let n = 0; n < 300; n++) {
      const answers = Object.fromEntries(
        Array.from({ length: 5 + Math.floor(random() * 200) }, () => [
          random() < 0.05 ? `unknown.q${n}` : pick(ids),
          value(0),
        ]),
      );
      const chosen = services.filter(() => random() < 0.4);
      const evaluation = run(checklist, answers, { services: chosen });
      expect(() => readiness(evaluation)).not.toThrow();
      expect(() => sectionProgress(evaluation, ['organisation', 'registrations'])).not.toThrow();
      for (const issue of evaluation.issues) expect(issue.message.length).toBeGreaterThan(0);
    }
  });
});
