/**
 * The NHS header with the service name. No NHS logo: the service is provided by a Local Medical
 * Committee, not by an NHS organisation, and the NHS identity reserves the logo for NHS bodies.
 */
import { href } from '@/components/routing/hash-location';

export function Header({ serviceName }: { readonly serviceName: string }) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-name app-header__service-name" href={href('/')}>
            {serviceName}
          </a>
        </div>
      </div>
    </header>
  );
}
