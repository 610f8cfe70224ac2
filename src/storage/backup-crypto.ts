/**
 * Optional passphrase protection for backup files, with WebCrypto: AES-GCM with a 256-bit key
 * derived by PBKDF2-SHA-256 (600,000 iterations, a random 16-byte salt) and a random 12-byte IV
 * for every file. The envelope's header is bound to the ciphertext as additional data, so
 * changing the iterations, salt or IV makes decryption fail.
 *
 * Protects a file someone copies or finds; not a secret from script running in the page. A
 * forgotten passphrase cannot be recovered. Must never store the passphrase or the key, reuse an
 * IV, or accept fewer iterations than the format's minimum.
 */
import {
  encryptedBackupFormat,
  encryptedBackupVersion,
  minPbkdf2Iterations,
  type EncryptedBackup,
} from '@/domain/backup/backup-format';
import { base64ToBytes, bytesToBase64 } from '@/storage/base64';

export const pbkdf2Iterations = minPbkdf2Iterations;
export const minPassphraseLength = 8;

export interface BackupCryptoOptions {
  readonly iterations?: number;
  readonly randomBytes?: (length: number) => Uint8Array<ArrayBuffer>;
}

const randomBytes = (length: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(length));
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(text));

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The header fields, as bound to the ciphertext. */
const additionalData = (e: Omit<EncryptedBackup, 'data'>) =>
  utf8(
    [e.format, e.formatVersion, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.cipher.name, e.cipher.iv].join(
      '|',
    ),
  );

/** Encrypts a plain backup file's text; returns the envelope file's text. */
export async function encryptBackupText(
  plain: string,
  passphrase: string,
  options: BackupCryptoOptions = {},
): Promise<string> {
  const iterations = Math.max(options.iterations ?? pbkdf2Iterations, minPbkdf2Iterations);
  const random = options.randomBytes ?? randomBytes;
  const salt = random(16);
  const iv = random(12);
  const header = {
    format: encryptedBackupFormat,
    formatVersion: encryptedBackupVersion,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(header) },
    key,
    utf8(plain),
  );
  const envelope: EncryptedBackup = { ...header, data: bytesToBase64(new Uint8Array(sealed)) };
  return JSON.stringify(envelope);
}

export type DecryptResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

export async function decryptBackup(envelope: EncryptedBackup, passphrase: string): Promise<DecryptResult> {
  try {
    const key = await deriveKey(passphrase, base64ToBytes(envelope.kdf.salt), envelope.kdf.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(envelope.cipher.iv), additionalData: additionalData(envelope) },
      key,
      base64ToBytes(envelope.data),
    );
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return {
      ok: false,
      message:
        'The backup could not be opened: the passphrase is not right, or the file has been changed since it was made.',
    };
  }
}
