/**
 * "Why we ask this": an NHS details disclosure under each question, saying in plain words what
 * the question rests on (the published sources by title, publisher and year) and, honestly, when
 * it is the checklist authors' inference rather than a published requirement. The words are the
 * domain's `whyWeAsk`; the source list is data (schemas/checklists/sources.json), bundled with
 * the wizard's lazily loaded pages so the home page's JavaScript does not grow. Exported for
 * other question surfaces (repeat item pages) to use the same way.
 */
import type { Source } from '@/domain/definition/checklist-schema';
import { loadSourcesOrThrow, whyWeAsk } from '@/domain/definition/sources';
import { Details } from '@/components/nhs/messages';
import { useAppServices } from '@/components/services/app-services';
import sourceList from '../../../schemas/checklists/sources.json';

const sources = loadSourcesOrThrow(sourceList);

export function WhyWeAsk({ source, label }: { readonly source: Source; readonly label: string }) {
  const host = useAppServices().hosting.config.lmc?.name;
  const why = whyWeAsk(source, sources, { host });
  return (
    <Details
      summary={
        <>
          Why we ask this
          {/* Several questions can share a page: each disclosure says which question it is about. */}
          <span className="nhsuk-u-visually-hidden">: {label}</span>
        </>
      }
    >
      {why.sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {why.citedIntro ? (
        <>
          <p className="nhsuk-u-margin-bottom-2">{why.citedIntro}</p>
          <ul>
            {why.cited.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Details>
  );
}
