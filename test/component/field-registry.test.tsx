// The field registry: each question type renders its NHS control, labelled and hinted, wired to
// the value; identifiers normalise when the user leaves the field.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '@/domain/answers/answer-value';
import type { ItemQuestion } from '@/domain/definition/checklist-schema';
import { fieldRegistry } from '@/features/wizard/field-registry';

const source = { refs: ['P1'], basis: 'inferred' as const };

function Harness({
  question,
  initial,
  kind,
}: {
  question: ItemQuestion;
  initial?: AnswerValue;
  kind?: 'ods-practice' | 'companies-house';
}) {
  const [value, setValue] = useState<AnswerValue | undefined>(initial);
  if (question.type === 'evidence') return null;
  return (
    <>
      {fieldRegistry[question.type]({
        question,
        domId: 'q',
        value,
        onChange: setValue,
        onBlur: () => undefined,
        asHeading: false,
        options: question.type === 'radios' || question.type === 'checkboxes' ? (question.options ?? []) : [],
        identifierKind: kind,
        reveals: new Map(),
      })}
      <output data-testid="value">{JSON.stringify(value ?? null)}</output>
    </>
  );
}
const value = () => JSON.parse(screen.getByTestId('value').textContent ?? 'null') as unknown;

describe('the field registry', () => {
  it('renders text with its label and hint, and keeps what is typed', async () => {
    render(<Harness question={{ id: 'a', type: 'text', label: 'Legal name', hint: 'As registered', source }} />);
    const input = screen.getByRole('textbox', { name: 'Legal name' });
    expect(input).toHaveAccessibleDescription('As registered');
    await userEvent.type(input, 'Riverside Surgery');
    expect(value()).toBe('Riverside Surgery');
  });

  it('renders yes/no as two radios', async () => {
    render(<Harness question={{ id: 'a', type: 'yesno', label: 'Do you accept?', source }} />);
    expect(screen.getByRole('group', { name: 'Do you accept?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    expect(value()).toBe('no');
  });

  it('renders checkboxes and clears the others when an exclusive option is ticked', async () => {
    const q: ItemQuestion = {
      id: 'a',
      type: 'checkboxes',
      label: 'Activities',
      options: [
        { value: 'treatment', label: 'Treatment' },
        { value: 'surgical', label: 'Surgical procedures' },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
      source,
    };
    render(<Harness question={q} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Treatment' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Surgical procedures' }));
    expect(value()).toEqual(['treatment', 'surgical']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'None of these' }));
    expect(value()).toEqual(['none']);
  });

  it('renders a date as day, month and year boxes', async () => {
    render(<Harness question={{ id: 'a', type: 'date', label: 'Date formed', source }} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Day' }), '3');
    await userEvent.type(screen.getByRole('textbox', { name: 'Month' }), '4');
    await userEvent.type(screen.getByRole('textbox', { name: 'Year' }), '2012');
    expect(value()).toEqual({ day: '3', month: '4', year: '2012' });
  });

  it('renders money with a pound prefix', () => {
    render(<Harness question={{ id: 'a', type: 'money', label: 'Cover', source }} />);
    expect(screen.getByText('£')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Cover' })).toHaveAttribute('inputmode', 'decimal');
  });

  it('renders a long answer with a live character count, allowing too many (the draft still saves)', async () => {
    render(
      <Harness question={{ id: 'b', type: 'longtext', label: 'Describe', validation: { maxLength: 10 }, source }} />,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Describe' }), 'abcdefghijkl');
    expect(screen.getByText('You have 2 characters too many')).toBeInTheDocument();
  });

  it('renders an address with its five lines and spaces the postcode on leaving it', async () => {
    render(<Harness question={{ id: 'a', type: 'address', label: 'Registered address', source }} />);
    for (const name of ['Address line 1', 'Address line 2 (optional)', 'Town or city', 'County (optional)', 'Postcode'])
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Postcode' }), 'sw1a1aa');
    await userEvent.tab();
    expect(value()).toMatchObject({ postcode: 'SW1A 1AA' });
  });

  it.each([
    ['ods-practice', 'a81001', 'A81001'],
    ['companies-house', '445790', '00445790'],
  ] as const)('normalises a %s identifier as typed: %s → %s', async (kind, typed, normalised) => {
    render(<Harness question={{ id: 'a', type: 'identifier', identifier: kind, label: 'Code', source }} kind={kind} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Code' }), typed);
    await userEvent.tab();
    expect(value()).toBe(normalised);
  });
});
