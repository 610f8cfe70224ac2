/**
 * The application's task list (NHS task list pattern), grouped: the organisation's sections
 * (entered once and reused by every application of the organisation), this application's
 * sections, the chosen services, conflicts of interest, evidence, and declaration and export.
 * Says where the application stands (readiness is evaluated here, so "Ready to export" shows
 * here, not on the dashboard), and offers to start a new application from this one.
 */
import { applicationStanding } from '@/domain/application/standing';
import type { SectionGroup } from '@/domain/definition/checklist-schema';
import { evaluate } from '@/domain/rules/evaluate';
import { overallProgress, sectionProgress, type SectionProgress } from '@/domain/rules/progress';
import { readiness } from '@/domain/rules/readiness';
import { BackLink } from '@/components/nhs/messages';
import { TaskList, type Task } from '@/components/nhs/task-list';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { SaveStatus } from '@/components/session/save-status';
import { ApplicationFacts } from './application-facts';
import { KeptVersionsNotice } from './kept-versions-notice';
import { LmcReviewTask } from '@/components/lmc-review/lmc-review-task';
import { MemberReturnsTask } from '@/components/member-returns/member-returns-task';
import { BackupReminder } from '@/components/services/backup-reminder';
import { PeopleNote } from './people-note';
import { visiblePages } from './section-navigation';

const groupHeadings: Record<SectionGroup, string> = {
  organisation: 'Your organisation',
  application: 'This application',
  services: 'The services you are applying for',
  conflicts: 'Conflicts of interest',
  declaration: 'Declaration',
};

function statusOf(p: SectionProgress): Pick<Task, 'status' | 'colour'> {
  switch (p.status) {
    case 'completed':
      return { status: 'Completed' };
    case 'in-progress':
      return { status: 'Incomplete', colour: 'blue' };
    case 'not-started':
      return { status: 'Not yet started', colour: 'grey' };
    case 'cannot-start':
      return { status: 'Cannot start yet' };
  }
}

export function TaskListPage() {
  const session = useApplicationSession();
  const { application, profile } = session;
  const evaluation = evaluate(session.evaluationInput());
  const progress = sectionProgress(evaluation, application.completedSections);
  const overall = overallProgress(progress);
  const ready = readiness(evaluation);
  const evidenceIssues = evaluation.issues.filter((i) => i.code.startsWith('evidence-'));
  const services = application.services.map((s) => session.checklist.services.get(s)?.name ?? s).join(', ');
  usePageTitle(`${profile.name}: your application`);

  const taskFor = (p: SectionProgress): Task => {
    const first = visiblePages(p.section, evaluation.evaluator)[0];
    const target =
      p.status === 'completed'
        ? paths.sectionCheck(application.id, p.section.id)
        : first
          ? paths.page(application.id, p.section.id, first.id)
          : undefined;
    return {
      id: p.section.id,
      name: p.section.title,
      hint: p.section.summary,
      href: p.status === 'cannot-start' || !target ? undefined : href(target),
      ...statusOf(p),
    };
  };
  const groups = (Object.keys(groupHeadings) as SectionGroup[]).map((group) => ({
    group,
    tasks: progress.filter((p) => p.section.group === group).map(taskFor),
  }));

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.home())}>Your applications</BackLink>
        <span className="nhsuk-caption-l">{profile.name}</span>
        <h1 className="nhsuk-heading-l">Application to {application.advert.commissioner || 'the commissioner'}</h1>
        <ApplicationFacts
          application={application}
          services={services}
          standing={applicationStanding({ ...application, revision: session.revision }, ready.ready, profile)}
        />
        <p className="nhsuk-body">
          You have completed {overall.completed} of {overall.total} sections.
        </p>
        <SaveStatus state={session.saveState} />
        <KeptVersionsNotice applicationId={application.id} profileId={profile.id} />
        <BackupReminder changedAt={[application.updatedAt, session.profile.updatedAt]} />
        <PeopleNote />
        {groups.map(({ group, tasks }) =>
          tasks.length ? (
            <section key={group} className="app-task-group">
              <h2 className="nhsuk-heading-m">{groupHeadings[group]}</h2>
              {group === 'organisation' ? (
                <p className="nhsuk-body-s app-hint">
                  Entered once for {profile.name} and reused by every application it makes.
                </p>
              ) : null}
              <TaskList idPrefix={`tasks-${group}`} tasks={tasks} />
              {group === 'conflicts' ? (
                <>
                  <h2 className="nhsuk-heading-m">Evidence</h2>
                  <TaskList
                    idPrefix="tasks-evidence"
                    tasks={[
                      {
                        id: 'evidence',
                        name: 'Check your evidence',
                        hint: 'Every file you have attached, and what is expired or expiring',
                        href: href(paths.evidence(application.id)),
                        ...(evidenceIssues.length
                          ? { status: `${evidenceIssues.length} to check`, colour: 'orange' as const }
                          : {
                              status: session.evidence.length ? 'Up to date' : 'None attached yet',
                              colour: session.evidence.length ? undefined : ('grey' as const),
                            }),
                      },
                    ]}
                  />
                </>
              ) : null}
            </section>
          ) : null,
        )}
        <h2 className="nhsuk-heading-m">Check and export</h2>
        <TaskList
          idPrefix="tasks-export"
          tasks={[
            {
              id: 'review',
              name: 'Check your answers and export the application pack',
              hint: 'See what is still needed, then download the pack as a PDF',
              href: href(paths.review(application.id)),
              ...(ready.ready
                ? { status: 'Ready', colour: 'green' as const }
                : {
                    status: `${ready.hardFails.length + ready.blocking.length} to fix`,
                    colour: ready.hardFails.length ? ('red' as const) : ('blue' as const),
                  }),
            },
          ]}
        />
        <MemberReturnsTask />
        <LmcReviewTask appId={application.id} />
        <h2 className="nhsuk-heading-m">Another advert or other services</h2>
        <p className="nhsuk-body">
          Start a new application from this one to answer another advert, or to apply for other services. Your
          organisation’s answers are shared, and this application’s answers that still apply are copied.
        </p>
        <p className="nhsuk-body">
          <a href={href(paths.startFrom(application.id))}>Start a new application from this one</a>
        </p>
      </div>
    </div>
  );
}
