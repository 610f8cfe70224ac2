/**
 * When a page cannot be shown because a part of the app failed to load (a moment's bad
 * connection, a new version published mid-visit, a fetch cut short) or failed as it rendered,
 * the main landmark says so plainly, with a way to reload, instead of the whole app going blank.
 * The frame (header, footer, banners above it) stays. Going to another page tries again. The
 * app also reloads itself once a minute at most for a chunk that failed (reload-on-chunk-error.ts);
 * this is what shows when it has already done so.
 */
import { Component, type ReactNode } from 'react';
import { Button } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';

export const partFailedMessage =
  'Part of this service could not be loaded. Check your connection, then reload the page. Your saved answers are safe on this computer.';

function PartFailedView({ reload }: { readonly reload: () => void }) {
  usePageTitle('Sorry, this page could not be shown');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds" role="alert">
        <h1 className="nhsuk-heading-l">Sorry, this page could not be shown</h1>
        <p className="nhsuk-body">{partFailedMessage}</p>
        <Button onClick={reload}>Reload the page</Button>
        <p className="nhsuk-body">
          <a href={href(paths.home())}>Go to your applications</a>
        </p>
      </div>
    </div>
  );
}

interface Props {
  /** The page shown (its route): going to another page tries it again. */
  readonly resetKey: string;
  readonly children: ReactNode;
  readonly reload?: () => void;
}

interface State {
  readonly failed: boolean;
  readonly key: string;
}

export class PartFailed extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <PartFailedView reload={this.props.reload ?? (() => window.location.reload())} />;
  }
}
