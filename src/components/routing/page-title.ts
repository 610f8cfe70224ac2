/**
 * Page titles: every page sets `document.title` to "<page> – <service>", with "Error: " in front
 * when the page shows validation errors (the NHS and GOV.UK error pattern).
 */
import { useEffect } from 'react';

export const serviceName = 'Apply to be an Any Qualified Provider';

export function pageTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? 'Error: ' : ''}${title} – ${serviceName}`;
}

export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = pageTitle(title, hasErrors);
  }, [title, hasErrors]);
}
