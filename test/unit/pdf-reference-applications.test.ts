// The reference applications the PDF tests, the benchmark and the fault tests share: realistic,
// complete for the real checklist, with no hard fails, and the same every time.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isRepeatItems } from '@/domain/answers/answer-value';
import { evaluate } from '@/domain/rules/evaluate';
import { readiness } from '@/domain/rules/readiness';
import { packAnswers } from '@/pdf/pack-model';
import {
  largeFederation,
  referenceDates,
  smallSinglePractice,
  type ReferenceApplication,
} from '../fixtures/applications/reference-applications';

function readinessOf(ref: ReferenceApplication) {
  const { checklist, application, profile, evidence } = ref;
  return readiness(
    evaluate({
      checklist,
      answers: packAnswers(checklist, profile, application),
      services: application.services,
      dates: referenceDates,
      evidence: new Map(evidence.map((e) => [e.id, e])),
    }),
  );
}

describe('reference applications', () => {
  it('the large federation has no hard fails (nor blocking issues) and is as large as promised', async () => {
    const ref = await largeFederation();
    const result = readinessOf(ref);
    expect(result.hardFails).toEqual([]);
    expect(result.blocking).toEqual([]);
    expect(ref.application.services).toHaveLength(8);
    const members = ref.application.answers['bid.members'];
    expect(isRepeatItems(members) && members.length).toBe(20);
    expect(ref.application.answers['bid.model']).toBe('lead-provider');
    expect(ref.evidence).toHaveLength(10);
    expect(new Set(ref.evidence.map((e) => e.type))).toEqual(
      new Set([
        'application/pdf',
        'image/png',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    );
    for (const meta of ref.evidence) {
      const bytes = ref.evidenceBytes.get(meta.id);
      expect(bytes && createHash('sha256').update(bytes).digest('hex')).toBe(meta.sha256);
      expect(meta.questionIds.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(ref.profile.answers)).toContain('Siân Llŷr');
  }, 60_000);

  it('the small single practice has no hard fails', async () => {
    const ref = await smallSinglePractice();
    expect(readinessOf(ref).hardFails).toEqual([]);
    expect(ref.application.answers['bid.model']).toBe('single-practice');
  }, 60_000);

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([smallSinglePractice(), smallSinglePractice()]);
    expect(a.application).toEqual(b.application);
    expect(a.profile).toEqual(b.profile);
    expect(a.evidence).toEqual(b.evidence);
  }, 60_000);
});
