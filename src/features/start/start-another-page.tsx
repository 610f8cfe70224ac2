/**
 * "Start a new application from this one": the same organisation answering another advert (one
 * of the LMC's open adverts, or one typed in) or applying for other services. What is copied is
 * the domain's `copyApplication`; the checks are the start page's (`checkAdvertInput`). Then the
 * new application opens on the page that says what was copied.
 */
import { useEffect, useState } from 'react';
import type { DateParts } from '@/domain/answers/answer-value';
import { copyApplication } from '@/domain/application/copy-application';
import {
  advertInput,
  checkAdvertInput,
  type AdvertInput,
  type StartProblem,
} from '@/domain/application/new-application';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { advertIsOpen } from '@/domain/hosting/hosting-config';
import { formatDate } from '@/domain/rules/values';
import { serviceNames } from '@/components/hosting/advert-facts';
import { Button } from '@/components/nhs/button';
import { Checkboxes, Radios } from '@/components/nhs/choice-fields';
import { ErrorSummary } from '@/components/nhs/error-summary';
import { BackLink } from '@/components/nhs/messages';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { loadAppChecklist, loadChecklistFor } from '@/components/session/checklist';
import { isoDate } from '@/components/session/dates';
import { AdvertFields } from './advert-fields';

const noDate: DateParts = { day: '', month: '', year: '' };
const other = 'other';
const targetOf = (p: StartProblem, hosted: boolean) => {
  if (p.field === 'services') return 'services';
  if (hosted || p.field === 'advertId') return 'advert';
  return p.field === 'closingDate' || p.field === 'serviceStart' ? `${p.field}-${p.part ?? 'day'}` : p.field;
};

export function StartAnotherPage() {
  const services = useAppServices();
  const session = useApplicationSession();
  const { application: source, profile } = session;
  const today = isoDate(services.now());
  const adverts = (services.hosting.config.adverts ?? []).filter((a) => advertIsOpen(a, today));
  const [checklist, setChecklist] = useState<LoadedChecklist | null>(null);
  const [choice, setChoice] = useState(adverts.length ? '' : other);
  const [input, setInput] = useState<AdvertInput>({
    services: [...source.services],
    commissioner: '',
    reference: '',
    closingDate: noDate,
    serviceStart: noDate,
  });
  const [problems, setProblems] = useState<StartProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [saving, setSaving] = useState(false);
  usePageTitle('Start a new application from this one', problems.length > 0);
  useEffect(() => void loadAppChecklist().then(setChecklist), []);

  const hosted = adverts.find((a) => a.id === choice);
  const set = <K extends keyof AdvertInput>(key: K, value: AdvertInput[K]) => setInput((i) => ({ ...i, [key]: value }));
  const errorOf = (field: keyof AdvertInput) => problems.find((p) => p.field === field);
  const choose = (value: string) => {
    setChoice(value);
    const offered = adverts.find((a) => a.id === value)?.services;
    // The services both applications share stay chosen; an advert offers only its own.
    if (offered)
      set(
        'services',
        source.services.filter((s) => offered.includes(s)),
      );
  };

  const submit = async () => {
    setSubmits((n) => n + 1);
    const chosen: AdvertInput = hosted ? { ...input, ...advertInput(hosted), services: input.services } : input;
    const found = [
      ...(choice ? [] : [{ field: 'advertId', message: 'Select which advert the new application is for' } as const]),
      ...checkAdvertInput(chosen, today),
    ];
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      const { localQuestions } = chosen;
      const target = await loadChecklistFor({
        commissioner: chosen.commissioner.trim(),
        ...(localQuestions?.length ? { localQuestions: [...localQuestions] } : {}),
      });
      const { application } = copyApplication({
        source,
        organisationAnswers: profile.answers,
        input: chosen,
        checklist: target,
        id: services.newId(),
        now: services.now().toISOString(),
        today,
      });
      await session.flush(true);
      await services.repositories.applications.create(application);
      void services.requestPersistence();
      navigate(paths.copied(application.id, source.id), { replace: true });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  const serviceOptions = (checklist ? [...checklist.services.values()] : []).filter(
    (s) => !hosted || hosted.services.includes(s.id),
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.taskList(source.id))}>Back to the application</BackLink>
        <ErrorSummary
          errors={[
            ...problems.map((p) => ({ targetId: targetOf(p, !!hosted), message: p.message })),
            ...(failure
              ? [{ targetId: 'start-another', message: `The new application was not saved: ${failure}` }]
              : []),
          ]}
          focusKey={submits}
        />
        <span className="nhsuk-caption-l">{profile.name}</span>
        <h1 className="nhsuk-heading-l">Start a new application from this one</h1>
        <p className="nhsuk-body">
          This application is to {source.advert.commissioner || 'the commissioner'} for{' '}
          {serviceNames(source.services) || 'no services yet'}. The new one keeps your organisation’s answers, which are
          shared, and copies this application’s answers that still apply. Answers that belong to one advert, such as the
          signed declaration and the acceptance of the contract and price, start empty.
        </p>
        {adverts.length ? (
          <Radios
            id="advert"
            legend="Which advert is the new application for?"
            error={errorOf('advertId')?.message}
            items={[
              ...adverts.map((a) => ({
                value: a.id,
                label: `${a.commissioner}: ${a.reference}`,
                hint: [serviceNames(a.services), a.closingDate && `closes ${formatDate(a.closingDate)}`]
                  .filter(Boolean)
                  .join(', '),
              })),
              {
                value: other,
                label: 'Another advert',
                reveal: <AdvertFields input={input} set={set} errorOf={errorOf} />,
              },
            ]}
            value={choice}
            onChange={choose}
          />
        ) : (
          <>
            <h2 className="nhsuk-heading-m">The advert</h2>
            <AdvertFields input={input} set={set} errorOf={errorOf} />
          </>
        )}
        <Checkboxes
          id="services"
          legend="Which services are you applying to provide?"
          hint="Answers for a service in both applications are copied. A service this application does not include starts empty."
          error={errorOf('services')?.message}
          items={serviceOptions.map((s) => ({ value: s.id, label: s.name, hint: s.definition }))}
          value={input.services}
          onChange={(v) => set('services', v as ServiceId[])}
        />
        <Button id="start-another" onClick={() => void submit()} disabled={saving}>
          Start the new application
        </Button>
      </div>
    </div>
  );
}
