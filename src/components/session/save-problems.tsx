/**
 * What goes wrong with saving, above the page of an application: a clash with another tab (to
 * settle), a failed save (with a backup), and, once a clash is settled, what happened to the
 * version not chosen (focused, since the buttons pressed are gone; cleared on the next page).
 */
import { useEffect, useRef, useState } from 'react';
import { href } from '../routing/hash-location';
import { paths } from '../routing/paths';
import { ConflictPanel } from './conflict-panel';
import { SaveFailurePanel } from './save-failure-panel';

export function SaveProblems() {
  const [settled, setSettled] = useState<'mine' | 'theirs' | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (settled) banner.current?.focus();
  }, [settled]);
  useEffect(() => {
    const clear = () => setSettled(null);
    window.addEventListener('hashchange', clear);
    return () => window.removeEventListener('hashchange', clear);
  }, []);
  return (
    <>
      <ConflictPanel onResolved={setSettled} />
      {settled ? (
        <div
          className="nhsuk-notification-banner nhsuk-notification-banner--success"
          role="status"
          aria-labelledby="conflict-settled-title"
          tabIndex={-1}
          ref={banner}
        >
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="conflict-settled-title">
              Done
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">
              {settled === 'mine'
                ? 'The answers in this tab are saved.'
                : 'You are now using the answers from the other tab.'}
            </p>
            <p className="nhsuk-body">
              {settled === 'mine' ? 'The other tab’s answers are' : 'The answers you had in this tab are'} kept on this
              computer. You can switch to them from <a href={href(paths.settings())}>Backups and storage</a>.
            </p>
          </div>
        </div>
      ) : null}
      <SaveFailurePanel />
    </>
  );
}
