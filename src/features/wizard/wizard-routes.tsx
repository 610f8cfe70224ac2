/**
 * The wizard's routed pages: they read the route's parameters, find the section, page and
 * question in the checklist, and show "not found" for anything that is not there.
 */
import { useEffect } from 'react';
import { pendingItem } from '@/domain/answers/answer-value';
import type { Page, RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { returnPath, type RouteProps } from '@/components/routing/route-props';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { QuestionPage } from './question-page';
import { RepeatItemPage } from './repeat-item-page';
import { SectionCheckPage } from './section-check-page';
import { TaskListPage } from './task-list-page';

function NotInChecklist() {
  const session = useApplicationSession();
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>This part of the application does not exist. It may have been removed in a newer version of the checklist.</p>
      <p>
        <a href={href(paths.taskList(session.application.id))}>Go to the task list</a>
      </p>
    </>
  );
}

function useLocate(params: RouteProps['params']) {
  const { checklist } = useApplicationSession();
  const section = checklist.sections.get(params.sectionId ?? '');
  const page = section?.pages.find((p) => p.id === params.pageId);
  return { section, page };
}

export function WizardTaskList() {
  return <TaskListPage />;
}

export function WizardPage({ params, query }: RouteProps) {
  const { section, page } = useLocate(params);
  if (!section || !page) return <NotInChecklist />;
  return <QuestionPage key={page.id} section={section} page={page} returnTo={returnPath(query)} />;
}

export function WizardSectionCheck({ params }: RouteProps) {
  const { section } = useLocate(params);
  if (!section) return <NotInChecklist />;
  return <SectionCheckPage key={section.id} section={section} />;
}

/**
 * "Add a …" opens `…/new`: the item still being added, if there is one (never a second copy), or
 * a new id. The address is replaced with the item's own, so a reload comes back to the same item.
 */
function NewItem({
  section,
  page,
  question,
  query,
}: {
  section: Section;
  page: Page;
  question: RepeatQuestion;
  query: URLSearchParams;
}) {
  const session = useApplicationSession();
  const { newId } = useAppServices();
  const appId = session.application.id;
  const pendingId = pendingItem(session.answers[question.id])?.id;
  useEffect(() => {
    // "?return=" and "?name=" (an "add a person" link) are kept for the item's own address.
    const rest = query.toString();
    const to = paths.item(appId, section.id, page.id, question.id, pendingId ?? newId());
    navigate(rest ? `${to}?${rest}` : to, { replace: true });
    // Once, when "new" is opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

export function WizardItem({ params, query }: RouteProps) {
  const { section, page } = useLocate(params);
  const question = page?.questions.find((q): q is RepeatQuestion => q.id === params.questionId && q.type === 'repeat');
  if (!section || !page || !question || !params.itemId) return <NotInChecklist />;
  if (params.itemId === 'new') return <NewItem section={section} page={page} question={question} query={query} />;
  const name = query.get('name');
  return (
    <RepeatItemPage
      key={params.itemId}
      section={section}
      page={page}
      question={question}
      itemId={params.itemId}
      returnTo={returnPath(query)}
      name={name && name.length <= 200 ? name : undefined}
    />
  );
}
