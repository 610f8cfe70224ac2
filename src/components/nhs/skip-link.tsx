/** The NHS skip link. It moves focus without touching the hash, which holds the route. */
import type { MouseEvent } from 'react';

export function SkipLink({ targetId }: { readonly targetId: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    target?.focus();
    target?.scrollIntoView();
  };
  return (
    <a className="nhsuk-skip-link" href={`#${targetId}`} onClick={onClick}>
      Skip to main content
    </a>
  );
}
