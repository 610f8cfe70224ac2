/** The NHS text input: label, hint, error, input. Controlled; optional normalising on blur. */
import type { HTMLInputTypeAttribute } from 'react';
import { describedBy, FormGroup, HintAndError, type FieldChrome } from './field-parts';

export interface TextInputProps extends FieldChrome {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly type?: HTMLInputTypeAttribute;
  readonly inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel';
  readonly autoComplete?: string;
  readonly widthClass?: string;
  readonly prefix?: string;
  readonly spellCheck?: boolean;
  readonly asHeading?: boolean;
}

export function TextInput(props: TextInputProps) {
  const {
    id,
    label,
    value,
    onChange,
    onBlur,
    error,
    type = 'text',
    inputMode,
    autoComplete,
    widthClass,
    prefix,
    spellCheck,
    asHeading,
  } = props;
  const labelEl = (
    <label className={`nhsuk-label${asHeading ? ' nhsuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  const input = (
    <input
      className={['nhsuk-input', widthClass ?? '', error ? 'nhsuk-input--error' : ''].filter(Boolean).join(' ')}
      id={id}
      name={id}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      value={value}
      aria-describedby={describedBy(props)}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
    />
  );
  return (
    <FormGroup error={error}>
      {asHeading ? <h1 className="nhsuk-label-wrapper">{labelEl}</h1> : labelEl}
      <HintAndError chrome={props} />
      {prefix ? (
        <div className="nhsuk-input-wrapper">
          <div className="nhsuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
