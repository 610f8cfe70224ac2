// The react-hook-form resolver: engine issues become field errors (blocking ones only), one per
// field, with the date or address part to focus; no issue means the values pass through.
import { describe, expect, it } from 'vitest';
import { engineResolver } from '@/components/forms/engine-resolver';
import { fieldName, questionIdOf } from '@/components/forms/field-names';
import type { Issue } from '@/domain/rules/issues';
import { mini, run } from '../helpers/engine';

const checklist = mini();
const resolverFor = (pageId: string) =>
  engineResolver<Record<string, unknown>>({
    issuesFor: (values) => {
      const answers = Object.fromEntries(Object.entries(values).map(([k, v]) => [questionIdOf(k), v as string]));
      return run(checklist, answers).issues.filter((i: Issue) => i.pageId === pageId);
    },
    fieldOf: (issue) => fieldName(issue.questionId),
  });

const resolve = (pageId: string, values: Record<string, unknown>) =>
  resolverFor(pageId)(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('engineResolver', () => {
  it('encodes dotted question ids as flat field names and back', () => {
    expect(fieldName('org.legal-name')).toBe('q_org__legal-name');
    expect(questionIdOf('q_org__legal-name')).toBe('org.legal-name');
  });

  it('turns blocking issues into one error per field', async () => {
    const result = await resolve('org-identity', {
      [fieldName('org.form')]: 'company',
      [fieldName('org.formed')]: { day: '31', month: '2', year: '2020' },
    });
    expect(result.errors).toEqual({
      [fieldName('org.name')]: { type: 'required', message: 'Enter an answer: Legal name' },
      [fieldName('org.company-number')]: { type: 'required', message: 'Enter an answer: Company number' },
      [fieldName('org.formed')]: { type: 'format:day', message: 'Date formed must be a real date' },
    });
  });

  it('lets hard fails and warnings through: the answer is valid, it has consequences', async () => {
    const values = { [fieldName('ins.el')]: '1,000,000' };
    expect(run(checklist, { 'ins.el': '1,000,000' }).issues.some((i) => i.severity === 'hard-fail')).toBe(true);
    const result = await resolve('cover-el', values);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(values);
  });
});
