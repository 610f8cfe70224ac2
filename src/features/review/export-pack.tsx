/**
 * Exporting the application pack: a draft at any time (marked DRAFT on every page), the final pack
 * once nothing blocks. The PDF code loads when this page opens (so it is ready when the user
 * clicks), runs in small steps so the page stays responsive, shows its progress, and saves the
 * file named after the organisation, service and date. Everything is built on this computer.
 * A final pack is recorded on the application (its date and the revision it shows), so the task
 * list and the dashboard can say it was exported, and whether anything changed since.
 */
import { useEffect, useState } from 'react';
import { Button } from '@/components/nhs/button';
import { useAppServices } from '@/components/services/app-services';
import { saveFile } from '@/components/services/save-file';
import { useApplicationSession } from '@/components/session/application-session';
import { leadRequests, sessionSubjects, useReturns } from '@/components/member-returns/use-returns';

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly progress: number }
  | {
      readonly kind: 'done';
      readonly fileName: string;
      readonly pages: number;
      readonly draft: boolean;
      readonly missing: readonly string[];
      /** A final pack that could not be recorded on the application (its latest changes are not saved). */
      readonly unrecorded: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

const loadExporter = () => import('@/pdf/export-pack');

export function ExportPack({ ready }: { readonly ready: boolean }) {
  const services = useAppServices();
  const session = useApplicationSession();
  const returns = useReturns();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  useEffect(() => {
    // Fetch and compile the PDF code and fonts early; the export itself still only happens on request.
    void loadExporter()
      .then((exporter) => exporter.preparePackCode())
      .catch(() => undefined);
  }, []);

  const run = async () => {
    setState({ kind: 'working', progress: 0 });
    try {
      await session.flush(true);
      const base = session.exportBase();
      const now = services.now().toISOString();
      const { exportPack } = await loadExporter();
      const ids = [...new Set(session.evidence.map((e) => e.id))];
      const blobs = await Promise.all(ids.map((id) => services.repositories.evidence.getBlob(id)));
      const files = new Map(ids.flatMap((id, i) => (blobs[i] ? [[id, blobs[i]] as const] : [])));
      const pack = await exportPack({
        checklist: session.checklist,
        application: session.application,
        profile: session.profile,
        evidence: session.evidence,
        now,
        returns: sessionSubjects(session, leadRequests(returns, session.application.id)),
        evidenceFiles: files,
        onProgress: (progress) => setState({ kind: 'working', progress }),
      });
      saveFile(pack.blob, pack.fileName);
      if (!pack.draft && base !== undefined) await session.recordExport(now, base);
      setState({
        kind: 'done',
        fileName: pack.fileName,
        pages: pack.pages,
        draft: pack.draft,
        missing: pack.missingGlyphs,
        unrecorded: !pack.draft && base === undefined,
      });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="app-export" aria-labelledby="export-heading">
      <h2 className="nhsuk-heading-m" id="export-heading">
        Export the application pack
      </h2>
      <p className="nhsuk-body">
        {ready
          ? 'The pack is a PDF with every answer, the conflicts of interest register, the evidence schedule and your attached documents. Send it to the commissioner or upload it to the procurement portal.'
          : 'You can export a draft at any time to share or check. It is marked DRAFT on every page until nothing blocks your application.'}
      </p>
      <Button onClick={() => void run()} disabled={state.kind === 'working'} variant={ready ? 'primary' : 'secondary'}>
        {ready ? 'Export application pack' : 'Export a draft pack'}
      </Button>
      <div role="status" aria-live="polite" className="app-export__status">
        {state.kind === 'working' ? (
          <p className="nhsuk-body">
            Making the pack on this computer… {Math.round(state.progress * 100)}%
            <progress className="app-progress" max={1} value={state.progress} aria-hidden="true" />
          </p>
        ) : null}
        {state.kind === 'done' ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {state.draft ? 'Draft pack' : 'Application pack'} saved as{' '}
              <strong className="app-break-word">{state.fileName}</strong> ({state.pages} pages). Check your downloads
              folder.
            </p>
            {state.unrecorded ? (
              <p>
                It could not be recorded as exported, because your latest changes are not saved yet. Export it again
                once they are.
              </p>
            ) : null}
            {state.missing.length ? (
              <p>Some characters could not be printed and show as [?] in the pack: {state.missing.join(' ')}</p>
            ) : null}
          </div>
        ) : null}
      </div>
      {state.kind === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading">The pack could not be made</h2>
          <div className="nhsuk-error-summary__body">
            <p>{state.message}</p>
            <p>
              Your answers are safe. Try again; if it keeps failing, download a backup and contact your Local Medical
              Committee.
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
