/**
 * "Find an application" on "Your applications": shown once there are more applications than the
 * first screen lists, it narrows the list to those whose organisation, commissioner, advert
 * reference or services contain every word typed (any case; the rule is
 * src/domain/application/application-search.ts). Pure, like the rest of the first
 * screen, so the list painted before the app has loaded shows it too (pre-paint.tsx), and what was
 * typed there is carried into the app's own copy (`typedBeforeMount`).
 */

export const searchInputId = 'application-search';

/** What the search found, for the status under the box; empty while nothing is typed. */
export function searchOutcome(query: string, matching: number): string {
  const typed = query.trim();
  if (!typed) return '';
  if (matching === 0) return `No applications match “${typed}”.`;
  return `${matching} application${matching === 1 ? '' : 's'} match${matching === 1 ? 'es' : ''} “${typed}”.`;
}

export function ApplicationSearch({
  query,
  matching,
  onSearch,
}: {
  readonly query: string;
  /** How many applications match what is typed. */
  readonly matching: number;
  readonly onSearch?: ((query: string) => void) | undefined;
}) {
  return (
    <div className="nhsuk-form-group app-application-search">
      <label className="nhsuk-label" htmlFor={searchInputId}>
        Find an application
      </label>
      <div className="nhsuk-hint" id={`${searchInputId}-hint`}>
        Type part of the organisation’s name, the commissioner, the advert reference or a service
      </div>
      {/* type, value and name last, in that order: where React DOM writes them on an input, so the
          painted copy's markup is the same (a component test compares them). */}
      <input
        className="nhsuk-input nhsuk-input--width-20"
        id={searchInputId}
        autoComplete="off"
        aria-describedby={`${searchInputId}-hint ${searchInputId}-outcome`}
        onChange={(e) => onSearch?.(e.target.value)}
        type="search"
        value={query}
        name={searchInputId}
      />
      <p
        className="nhsuk-body-s nhsuk-u-margin-top-2 app-application-search__outcome"
        id={`${searchInputId}-outcome`}
        role="status"
      >
        {searchOutcome(query, matching)}
      </p>
    </div>
  );
}

/**
 * What was typed in the search box painted before the app loaded, read as the app's page first
 * renders (the painted copy is still in the document then, and is replaced when React commits).
 */
export function typedBeforeMount(): string {
  const painted = document.getElementById(searchInputId);
  return painted instanceof HTMLInputElement ? painted.value : '';
}
