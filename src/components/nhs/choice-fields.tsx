/**
 * NHS radios and checkboxes. An option can reveal follow-up questions beneath it (the conditional
 * reveal pattern); React renders the revealed content only while the option is chosen.
 */
import type { ReactNode } from 'react';
import { describedBy, Fieldset, FormGroup, HintAndError, type FieldChrome } from './field-parts';

export interface ChoiceItem {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  readonly exclusive?: boolean;
  readonly reveal?: ReactNode;
}

interface ChoiceProps extends FieldChrome {
  readonly legend: string;
  readonly items: readonly ChoiceItem[];
  readonly inline?: boolean;
  readonly asHeading?: boolean;
  readonly onBlur?: () => void;
}

const itemId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function Radios(props: ChoiceProps & { readonly value: string; readonly onChange: (value: string) => void }) {
  const { id, legend, items, value, onChange, error, inline, asHeading, onBlur } = props;
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} asHeading={asHeading} describedById={describedBy(props)}>
        <HintAndError chrome={props} />
        <div
          className={`nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}${items.some((i) => i.reveal) ? ' nhsuk-radios--conditional' : ''}`}
        >
          {items.map((item, index) => (
            <div key={item.value}>
              <div className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={itemId(id, index)}
                  name={id}
                  type="radio"
                  value={item.value}
                  checked={value === item.value}
                  aria-describedby={item.hint ? `${itemId(id, index)}-item-hint` : undefined}
                  onChange={() => onChange(item.value)}
                  onBlur={onBlur}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId(id, index)}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${itemId(id, index)}-item-hint`}>
                    {item.hint}
                  </div>
                ) : null}
              </div>
              {item.reveal && value === item.value ? (
                <div className="nhsuk-radios__conditional">{item.reveal}</div>
              ) : null}
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}

export function Checkboxes(
  props: ChoiceProps & { readonly value: readonly string[]; readonly onChange: (value: string[]) => void },
) {
  const { id, legend, items, value, onChange, error, asHeading, onBlur } = props;
  const toggle = (item: ChoiceItem, checked: boolean) => {
    if (!checked) return onChange(value.filter((v) => v !== item.value));
    if (item.exclusive) return onChange([item.value]);
    const exclusive = new Set(items.filter((i) => i.exclusive).map((i) => i.value));
    onChange([...value.filter((v) => !exclusive.has(v)), item.value]);
  };
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} asHeading={asHeading} describedById={describedBy(props)}>
        <HintAndError chrome={props} />
        <div className="nhsuk-checkboxes">
          {items.map((item, index) => (
            <div key={item.value}>
              {item.exclusive && index > 0 ? <div className="nhsuk-checkboxes__divider">or</div> : null}
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id={itemId(id, index)}
                  name={id}
                  type="checkbox"
                  value={item.value}
                  checked={value.includes(item.value)}
                  aria-describedby={item.hint ? `${itemId(id, index)}-item-hint` : undefined}
                  onChange={(e) => toggle(item, e.target.checked)}
                  onBlur={onBlur}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={itemId(id, index)}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${itemId(id, index)}-item-hint`}>
                    {item.hint}
                  </div>
                ) : null}
              </div>
              {item.reveal && value.includes(item.value) ? (
                <div className="nhsuk-checkboxes__conditional">{item.reveal}</div>
              ) : null}
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
