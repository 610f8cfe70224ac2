/**
 * A repeating group on its page (member practices, partners and directors, staff, locations,
 * interests, policies): a summary of the items with Change and Remove, and "Add". Each item is
 * edited on its own page. Removing offers Undo.
 */
import { useState } from 'react';
import { isRepeatItems, type RepeatItem } from '@/domain/answers/answer-value';
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import { Button, ButtonLink } from '@/components/nhs/button';
import { ErrorMessage, FormGroup, Hint, errorId, hintId } from '@/components/nhs/field-parts';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import type { FieldProps } from './field-props';

export function itemTitle(question: RepeatQuestion, item: RepeatItem, index: number): string {
  const title = item.values[question.titleField];
  return typeof title === 'string' && title.trim() ? title.trim() : `${capitalise(question.itemName)} ${index + 1}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function RepeatField(p: FieldProps) {
  const session = useApplicationSession();
  const [removed, setRemoved] = useState<{ item: RepeatItem; index: number } | null>(null);
  const question = p.question;
  if (question.type !== 'repeat') return null;
  const entry = session.checklist.questions.get(question.id);
  const items = isRepeatItems(p.value) ? p.value : [];
  const appId = session.application.id;
  const itemHref = (itemId: string) =>
    entry ? href(paths.item(appId, entry.section.id, entry.page.id, question.id, itemId)) : '#';
  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    setRemoved({ item, index });
    p.onChange(items.filter((_, i) => i !== index));
  };
  const undo = () => {
    if (!removed) return;
    const next = [...items];
    next.splice(Math.min(removed.index, next.length), 0, removed.item);
    p.onChange(next);
    setRemoved(null);
  };
  const Heading = p.asHeading ? 'h1' : 'h2';
  return (
    <FormGroup error={p.error?.message}>
      <Heading className={p.asHeading ? 'nhsuk-heading-l' : 'nhsuk-heading-m'} id={p.domId} tabIndex={-1}>
        {question.label}
      </Heading>
      {question.hint ? <Hint id={hintId(p.domId)}>{question.hint}</Hint> : null}
      {p.error ? <ErrorMessage id={errorId(p.domId)}>{p.error.message}</ErrorMessage> : null}
      {removed ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Removed {itemTitle(question, removed.item, removed.index)}.{' '}
            <Button variant="secondary" className="app-button--inline" onClick={undo}>
              Undo
            </Button>
          </p>
        </div>
      ) : null}
      {items.length ? (
        <dl className="nhsuk-summary-list">
          {items.map((item, index) => (
            <div className="nhsuk-summary-list__row" key={item.id}>
              <dt className="nhsuk-summary-list__key">{itemTitle(question, item, index)}</dt>
              <dd className="nhsuk-summary-list__actions">
                <ul className="nhsuk-summary-list__actions-list">
                  <li className="nhsuk-summary-list__actions-list-item">
                    <a href={itemHref(item.id)}>
                      Change <span className="nhsuk-u-visually-hidden">{itemTitle(question, item, index)}</span>
                    </a>
                  </li>
                  <li className="nhsuk-summary-list__actions-list-item">
                    <button type="button" className="app-link-button" onClick={() => remove(index)}>
                      Remove <span className="nhsuk-u-visually-hidden">{itemTitle(question, item, index)}</span>
                    </button>
                  </li>
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="nhsuk-body">None added yet.</p>
      )}
      <ButtonLink href={itemHref('new')} variant="secondary">
        {items.length ? `Add another ${question.itemName}` : `Add a ${question.itemName}`}
      </ButtonLink>
    </FormGroup>
  );
}
