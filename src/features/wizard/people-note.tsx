/**
 * The task list's "what changed" note for the people register: names are now chosen from the
 * people in the organisation; how many typed names were linked when the application opened; and
 * each name that matches nobody, kept as typed, with where it is and one button that adds them
 * all to the people in the organisation (their role is then asked there).
 */
import { settlePeople, addToRegister, type PersonMention } from '@/domain/definition/migrate-people';
import { Button } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';

export function PeopleNote() {
  const session = useApplicationSession();
  const { newId } = useAppServices();
  const { checklist, answers } = session;
  const { unsettled } = settlePeople(checklist, answers);
  if (!unsettled.length && !session.peopleLinked) return null;
  const where = (m: PersonMention) => {
    const entry = checklist.questions.get(m.questionId);
    if (!entry) return '#';
    return href(
      m.itemId
        ? paths.item(session.application.id, entry.section.id, entry.page.id, m.questionId, m.itemId)
        : paths.page(session.application.id, entry.section.id, entry.page.id),
    );
  };
  return (
    <div className="nhsuk-inset-text app-people-note">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">People are now chosen from one list</h2>
      <p>
        Each person is entered once, in the people in your organisation, and chosen from that list everywhere else.
        {session.peopleLinked
          ? ` We linked ${session.peopleLinked} ${session.peopleLinked === 1 ? 'name' : 'names'} you had typed to the person in the list.`
          : ''}
      </p>
      {unsettled.length ? (
        <>
          <p>
            {unsettled.length === 1 ? 'This name is' : `These ${unsettled.length} names are`} not in the list yet. We
            have kept {unsettled.length === 1 ? 'it' : 'them'} as you typed {unsettled.length === 1 ? 'it' : 'them'}:
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {unsettled.slice(0, 12).map((m) => (
              <li key={`${m.path}:${m.itemId ?? ''}:${m.name}`}>
                <a href={where(m)}>{m.name}</a> ({m.label})
              </li>
            ))}
            {unsettled.length > 12 ? <li>and {unsettled.length - 12} more</li> : null}
          </ul>
          <Button
            variant="secondary"
            onClick={() => session.setAnswers(addToRegister(checklist, answers, unsettled, newId))}
          >
            Add them to the people in your organisation
          </Button>
        </>
      ) : null}
    </div>
  );
}
