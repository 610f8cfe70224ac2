/**
 * Start an application: which organisation (reuse a profile, so nothing is typed twice, or a new
 * one), how it is applying, which services, and the advert's details. The rules are the domain's
 * `checkNewApplication`; this page only collects and shows.
 */
import { useEffect, useState } from 'react';
import type { DateParts } from '@/domain/answers/answer-value';
import type { OrganisationProfile } from '@/domain/application/application';
import {
  advertFields,
  advertInput,
  applicantTypes,
  checkNewApplication,
  newApplication,
  newProfile,
  type NewApplicationInput,
  type StartProblem,
} from '@/domain/application/new-application';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { advertIsOpen } from '@/domain/hosting/hosting-config';
import { formatDate } from '@/domain/rules/values';
import { Button } from '@/components/nhs/button';
import { Checkboxes, Radios } from '@/components/nhs/choice-fields';
import { ErrorSummary } from '@/components/nhs/error-summary';
import { BackLink } from '@/components/nhs/messages';
import { TextInput } from '@/components/nhs/text-input';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { loadAppChecklist } from '@/components/session/checklist';
import { isoDate } from '@/components/session/dates';
import type { RouteProps } from '@/components/routing/route-props';
import { AdvertFacts } from '@/components/hosting/advert-facts';
import { AdvertFields } from './advert-fields';

const noDate: DateParts = { day: '', month: '', year: '' };
const targetOf = (p: StartProblem) =>
  p.field === 'closingDate' || p.field === 'serviceStart' ? `${p.field}-${p.part ?? 'day'}` : p.field;

export function StartPage({ query }: RouteProps) {
  const services = useAppServices();
  const advertId = query.get('advert');
  const named = advertId ? services.hosting.config.adverts?.find((a) => a.id === advertId) : undefined;
  // A closed advert is named as closed and not offered: its details are not filled in.
  const closed = named && !advertIsOpen(named, isoDate(services.now())) ? named : undefined;
  const advert = closed ? undefined : named;
  const [checklist, setChecklist] = useState<LoadedChecklist | null>(null);
  const [profiles, setProfiles] = useState<readonly OrganisationProfile[]>([]);
  const [input, setInput] = useState<NewApplicationInput>({
    organisation: '',
    organisationName: '',
    applicantType: '',
    services: [],
    commissioner: '',
    reference: '',
    closingDate: noDate,
    serviceStart: noDate,
    ...(advert ? advertInput(advert) : {}),
  });
  const [problems, setProblems] = useState<StartProblem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [saving, setSaving] = useState(false);
  usePageTitle('Start an application', problems.length > 0);

  useEffect(() => {
    void loadAppChecklist().then(setChecklist);
    void services.repositories.profiles.list().then((list) => {
      setProfiles(list);
      if (list.length === 0) setInput((i) => ({ ...i, organisation: 'new' }));
    });
  }, [services]);

  const set = <K extends keyof NewApplicationInput>(key: K, value: NewApplicationInput[K]) =>
    setInput((i) => ({ ...i, [key]: value }));
  const errorOf = (field: keyof NewApplicationInput) => problems.find((p) => p.field === field);

  const submit = async () => {
    setSubmits((n) => n + 1);
    const now = services.now();
    const found = checkNewApplication(input, isoDate(now));
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    // Pressed before the checklist has loaded (an advert fills in everything else): wait for it
    // rather than ignore the press.
    const loaded = checklist ?? (await loadAppChecklist());
    const stamp = now.toISOString();
    const profileId = input.organisation === 'new' ? services.newId() : input.organisation;
    if (input.organisation === 'new')
      await services.repositories.profiles.create(newProfile(profileId, input.organisationName, stamp));
    const application = newApplication(input, { id: services.newId(), profileId }, loaded, stamp);
    await services.repositories.applications.create(application);
    void services.requestPersistence();
    navigate(paths.taskList(application.id), { replace: true });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.home())} />
        <ErrorSummary
          errors={problems.map((p) => ({
            // With an advert its details are fixed and shown as a summary: point there.
            targetId: advert && advertFields.has(p.field) ? 'advert-summary' : targetOf(p),
            message: p.message,
          }))}
          focusKey={submits}
        />
        <h1 className="nhsuk-heading-l">Start an application</h1>
        {closed ? (
          <div className="nhsuk-inset-text" id="advert-closed">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The advert “{closed.reference}” from {closed.commissioner} closed on{' '}
              {formatDate(closed.closingDate ?? '')}, so it is no longer open for applications. You can still start an
              application and enter another advert’s details yourself.
            </p>
          </div>
        ) : null}
        {advertId && !named ? (
          <div className="nhsuk-inset-text" id="advert-not-found">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              There is no open advert called “{advertId}” on this site. It may have closed, or the link may be wrong.
              You can still start an application and enter the advert’s details yourself.
            </p>
          </div>
        ) : null}
        <Radios
          id="organisation"
          legend="Which organisation is applying?"
          hint={
            profiles.length ? 'Choose an organisation you have applied for before to reuse its answers.' : undefined
          }
          error={errorOf('organisation')?.message}
          items={[
            ...profiles.map((p) => ({ value: p.id, label: p.name || 'Unnamed organisation' })),
            {
              value: 'new',
              label: profiles.length ? 'A new organisation' : 'My organisation',
              reveal: (
                <TextInput
                  id="organisationName"
                  label="Organisation’s legal name"
                  hint="As registered at Companies House or in the partnership deed"
                  error={errorOf('organisationName')?.message}
                  value={input.organisationName}
                  onChange={(v) => set('organisationName', v)}
                  autoComplete="organization"
                />
              ),
            },
          ]}
          value={input.organisation}
          onChange={(v) => set('organisation', v)}
        />
        <Radios
          id="applicantType"
          legend="How is your organisation applying?"
          error={errorOf('applicantType')?.message}
          items={applicantTypes.map((t) => ({ value: t.value, label: t.label, hint: t.hint }))}
          value={input.applicantType}
          onChange={(v) => set('applicantType', v as NewApplicationInput['applicantType'])}
        />
        <Checkboxes
          id="services"
          legend="Which services are you applying to provide?"
          hint="Select all that apply. Only the questions for these services will be asked."
          error={errorOf('services')?.message}
          items={(checklist ? [...checklist.services.values()] : [])
            .filter((s) => !advert || advert.services.includes(s.id))
            .map((s) => ({
              value: s.id,
              label: s.name,
              hint: s.definition,
            }))}
          value={input.services}
          onChange={(v) => set('services', v as ServiceId[])}
        />
        {advert ? (
          <>
            <h2 className="nhsuk-heading-m">The advert</h2>
            <div id="advert-summary" tabIndex={-1}>
              <AdvertFacts advert={advert} full />
            </div>
          </>
        ) : (
          <>
            <h2 className="nhsuk-heading-m">The advert</h2>
            <AdvertFields
              input={input}
              set={(key, value) => set(key, value as NewApplicationInput[typeof key])}
              errorOf={errorOf}
            />
          </>
        )}
        <Button onClick={() => void submit()} disabled={saving}>
          Start application
        </Button>
      </div>
    </div>
  );
}
