/**
 * The NHS error summary. It takes focus when it appears (and whenever the set of errors changes
 * after a submit), so screen-reader users hear "There is a problem" first. Each link moves focus
 * to its field without touching the URL hash, which holds the route.
 */
import { useEffect, useRef, type MouseEvent } from 'react';

export interface SummaryError {
  /** The id of the element to focus: the input, or the first input of a date or a group. */
  readonly targetId: string;
  readonly message: string;
}

export function ErrorSummary({
  errors,
  focusKey,
}: {
  readonly errors: readonly SummaryError[];
  readonly focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<number | null>(null);
  // Focus once per submit, when its errors appear. After a submit the errors also update as the
  // user corrects fields; those updates never take focus away from the field being typed in.
  const errorsKey = errors.map((e) => `${e.targetId}:${e.message}`).join('|');
  useEffect(() => {
    if (!errorsKey || focusedFor.current === focusKey) return;
    focusedFor.current = focusKey;
    ref.current?.focus();
  }, [focusKey, errorsKey]);
  if (!errors.length) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    if (!target) return;
    target.focus();
    const anchor =
      target.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${targetId}"]`) ??
      target;
    anchor.scrollIntoView({ block: 'start' });
  };
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map((error) => (
            <li key={`${error.targetId}:${error.message}`}>
              <a href={`#${error.targetId}`} onClick={(e) => go(e, error.targetId)}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
