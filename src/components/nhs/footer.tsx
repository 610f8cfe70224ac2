/** The NHS footer: support links and who provides the service. */
import type { ReactNode } from 'react';

export interface FooterLink {
  readonly label: string;
  readonly href: string;
}

export function Footer({ links, provider }: { readonly links: readonly FooterLink[]; readonly provider: ReactNode }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            {links.map((link) => (
              <li className="nhsuk-footer__list-item" key={link.href}>
                <a className="nhsuk-footer__list-item-link" href={link.href}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
          <p className="nhsuk-body-s">{provider}</p>
        </div>
      </div>
    </footer>
  );
}
