/**
 * What the hosting LMC adds to the home pages from its config.json: its welcome text and contact
 * details, and its open adverts, each with a link that starts an application for that advert.
 * Everything from the file is shown as plain text (React escapes it); nothing is read as HTML.
 */
import { advertIsOpen, type HostingConfig } from '@/domain/hosting/hosting-config';
import { formatDate } from '@/domain/rules/values';
import { Tag } from '@/components/nhs/tag';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useHosting } from './hosting-context';
import { isoDate } from '@/components/session/dates';
import { AdvertFacts, serviceNames } from './advert-facts';

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function LmcContact({ lmc }: { readonly lmc: NonNullable<HostingConfig['lmc']> }) {
  if (!lmc.email && !lmc.phone && !lmc.website) return null;
  return (
    <ul className="nhsuk-list">
      {lmc.email ? (
        <li>
          Email: <a href={`mailto:${lmc.email}`}>{lmc.email}</a>
        </li>
      ) : null}
      {lmc.phone ? <li>Telephone: {lmc.phone}</li> : null}
      {lmc.website ? (
        <li>
          Website:{' '}
          <a href={lmc.website} rel="noopener noreferrer external">
            {lmc.website}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

/** The LMC's welcome and contact details, when the config gives them. */
export function LmcWelcome() {
  const { lmc } = useHosting().hosting.config;
  if (!lmc) return null;
  return (
    <section className="nhsuk-card app-lmc-welcome" aria-labelledby="lmc-welcome">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="lmc-welcome">
          From {lmc.name}
        </h2>
        {paragraphs(lmc.welcome ?? '').map((p, i) => (
          <p className="nhsuk-body" key={i}>
            {p}
          </p>
        ))}
        <LmcContact lmc={lmc} />
      </div>
    </section>
  );
}

/**
 * The open adverts from the config, each with a "start" link; closed ones (closing date passed)
 * are named as closed, with no link. Nothing when the config has none.
 */
export function OpenAdverts({ headingLevel = 2 }: { readonly headingLevel?: 2 | 3 }) {
  const { hosting } = useHosting();
  const { adverts } = hosting.config;
  if (!adverts?.length) return null;
  const today = isoDate(new Date());
  const open = adverts.filter((a) => advertIsOpen(a, today));
  const closed = adverts.filter((a) => !advertIsOpen(a, today));
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="open-adverts">
      <Heading className="nhsuk-heading-m" id="open-adverts">
        Open adverts
      </Heading>
      {open.length ? null : <p className="nhsuk-body">No adverts are open on this site at the moment.</p>}
      <ul className="nhsuk-list">
        {open.map((advert) => (
          <li className="nhsuk-card" key={advert.id}>
            <div className="nhsuk-card__content">
              <p className="nhsuk-card__heading nhsuk-heading-s">
                {serviceNames(advert.services)}: {advert.commissioner}
              </p>
              {advert.summary ? <p className="nhsuk-body-s">{advert.summary}</p> : null}
              <AdvertFacts advert={advert} />
              <a className="nhsuk-link" href={href(paths.startForAdvert(advert.id))}>
                Start an application for this advert
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  ({advert.commissioner}, {advert.reference})
                </span>
              </a>
            </div>
          </li>
        ))}
      </ul>
      {closed.length ? (
        <>
          <p className="nhsuk-body nhsuk-u-margin-bottom-2">Closed adverts, no longer open for applications:</p>
          <ul className="nhsuk-list app-closed-adverts nhsuk-u-margin-bottom-7">
            {closed.map((advert) => (
              <li key={advert.id}>
                <Tag colour="grey">Closed</Tag> {serviceNames(advert.services)}: {advert.commissioner} (
                {advert.reference}), closed on {formatDate(advert.closingDate ?? '')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
