/** The accessibility statement: the standard aimed for, what is known not to meet it, and how to get help. */
import { usePageTitle } from '@/components/routing/page-title';

export function AccessibilityPage() {
  usePageTitle('Accessibility statement');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement</h1>
        <p>
          This service aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. It is built
          with the NHS.UK design system and tested with automated accessibility checks on every page, with the keyboard
          alone, and at screen widths from 320 pixels.
        </p>
        <h2>What we know is not fully accessible</h2>
        <p>
          The application pack is a PDF made on your computer. It has bookmarks and real text, but it is not a tagged
          PDF, so some screen readers may read tables in an unhelpful order. The check your answers page shows the same
          content as the pack and works with screen readers.
        </p>
        <h2>Getting help</h2>
        <p>
          If you need the pack in another format, or find a problem with this service, contact the Local Medical
          Committee that gave you the link.
        </p>
      </div>
    </div>
  );
}
