/** The start page: what the service is for, who it is for, and what happens to the answers. */
import { ButtonLink } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { LmcWelcome, OpenAdverts } from '@/components/hosting/hosted-content';
import { HomeIntro, HomeLayout } from './home-intro';

export function HomePage() {
  usePageTitle('Prepare your application');
  return (
    <HomeLayout>
      <HomeIntro />
      <LmcWelcome />
      <OpenAdverts />
      <h2>Who this is for</h2>
      <p>
        Practice managers, lead GPs and service leads in English GP practices, GP federations and GP provider companies
        applying to provide services such as:
      </p>
      <ul>
        <li>back and neck pain (musculoskeletal) services</li>
        <li>adult hearing services</li>
        <li>podiatry</li>
        <li>diagnostics closer to home</li>
        <li>continence, wheelchair, wound healing and psychological therapy services</li>
      </ul>
      <h2>What you will need</h2>
      <p>
        The checklist asks about your organisation, registrations (such as CQC), clinical governance, safeguarding,
        staff, information governance, insurance, finances, and conflicts of interest. Have your certificates and
        policies to hand: you can attach them as you go.
      </p>
      <p>You do not need to do it all at once. Your answers are saved as you type.</p>
      <ButtonLink href={href(paths.start())}>Start now</ButtonLink>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Your answers are saved on this computer only, in this browser. Nothing is sent anywhere. Download a backup
          regularly so you can move your work to another computer or recover it.
        </p>
      </div>
      <h2>Reviewing a practice’s draft</h2>
      <p>
        If you work for a Local Medical Committee and a practice has sent you a review file,{' '}
        <a href={href(paths.reviews())}>review an application for a practice</a>.
      </p>
      <h2>Filling in your part of someone else’s bid</h2>
      <p>
        If a lead provider, such as your GP federation, has sent you a request file for your practice’s part or your
        declaration of interests, <a href={href(paths.fillInReturn())}>fill in a return</a>.
      </p>
    </HomeLayout>
  );
}
