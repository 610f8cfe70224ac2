/**
 * A repeating group on its page (member practices, partners and directors, staff, locations,
 * interests, policies), in the NHS "add another" pattern: one row per item with its summary
 * (role and register number, ODS code and postcode), an "Incomplete" tag with what it still needs,
 * Change and Remove (with Undo), and "Add". Each item is edited on its own page. An item started
 * and not yet saved to the list is offered back ("Continue adding it") instead of being listed.
 */
import { useState } from 'react';
import { isRepeatItems, listedItems, pendingItem, type RepeatItem } from '@/domain/answers/answer-value';
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { Evaluator } from '@/domain/rules/evaluator';
import type { Issue } from '@/domain/rules/issues';
import { itemName } from '@/domain/rules/evaluate';
import { itemStatus, itemSummary } from '@/domain/rules/item-status';
import { Button, ButtonLink } from '@/components/nhs/button';
import { ErrorMessage, FormGroup, Hint, errorId, hintId } from '@/components/nhs/field-parts';
import { Tag } from '@/components/nhs/tag';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { CoveragePanel } from './coverage-panel';
import type { FieldProps } from './field-props';

export const itemTitle = itemName;

/** "a member practice", "an interest". */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

export function RepeatField(p: FieldProps & { readonly issues: readonly Issue[]; readonly evaluator: Evaluator }) {
  const session = useApplicationSession();
  const [removed, setRemoved] = useState<{ item: RepeatItem; index: number } | null>(null);
  const question = p.question;
  if (question.type !== 'repeat') return null;
  const entry = session.checklist.questions.get(question.id);
  const all = isRepeatItems(p.value) ? p.value : [];
  const items = listedItems(all);
  const pending = pendingItem(all);
  const appId = session.application.id;
  const itemHref = (itemId: string) =>
    entry ? href(paths.item(appId, entry.section.id, entry.page.id, question.id, itemId)) : '#';
  const remove = (item: RepeatItem) => {
    setRemoved({ item, index: all.indexOf(item) });
    p.onChange(all.filter((i) => i.id !== item.id));
  };
  const undo = () => {
    if (!removed) return;
    const next = [...all];
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
            Removed {itemTitle(question, removed.item, removed.index, p.evaluator.options)}.{' '}
            <Button variant="secondary" className="app-button--inline" onClick={undo}>
              Undo
            </Button>
          </p>
        </div>
      ) : null}
      {pending ? (
        <div className="nhsuk-inset-text app-pending-item">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You started adding {pendingName(question, pending)} and have not saved it to the list yet.{' '}
            <a href={itemHref(pending.id)}>Continue adding it</a> or{' '}
            <button
              type="button"
              className="app-link-button"
              onClick={() => p.onChange(all.filter((i) => i.id !== pending.id))}
            >
              discard it
            </button>
          </p>
        </div>
      ) : null}
      <CoveragePanel question={question} evaluator={p.evaluator} />
      {items.length ? (
        <dl className="nhsuk-summary-list app-item-list">
          {items.map((item, index) => (
            <ItemRow
              key={item.id}
              question={question}
              item={item}
              title={itemTitle(question, item, index, p.evaluator.options)}
              issues={p.issues}
              evaluator={p.evaluator}
              changeHref={itemHref(item.id)}
              onRemove={() => remove(item)}
            />
          ))}
        </dl>
      ) : (
        <p className="nhsuk-body">None added yet.</p>
      )}
      <ButtonLink href={itemHref('new')} variant="secondary">
        {items.length ? `Add another ${question.itemName}` : `Add ${withArticle(question.itemName)}`}
      </ButtonLink>
    </FormGroup>
  );
}

function pendingName(question: RepeatQuestion, item: RepeatItem): string {
  const title = item.values[question.titleField];
  return typeof title === 'string' && title.trim() ? title.trim() : `a ${question.itemName}`;
}

function ItemRow({
  question,
  item,
  title,
  issues,
  evaluator,
  changeHref,
  onRemove,
}: {
  readonly question: RepeatQuestion;
  readonly item: RepeatItem;
  readonly title: string;
  readonly issues: readonly Issue[];
  readonly evaluator: Evaluator;
  readonly changeHref: string;
  readonly onRemove: () => void;
}) {
  const status = itemStatus(question, item, issues);
  const summary = itemSummary(question, item, evaluator);
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{title}</dt>
      <dd className="nhsuk-summary-list__value">
        {summary.length ? (
          <ul className="nhsuk-list app-item-summary">
            {summary.map((part) => (
              <li key={part.label}>
                {part.label}: {part.value}
              </li>
            ))}
          </ul>
        ) : null}
        {status.hardFails.length ? (
          <p className="nhsuk-body-s app-item-status">
            <Tag colour="red">Cannot qualify</Tag> {status.hardFails.join(' ')}
          </p>
        ) : null}
        {status.complete ? null : (
          <p className="nhsuk-body-s app-item-status">
            <Tag colour="orange">Incomplete</Tag> {status.reason}
          </p>
        )}
      </dd>
      <dd className="nhsuk-summary-list__actions">
        <ul className="nhsuk-summary-list__actions-list">
          <li className="nhsuk-summary-list__actions-list-item">
            <a href={changeHref}>
              Change <span className="nhsuk-u-visually-hidden">{title}</span>
            </a>
          </li>
          <li className="nhsuk-summary-list__actions-list-item">
            <button type="button" className="app-link-button" onClick={onRemove}>
              Remove <span className="nhsuk-u-visually-hidden">{title}</span>
            </button>
          </li>
        </ul>
      </dd>
    </div>
  );
}
