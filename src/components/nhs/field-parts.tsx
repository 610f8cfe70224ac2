/**
 * The small parts every NHS form field shares: form group, hint, error message (with its visually
 * hidden "Error:" prefix), and the describedby ids that tie them to the control.
 */
import type { ReactNode } from 'react';

export interface FieldChrome {
  readonly id: string;
  readonly hint?: string;
  readonly error?: string;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(chrome: FieldChrome, ...extra: (string | undefined)[]): string | undefined {
  const ids = [
    chrome.hint ? hintId(chrome.id) : undefined,
    ...extra,
    chrome.error ? errorId(chrome.id) : undefined,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FormGroup({
  error,
  className,
  children,
}: {
  /** A message, or `true` for a group in error whose message is told elsewhere. */
  readonly error?: string | true;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <div
      className={['nhsuk-form-group', error ? 'nhsuk-form-group--error' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      {children}
    </div>
  );
}

export function Hint({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <div className="nhsuk-hint" id={id}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {children}
    </span>
  );
}

/** Hint then error, in the order the NHS pattern puts them above the control. */
export function HintAndError({ chrome }: { readonly chrome: FieldChrome }) {
  return (
    <>
      {chrome.hint ? <Hint id={hintId(chrome.id)}>{chrome.hint}</Hint> : null}
      {chrome.error ? <ErrorMessage id={errorId(chrome.id)}>{chrome.error}</ErrorMessage> : null}
    </>
  );
}

/** A fieldset whose legend is the question (as a heading when it is the page's only question). */
export function Fieldset({
  legend,
  asHeading,
  describedById,
  role,
  children,
}: {
  readonly legend: ReactNode;
  readonly asHeading?: boolean;
  readonly describedById?: string;
  readonly role?: 'group';
  readonly children: ReactNode;
}) {
  return (
    <fieldset className="nhsuk-fieldset" aria-describedby={describedById} role={role}>
      <legend
        className={`nhsuk-fieldset__legend ${asHeading ? 'nhsuk-fieldset__legend--l' : 'nhsuk-fieldset__legend--s'}`}
      >
        {asHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
