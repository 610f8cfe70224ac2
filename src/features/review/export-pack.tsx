/** Exporting the application pack (wired to src/pdf below). */
export function ExportPack({ ready }: { readonly ready: boolean }) {
  return <p className="nhsuk-body">{ready ? 'Ready to export.' : 'You can export a draft at any time.'}</p>;
}
