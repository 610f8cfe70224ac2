// @vitest-environment node
// Passphrase protection: AES-GCM-256 with a PBKDF2-SHA-256 key (600,000 iterations, 16-byte
// salt, 12-byte IV, new for every file). The right passphrase opens the file; a wrong one, one
// changed bit, or a changed header does not; too few iterations are refused before any work.
import { describe, expect, it } from 'vitest';
import { EncryptedBackupSchema, parseBackup, type EncryptedBackup } from '@/domain/backup/backup-format';
import { base64ToBytes, bytesToBase64 } from '@/storage/base64';
import { decryptBackup, encryptBackupText, pbkdf2Iterations } from '@/storage/backup-crypto';

const plain = JSON.stringify({ hello: 'Zoë O’Brien – £1,250', canary: 'canary-7f3a' });
const passphrase = 'correct horse battery staple';

function envelopeOf(text: string): EncryptedBackup {
  const parsed = parseBackup(text);
  if (!parsed.ok || parsed.kind !== 'encrypted') throw new Error(parsed.ok ? 'not encrypted' : parsed.message);
  return parsed.envelope;
}

describe('backup encryption', () => {
  it('round-trips with the right passphrase, using the documented parameters', async () => {
    const text = await encryptBackupText(plain, passphrase);
    expect(text).not.toContain('canary');
    const envelope = envelopeOf(text);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(pbkdf2Iterations).toBeGreaterThanOrEqual(600_000);
    expect(base64ToBytes(envelope.kdf.salt)).toHaveLength(16);
    expect(base64ToBytes(envelope.cipher.iv)).toHaveLength(12);
    expect(base64ToBytes(envelope.data).length).toBe(new TextEncoder().encode(plain).length + 16);
    expect(await decryptBackup(envelope, passphrase)).toEqual({ ok: true, text: plain });
  });

  it('refuses a wrong passphrase, a changed bit and a changed header with the same plain message', async () => {
    const envelope = envelopeOf(await encryptBackupText(plain, passphrase));
    const data = base64ToBytes(envelope.data);
    data[5] = (data[5] ?? 0) ^ 1;
    const iv = base64ToBytes(envelope.cipher.iv);
    iv[0] = (iv[0] ?? 0) ^ 1;
    const attempts: [EncryptedBackup, string][] = [
      [envelope, 'correct horse battery stapler'],
      [{ ...envelope, data: bytesToBase64(data) }, passphrase],
      [{ ...envelope, cipher: { ...envelope.cipher, iv: bytesToBase64(iv) } }, passphrase],
      [{ ...envelope, kdf: { ...envelope.kdf, iterations: 600_001 } }, passphrase],
    ];
    for (const [attempt, phrase] of attempts) {
      expect(await decryptBackup(attempt, phrase)).toEqual({
        ok: false,
        message: expect.stringMatching(/passphrase is not right, or the file has been changed/),
      });
    }
  });

  it('uses a new salt and IV for every file', async () => {
    const envelopes = await Promise.all(
      Array.from({ length: 6 }, () => encryptBackupText(plain, passphrase).then(envelopeOf)),
    );
    expect(new Set(envelopes.map((e) => e.cipher.iv)).size).toBe(6);
    expect(new Set(envelopes.map((e) => e.kdf.salt)).size).toBe(6);
    expect(new Set(envelopes.map((e) => e.data)).size).toBe(6);
  });

  it('never goes below the minimum iterations, and refuses files that claim fewer', async () => {
    const envelope = envelopeOf(await encryptBackupText(plain, passphrase, { iterations: 1000 }));
    expect(envelope.kdf.iterations).toBe(600_000);
    const weak = JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } });
    expect(parseBackup(weak)).toMatchObject({ ok: false, message: expect.stringMatching(/iterations/) });
    expect(EncryptedBackupSchema.safeParse({ ...envelope, kdf: { ...envelope.kdf, salt: 'AAAA' } }).success).toBe(
      false,
    );
  });

  it('draws salt and IV from the random source it is given', async () => {
    const lengths: number[] = [];
    const text = await encryptBackupText(plain, passphrase, {
      randomBytes: (n) => {
        lengths.push(n);
        return new Uint8Array(n).fill(7);
      },
    });
    expect(lengths).toEqual([16, 12]);
    expect(envelopeOf(text).cipher.iv).toBe(bytesToBase64(new Uint8Array(12).fill(7)));
  });
});
