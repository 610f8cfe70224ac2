/**
 * An application's first page: its task list, or, for a member's draft of a return (an
 * application marked `returnFor`), the return's own page, which shows only what was asked.
 */
import { lazy } from 'react';
import { useApplicationSession } from '@/components/session/application-session';

const TaskList = lazy(() => import('@/features/wizard/wizard-routes').then((m) => ({ default: m.WizardTaskList })));
const ReturnDraft = lazy(() =>
  import('@/features/member-returns/return-draft-page').then((m) => ({ default: m.ReturnDraftPage })),
);

export function TaskListRoute() {
  const session = useApplicationSession();
  return session.application.returnFor ? <ReturnDraft /> : <TaskList />;
}
