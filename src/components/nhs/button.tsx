/**
 * NHS buttons: primary, secondary, warning and reverse. A link styled as a button stays a link
 * (it navigates), so it keeps the link role and Enter to follow it.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'warning' | 'reverse';
const variantClass = (variant: Variant) => (variant === 'primary' ? '' : ` nhsuk-button--${variant}`);

export function Button({
  variant = 'primary',
  className,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { readonly variant?: Variant; readonly children: ReactNode }) {
  return (
    <button
      type="button"
      className={`nhsuk-button${variantClass(variant)}${className ? ` ${className}` : ''}`}
      data-module="nhsuk-button"
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  href,
  variant = 'primary',
  children,
}: {
  readonly href: string;
  readonly variant?: Variant;
  readonly children: ReactNode;
}) {
  return (
    <a href={href} className={`nhsuk-button${variantClass(variant)}`} data-module="nhsuk-button">
      {children}
    </a>
  );
}

export function ButtonGroup({ children }: { readonly children: ReactNode }) {
  return <div className="nhsuk-button-group">{children}</div>;
}
