/**
 * The clash between tabs, shown above the page: another tab or window saved different answers
 * after this page opened, so this tab's changes are not saved yet. Shows each question whose
 * answer differs with both answers, and lets the user keep this tab's answers or take the other
 * tab's. Nothing is lost either way: the version not chosen is kept on this computer (Backups and
 * storage lists it, and can switch back to it).
 */
import { useState } from 'react';
import { recordDifferences, type Difference } from '@/domain/application/record-differences';
import { createEvaluator } from '@/domain/rules/evaluator';
import { Button, ButtonGroup } from '../nhs/button';
import { ErrorMessage } from '../nhs/field-parts';
import { href } from '../routing/hash-location';
import { paths } from '../routing/paths';
import { useApplicationSession } from './application-session';
import { DifferenceTable } from './difference-table';

export function ConflictPanel({ onResolved }: { readonly onResolved: (choice: 'mine' | 'theirs') => void }) {
  const session = useApplicationSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { conflict } = session;
  if (!conflict) return null;

  const evaluator = createEvaluator(session.evaluationInput());
  const ctx = {
    options: evaluator.options,
    evidenceName: (id: string) => session.evidence.find((e) => e.id === id)?.name,
  };
  const differences: Difference[] = [
    ...(conflict.profile
      ? recordDifferences(session.checklist, conflict.profile.mine, conflict.profile.theirs, ctx)
      : []),
    ...(conflict.application
      ? recordDifferences(session.checklist, conflict.application.mine, conflict.application.theirs, ctx)
      : []),
  ];
  const choose = async (choice: 'mine' | 'theirs') => {
    setBusy(true);
    setProblem(null);
    const failed = await session.resolveConflict(choice);
    setBusy(false);
    if (failed) setProblem(failed);
    else onResolved(choice);
  };

  return (
    <div className="nhsuk-notification-banner app-conflict" role="alert" aria-labelledby="conflict-title" id="conflict">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="conflict-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading">These answers were changed in another tab or window</h3>
        <p className="nhsuk-body">
          Your latest changes here have not been saved, because this application was also changed in another tab or
          window (or on another page of this browser) after you opened it. Choose which answers to carry on with.
          Nothing is lost: the answers you do not choose are kept on this computer, and you can switch to them later
          from <a href={href(paths.settings())}>Backups and storage</a>.
        </p>
        {differences.length ? (
          <DifferenceTable
            caption="What is different"
            firstHeading="In this tab"
            secondHeading="In the other tab"
            differences={differences}
          />
        ) : (
          <p className="nhsuk-body">The answers are the same in both; only when they were saved is different.</p>
        )}
        {problem ? <ErrorMessage id="conflict-error">{problem}</ErrorMessage> : null}
        <ButtonGroup>
          <Button onClick={() => void choose('mine')} disabled={busy}>
            Keep the answers in this tab
          </Button>
          <Button variant="secondary" onClick={() => void choose('theirs')} disabled={busy}>
            Use the answers from the other tab
          </Button>
        </ButtonGroup>
      </div>
    </div>
  );
}
