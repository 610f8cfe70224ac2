/**
 * The wizard's routed pages: they read the route's parameters, find the section, page and
 * question in the checklist, and show "not found" for anything that is not there.
 */
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { returnPath, type RouteProps } from '@/components/routing/route-props';
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

export function WizardItem({ params }: RouteProps) {
  const { section, page } = useLocate(params);
  const question = page?.questions.find((q): q is RepeatQuestion => q.id === params.questionId && q.type === 'repeat');
  if (!section || !page || !question || !params.itemId) return <NotInChecklist />;
  return (
    <RepeatItemPage key={params.itemId} section={section} page={page} question={question} itemId={params.itemId} />
  );
}
