/**
 * The frame every wizard form page shares: the back link, the error summary (focused on each
 * failed submit) and the form. Also reads the engine's "code:part" error type back into the part
 * of a date or address to point at.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { ErrorSummary, type SummaryError } from '@/components/nhs/error-summary';
import { BackLink } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';

/** The part of a date or address an error is about, from the resolver's "code:part" type. */
export const errorPart = (error: { readonly type?: FieldError['type'] | number }): string | undefined =>
  typeof error.type === 'string' ? error.type.split(':')[1] : undefined;

/** Which submit button sent the form: its `value` ("later" for "Save and come back later"), or "". */
export const submitAction = (event: FormEvent<HTMLFormElement>): string => {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  return submitter instanceof HTMLButtonElement ? submitter.value : '';
};

export function WizardForm({
  back,
  errors,
  onSubmit,
  children,
}: {
  readonly back: string;
  readonly errors: readonly SummaryError[];
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  readonly children: ReactNode;
}) {
  const [submits, setSubmits] = useState(0);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(back)} />
        <ErrorSummary errors={errors} focusKey={submits} />
        <form
          noValidate
          onSubmit={(event) => {
            setSubmits((n) => n + 1);
            onSubmit(event);
          }}
        >
          {children}
        </form>
      </div>
    </div>
  );
}
