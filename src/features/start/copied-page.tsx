/**
 * After "Start a new application from this one": what was copied into the new application, section
 * by section, what was left empty, and what must be answered again for the new advert. Worked out
 * by the domain (`copyReport`) from the two records, so a reload shows the same.
 */
import { useEffect, useState } from 'react';
import type { Application } from '@/domain/application/application';
import { copyReport, type SectionCopy } from '@/domain/application/copy-application';
import { z } from '@/domain/zod';
import { serviceNames } from '@/components/hosting/advert-facts';
import { ButtonLink } from '@/components/nhs/button';
import { InsetText } from '@/components/nhs/messages';
import { SummaryList } from '@/components/nhs/summary-list';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import type { RouteProps } from '@/components/routing/route-props';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { isoDate } from '@/components/session/dates';

const FromId = z.string().min(1).max(64);
const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

/** One section's row: how many answers were copied, how many to give again, which were never answered. */
function Outcome({ section: s }: { readonly section: SectionCopy }) {
  if (s.newService) return <>Left empty: this service is new to this application</>;
  const again = new Set(s.askedAgain.map((q) => q.id));
  const unanswered = s.leftEmpty.filter((q) => !again.has(q.id));
  const parts = [
    s.copied.length ? `${answers(s.copied.length)} copied` : 'Nothing copied',
    s.askedAgain.length ? `${s.askedAgain.length} to answer again for this advert` : '',
    unanswered.length ? `${unanswered.length} not answered before:` : '',
  ].filter(Boolean);
  return (
    <>
      <p className="nhsuk-body nhsuk-u-margin-bottom-0">{parts.join(', ')}</p>
      {unanswered.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
          {unanswered.map((q) => (
            <li key={q.id}>{q.label}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function CopiedPage({ query }: RouteProps) {
  const services = useAppServices();
  const session = useApplicationSession();
  const { application, profile, checklist } = session;
  const fromId = FromId.safeParse(query.get('from'));
  const [source, setSource] = useState<Application | null | undefined>(undefined);
  usePageTitle('New application started');

  useEffect(() => {
    if (!fromId.success) return setSource(null);
    void services.repositories.applications
      .get(fromId.data)
      .then((found) => setSource(found ?? null))
      .catch(() => setSource(null));
  }, [fromId.success, fromId.data, services]);

  const report = source ? copyReport(checklist, source, application, profile.answers, isoDate(services.now())) : null;
  const askedAgain = report?.sections.filter((s) => s.askedAgain.length) ?? [];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">New application started</h1>
          <div className="nhsuk-panel__body">
            {profile.name}’s application to {application.advert.commissioner || 'the commissioner'} for{' '}
            {serviceNames(application.services)}
            {report && source
              ? `. ${answers(report.copiedCount)} copied from the application to ${source.advert.commissioner || 'the commissioner'}.`
              : '.'}
          </div>
        </div>
        {source === undefined ? <p className="nhsuk-body">Working out what was copied…</p> : null}
        {source === null ? (
          <InsetText>
            <p>
              The application it was started from is no longer on this computer, so what was copied cannot be shown.
            </p>
          </InsetText>
        ) : null}
        <p className="nhsuk-body">
          Your organisation’s answers are shared by all its applications, so they did not need copying. No section is
          marked as completed yet: check each one, then mark it complete.
        </p>
        {report ? (
          <>
            <h2 className="nhsuk-heading-m">What was copied</h2>
            <SummaryList rows={report.sections.map((s) => ({ key: s.title, value: <Outcome section={s} /> }))} />
            {askedAgain.length ? (
              <>
                <h2 className="nhsuk-heading-m">Answer these again for this advert</h2>
                <p className="nhsuk-body">They belong to one advert or one commissioner, so they were not copied.</p>
                {askedAgain.map((s) => (
                  <section key={s.sectionId} aria-labelledby={`again-${s.sectionId}`}>
                    <h3 className="nhsuk-heading-s" id={`again-${s.sectionId}`}>
                      {s.title}
                    </h3>
                    <ul className="nhsuk-list nhsuk-list--bullet">
                      {s.askedAgain.map((q) => (
                        <li key={q.id}>{q.label}</li>
                      ))}
                    </ul>
                  </section>
                ))}
              </>
            ) : null}
            {report.notCarried.length ? (
              <>
                <h2 className="nhsuk-heading-m">Not part of the new application</h2>
                <p className="nhsuk-body">
                  These services are not in the new application. Their answers stay in the first application:
                </p>
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {report.notCarried.map((s) => (
                    <li key={s.id}>{s.label}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
        <ButtonLink href={href(paths.taskList(application.id))}>Continue to the new application</ButtonLink>
      </div>
    </div>
  );
}
