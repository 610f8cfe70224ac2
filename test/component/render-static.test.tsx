// renderStatic (src/app/render-static.ts) paints pure components without React DOM, for the list
// painted before the app loads: whatever it renders must be exactly what React DOM renders for the
// same elements (compared as DOM, after both are serialised by the same document), and whatever it
// cannot mirror (hooks, classes, context, Suspense, raw HTML, styles, unknown attributes,
// javascript: links) must throw rather than paint something different.
import { act, Component, createContext, Suspense, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { renderStatic } from '@/app/render-static';
import { Button, ButtonLink } from '@/components/nhs/button';
import { Tag } from '@/components/nhs/tag';

/** A container's nodes, serialised the same way for both (so the comparison is of DOM, not of text). */
const markup = (container: Element) => new XMLSerializer().serializeToString(container);

/** What React DOM puts in a container for `node`. */
function reactHtml(node: ReactNode): string {
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(node));
  const html = markup(container);
  act(() => root.unmount());
  return html;
}

function staticHtml(node: ReactNode): string {
  const container = document.createElement('div');
  renderStatic(node, container);
  return markup(container);
}

function Card({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <li className="nhsuk-card">
      <h2 className="nhsuk-card__heading">{title}</h2>
      {children}
    </li>
  );
}

describe('renderStatic', () => {
  it.each<[string, ReactNode]>([
    ['text with characters HTML escapes', <p key="p">{'Tom & Jerry <b>"quoted"</b> it’s £5'}</p>],
    ['numbers, zero and empty values', <p key="p">{[0, 12.5, null, undefined, false, true, '']}</p>],
    [
      'attributes React renames and writes as they are',
      <label key="l" htmlFor="name" className="nhsuk-label" id="label" title="A title" lang="cy">
        Name
      </label>,
    ],
    [
      'booleans, aria and data attributes',
      <button
        key="b"
        type="button"
        disabled
        aria-expanded={false}
        aria-hidden
        data-module="nhsuk-button"
        hidden={false}
      >
        Go
      </button>,
    ],
    ['a tab index and a role', <main key="m" id="maincontent" role="main" tabIndex={-1} />],
    [
      'fragments, arrays and nested components',
      <>
        <ul>
          {['a', 'b'].map((t) => (
            <Card key={t} title={`Card ${t}`}>
              <>
                <a href={`#/applications/${encodeURIComponent(t)}`}>Continue</a> <Tag colour="grey">Draft</Tag>
              </>
            </Card>
          ))}
        </ul>
        {[<p key="x">x</p>, [<p key="y">y</p>]]}
      </>,
    ],
    [
      'the NHS buttons with their handlers left off',
      <>
        <Button variant="secondary" className="app-button--inline" onClick={() => undefined}>
          Undo
        </Button>
        <ButtonLink href="#/start">Start a new application</ButtonLink>
      </>,
    ],
  ])('renders %s as React DOM does', (_name, node) => {
    expect(staticHtml(node)).toBe(reactHtml(node));
  });

  it('sets text only as text, never as markup', () => {
    const container = document.createElement('div');
    renderStatic(<p>{'<img src=x onerror=alert(1)>'}</p>, container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  function WithState() {
    const [n] = useState(1);
    return <p>{n}</p>;
  }
  class Classy extends Component {
    override render() {
      return <p>class</p>;
    }
  }
  const Context = createContext(1);

  it.each<[string, ReactNode]>([
    ['a hook', <WithState key="h" />],
    ['a class component', <Classy key="c" />],
    ['a context provider', <Context value={2} key="p" />],
    ['Suspense', <Suspense key="s">x</Suspense>],
    // eslint-disable-next-line no-restricted-syntax -- what renderStatic must refuse
    ['raw HTML', <div key="d" dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />],
    ['a style object', <div key="d" style={{ color: 'red' }} />],
    ['an attribute it does not know', <video key="v" autoPlay />],
    [
      'a javascript: link',
      // eslint-disable-next-line no-script-url, no-restricted-syntax -- what renderStatic must refuse
      <a key="a" href="javascript:alert(1)">
        x
      </a>,
    ],
  ])('throws on %s instead of painting something different', (_name, node) => {
    expect(() => renderStatic(node, document.createElement('div'))).toThrow();
  });
});
