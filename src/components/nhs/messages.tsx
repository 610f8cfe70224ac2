/** NHS content blocks: back link, warning callout, inset text, details, notification banner. */
import { useEffect, useRef, type ReactNode } from 'react';

export function BackLink({ href, children = 'Back' }: { readonly href: string; readonly children?: ReactNode }) {
  return (
    <a className="nhsuk-back-link" href={href}>
      {children}
    </a>
  );
}

export function WarningCallout({ heading, children }: { readonly heading: string; readonly children: ReactNode }) {
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </span>
      </h3>
      {children}
    </div>
  );
}

export function InsetText({ children }: { readonly children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function Details({ summary, children }: { readonly summary: ReactNode; readonly children: ReactNode }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}

export function NotificationBanner({
  title = 'Important',
  success,
  role,
  id,
  focus,
  children,
}: {
  readonly title?: string;
  readonly success?: boolean;
  readonly role?: 'alert' | 'region';
  readonly id: string;
  /**
   * Takes focus when shown, as the design system's banner does for the outcome of an action: a
   * banner at the top of a long page is otherwise out of sight of the button that was pressed.
   * Give the banner a new `key` for each outcome, so each is focused.
   */
  readonly focus?: boolean;
  readonly children: ReactNode;
}) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) banner.current?.focus();
  }, [focus]);
  return (
    <div
      ref={banner}
      className={`nhsuk-notification-banner${success ? ' nhsuk-notification-banner--success' : ''}`}
      role={role ?? (success ? 'alert' : 'region')}
      aria-labelledby={`${id}-title`}
      tabIndex={focus ? -1 : undefined}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}
