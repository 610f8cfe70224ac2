/**
 * The NHS textarea, with the character count pattern when there is a limit: the count updates as
 * the user types and is announced politely, and going over is allowed (the draft still saves) but
 * shown as an error by the engine's validation.
 */
import { formatNumber } from '@/domain/rules/values';
import { describedBy, FormGroup, HintAndError, type FieldChrome } from './field-parts';

export interface TextareaProps extends FieldChrome {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly maxLength?: number;
  readonly rows?: number;
  readonly asHeading?: boolean;
}

export function Textarea(props: TextareaProps) {
  const { id, label, value, onChange, onBlur, maxLength, rows = 6, error, asHeading } = props;
  const infoId = `${id}-info`;
  const remaining = maxLength === undefined ? undefined : maxLength - value.length;
  const labelEl = (
    <label className={`nhsuk-label${asHeading ? ' nhsuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <FormGroup error={error} className={maxLength !== undefined ? 'nhsuk-character-count' : undefined}>
      {asHeading ? <h1 className="nhsuk-label-wrapper">{labelEl}</h1> : labelEl}
      <HintAndError chrome={props} />
      <textarea
        className={['nhsuk-textarea', error ? 'nhsuk-textarea--error' : ''].filter(Boolean).join(' ')}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(props, maxLength !== undefined ? infoId : undefined)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {remaining !== undefined ? (
        <div
          className={`nhsuk-character-count__message ${remaining < 0 ? 'nhsuk-error-message' : 'nhsuk-hint'}`}
          id={infoId}
          aria-live="polite"
        >
          {remaining >= 0
            ? `You have ${formatNumber(remaining)} character${remaining === 1 ? '' : 's'} remaining`
            : `You have ${formatNumber(-remaining)} character${remaining === -1 ? '' : 's'} too many`}
        </div>
      ) : null}
    </FormGroup>
  );
}
