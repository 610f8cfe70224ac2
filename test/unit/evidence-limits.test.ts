// The evidence limits as a table: accepted kinds by type or (when the browser gives none) by
// extension, the 10 MB default, and the room check against the storage estimate.
import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, checkRoomFor, evidenceAccept, storageHeadroomBytes } from '@/storage/evidence-limits';

const MB = 1024 * 1024;

describe('evidence limits', () => {
  it.each([
    ['policy.pdf', 'application/pdf', 'application/pdf'],
    ['policy.PDF', '', 'application/pdf'],
    ['minutes.doc', 'application/msword', 'application/msword'],
    [
      'minutes.docx',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['rota.odt', '', 'application/vnd.oasis.opendocument.text'],
    ['rota.ods', '', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['audit.xls', 'application/vnd.ms-excel', 'application/vnd.ms-excel'],
    ['audit.xlsx', '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['certificate.png', 'image/png', 'image/png'],
    ['certificate.jpeg', 'image/jpeg', 'image/jpeg'],
    ['certificate.jpg', '', 'image/jpeg'],
    ['notes.txt', 'text/plain; charset=utf-8', 'text/plain'],
  ])('accepts %s (%s) as %s', (name, type, stored) => {
    expect(checkEvidenceFile({ name, type, size: 1000 })).toEqual({ ok: true, type: stored });
  });

  it.each([
    ['setup.exe', 'application/x-msdownload'],
    ['page.html', 'text/html'],
    ['image.svg', 'image/svg+xml'],
    ['archive.zip', ''],
    ['renamed.pdf', 'text/html'],
    ['no-extension', ''],
  ])('refuses %s (%s)', (name, type) => {
    const result = checkEvidenceFile({ name, type, size: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`“${name}” cannot be added`);
  });

  it('allows 10 MB and refuses more, saying how big the file is', () => {
    expect(checkEvidenceFile({ name: 'a.pdf', type: 'application/pdf', size: 10 * MB }).ok).toBe(true);
    expect(checkEvidenceFile({ name: 'a.pdf', type: 'application/pdf', size: 10 * MB + 1 })).toEqual({
      ok: false,
      message: '“a.pdf” is 10 MB: a file must be smaller than 10 MB.',
    });
    expect(checkEvidenceFile({ name: 'a.pdf', type: 'application/pdf', size: 12.5 * MB })).toMatchObject({
      message: '“a.pdf” is 12.5 MB: a file must be smaller than 10 MB.',
    });
    expect(checkEvidenceFile({ name: 'a.pdf', type: 'application/pdf', size: 0 }).ok).toBe(false);
  });

  it('refuses a name longer than 255 characters, saying so, rather than cutting it short', () => {
    const name = `${'a'.repeat(252)}.pdf`;
    const check = checkEvidenceFile({ name, type: 'application/pdf', size: 1000 });
    expect(check).toEqual({
      ok: false,
      message: `“${'a'.repeat(60)}…” cannot be added: its name is longer than 255 characters. Give the file a shorter name and attach it again.`,
    });
    expect(checkEvidenceFile({ name: name.slice(1), type: 'application/pdf', size: 1000 }).ok).toBe(true);
  });

  it('checks the storage estimate, keeping headroom for autosave', () => {
    expect(checkRoomFor(MB, undefined)).toEqual({ ok: true });
    expect(checkRoomFor(MB, { usage: undefined, quota: 5 })).toEqual({ ok: true });
    expect(checkRoomFor(MB, { usage: 0, quota: MB + storageHeadroomBytes })).toEqual({ ok: true });
    const tight = checkRoomFor(MB, { usage: 1, quota: MB + storageHeadroomBytes });
    expect(tight.ok).toBe(false);
    if (!tight.ok) expect(tight.message).toMatch(/not enough space.*Download a backup/);
  });

  it('offers an accept list for the file input', () => {
    expect(evidenceAccept).toContain('.pdf');
    expect(evidenceAccept).toContain('application/vnd.oasis.opendocument.text');
  });
});
