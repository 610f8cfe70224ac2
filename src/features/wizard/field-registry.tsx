/**
 * The field registry: one control per question type, all in the NHS design system. The question
 * page looks a question's type up here; it renders no question of its own. Repeating groups and
 * evidence have their own controls (they read and write the session directly).
 */
import type { ReactNode } from 'react';
import { isAddress, isDateParts, isStringList, type AddressValue } from '@/domain/answers/answer-value';
import type { QuestionType } from '@/domain/definition/checklist-schema';
import { normaliseIdentifier } from '@/domain/rules/identifiers';
import { Checkboxes, Radios } from '@/components/nhs/choice-fields';
import { DateInput } from '@/components/nhs/date-input';
import { Fieldset, FormGroup, HintAndError, describedBy } from '@/components/nhs/field-parts';
import { TextInput } from '@/components/nhs/text-input';
import { Textarea } from '@/components/nhs/textarea';
import type { FieldProps } from './field-props';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const chrome = (p: FieldProps) => ({ id: p.domId, hint: p.question.hint, error: p.error?.message });
const items = (p: FieldProps) => p.options.map((o) => ({ ...o, reveal: p.reveals.get(o.value) }));

function TextField(p: FieldProps, extra: Partial<Parameters<typeof TextInput>[0]> = {}) {
  return (
    <TextInput
      {...chrome(p)}
      label={p.question.label}
      value={text(p.value)}
      onChange={p.onChange}
      onBlur={p.onBlur}
      asHeading={p.asHeading}
      {...extra}
    />
  );
}

const emptyAddress: AddressValue = { line1: '', line2: '', town: '', county: '', postcode: '' };

function AddressField(p: FieldProps) {
  const value = isAddress(p.value) ? p.value : emptyAddress;
  const lines = [
    { key: 'line1', label: 'Address line 1', auto: 'address-line1', width: '' },
    { key: 'line2', label: 'Address line 2 (optional)', auto: 'address-line2', width: '' },
    { key: 'town', label: 'Town or city', auto: 'address-level2', width: 'nhsuk-u-width-two-thirds' },
    { key: 'county', label: 'County (optional)', auto: 'address-level1', width: 'nhsuk-u-width-two-thirds' },
    { key: 'postcode', label: 'Postcode', auto: 'postal-code', width: 'nhsuk-input--width-10' },
  ] as const;
  const errorFor = (key: string) => (p.error && (p.error.part ?? 'line1') === key ? p.error.message : undefined);
  return (
    <FormGroup error={p.error?.message}>
      <Fieldset
        legend={p.question.label}
        asHeading={p.asHeading}
        describedById={describedBy({ id: p.domId, hint: p.question.hint })}
      >
        <HintAndError chrome={{ id: p.domId, hint: p.question.hint }} />
        {lines.map((line) => (
          <TextInput
            key={line.key}
            id={`${p.domId}-${line.key}`}
            label={line.label}
            autoComplete={line.auto}
            widthClass={line.width}
            error={errorFor(line.key)}
            value={value[line.key]}
            onChange={(v) => p.onChange({ ...value, [line.key]: v })}
            onBlur={() => {
              if (line.key === 'postcode' && value.postcode.trim())
                p.onChange({ ...value, postcode: normaliseIdentifier('postcode', value.postcode) });
              p.onBlur();
            }}
          />
        ))}
      </Fieldset>
    </FormGroup>
  );
}

type Renderer = (p: FieldProps) => ReactNode;

export const fieldRegistry: Readonly<Record<Exclude<QuestionType, 'repeat' | 'evidence'>, Renderer>> = {
  text: (p) => TextField(p, { spellCheck: true }),
  email: (p) => TextField(p, { type: 'email', autoComplete: 'email', spellCheck: false }),
  phone: (p) => TextField(p, { type: 'tel', autoComplete: 'tel', widthClass: 'nhsuk-input--width-20' }),
  number: (p) => TextField(p, { inputMode: 'decimal', widthClass: 'nhsuk-input--width-10' }),
  money: (p) => TextField(p, { inputMode: 'decimal', widthClass: 'nhsuk-input--width-10', prefix: '£' }),
  identifier: (p) =>
    TextField(p, {
      widthClass: 'nhsuk-input--width-20',
      spellCheck: false,
      autoComplete: 'off',
      onBlur: () => {
        if (p.identifierKind && text(p.value).trim()) p.onChange(normaliseIdentifier(p.identifierKind, text(p.value)));
        p.onBlur();
      },
    }),
  longtext: (p) => (
    <Textarea
      {...chrome(p)}
      label={p.question.label}
      value={text(p.value)}
      onChange={p.onChange}
      onBlur={p.onBlur}
      maxLength={p.question.validation?.maxLength}
      asHeading={p.asHeading}
    />
  ),
  yesno: (p) => (
    <Radios
      {...chrome(p)}
      legend={p.question.label}
      inline={p.reveals.size === 0}
      items={[
        { value: 'yes', label: 'Yes', reveal: p.reveals.get('yes') },
        { value: 'no', label: 'No', reveal: p.reveals.get('no') },
      ]}
      value={text(p.value)}
      onChange={p.onChange}
      onBlur={p.onBlur}
      asHeading={p.asHeading}
    />
  ),
  radios: (p) => (
    <Radios
      {...chrome(p)}
      legend={p.question.label}
      items={items(p)}
      value={text(p.value)}
      onChange={p.onChange}
      onBlur={p.onBlur}
      asHeading={p.asHeading}
    />
  ),
  checkboxes: (p) => (
    <Checkboxes
      {...chrome(p)}
      legend={p.question.label}
      items={items(p)}
      value={isStringList(p.value) ? p.value : []}
      onChange={(v) => p.onChange(v.length ? v : undefined)}
      onBlur={p.onBlur}
      asHeading={p.asHeading}
    />
  ),
  date: (p) => (
    <DateInput
      {...chrome(p)}
      legend={p.question.label}
      value={isDateParts(p.value) ? p.value : { day: '', month: '', year: '' }}
      onChange={p.onChange}
      onBlur={p.onBlur}
      errorPart={p.error?.part}
      asHeading={p.asHeading}
    />
  ),
  address: AddressField,
};
