/**
 * The pack's file name: "AQP application – Riverside Surgery – Podiatry – 2026-11-22.pdf", with
 * "DRAFT – " in front of a draft. Keeps letters of any language, digits and common punctuation;
 * replaces characters that Windows, macOS or Linux refuse in a file name, and keeps it short.
 */
import type { PackModel } from './pack-types';

const maxLength = 150;

function safe(part: string): string {
  return (
    part
      .normalize('NFC')
      // Control characters and characters file systems refuse: \ / : * ? " < > |
      .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s-]+|[.\s-]+$/g, '')
  );
}

export function packFileName(model: Pick<PackModel, 'applicant' | 'services' | 'generatedOn' | 'draft'>): string {
  const services = model.services.length === 1 ? (model.services[0] ?? '') : `${model.services.length} services`;
  const join = (applicant: string) =>
    [model.draft ? 'DRAFT' : '', 'AQP application', applicant, safe(services), model.generatedOn]
      .filter((p) => p !== '')
      .join(' – ');
  let applicant = safe(model.applicant) || 'Unnamed organisation';
  const room = maxLength - (join('x').length - 1);
  if (applicant.length > room)
    applicant = `${[...applicant]
      .slice(0, Math.max(room - 1, 1))
      .join('')
      .trimEnd()}…`;
  return `${join(applicant)}.pdf`;
}
