/** The NHS date input: day, month and year boxes in a fieldset; the part in error is marked. */
import type { DateParts } from '@/domain/answers/answer-value';
import { describedBy, Fieldset, FormGroup, HintAndError, type FieldChrome } from './field-parts';

export interface DateInputProps extends FieldChrome {
  readonly legend: string;
  readonly value: DateParts;
  readonly onChange: (value: DateParts) => void;
  readonly onBlur?: () => void;
  /** Which part the error is about ("day", "month" or "year"); all are marked when absent. */
  readonly errorPart?: string;
  readonly asHeading?: boolean;
}

const parts = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

export function DateInput(props: DateInputProps) {
  const { id, legend, value, onChange, onBlur, error, errorPart, asHeading } = props;
  return (
    <FormGroup error={error}>
      <Fieldset
        legend={legend}
        asHeading={asHeading}
        role="group"
        describedById={describedBy({ ...props, hint: props.hint ?? 'For example, 27 3 2027' })}
      >
        <HintAndError chrome={{ ...props, hint: props.hint ?? 'For example, 27 3 2027' }} />
        <div className="nhsuk-date-input" id={id}>
          {parts.map((part) => {
            const inError = !!error && (!errorPart || errorPart === part.key);
            return (
              <div className="nhsuk-date-input__item" key={part.key}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part.key}`}>
                    {part.label}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-input--width-${part.width} nhsuk-date-input__input${inError ? ' nhsuk-input--error' : ''}`}
                    id={`${id}-${part.key}`}
                    name={`${id}-${part.key}`}
                    type="text"
                    inputMode="numeric"
                    value={value[part.key]}
                    onChange={(e) => onChange({ ...value, [part.key]: e.target.value })}
                    onBlur={onBlur}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
