/**
 * The start page's heading and opening paragraph: the largest text on its first screen. Rendered
 * by the start page and, at build time, into index.html (src/app/first-paint.tsx), so a first
 * visit shows it before any script has loaded (issue 13). Keep it free of hosting and storage.
 */
import type { ReactNode } from 'react';

export function HomeIntro() {
  return (
    <>
      <h1>Apply to be an Any Qualified Provider</h1>
      <p className="nhsuk-lede-text">
        Prepare the application pack your organisation sends to a commissioner to be qualified as an Any Qualified
        Provider (AQP) of an NHS community service.
      </p>
    </>
  );
}

/** The start page's layout, shared with the pre-rendered copy so the two line up exactly. */
export function HomeLayout({ className, children }: { readonly className?: string; readonly children: ReactNode }) {
  return (
    <div className={className ? `nhsuk-grid-row ${className}` : 'nhsuk-grid-row'}>
      <div className="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
