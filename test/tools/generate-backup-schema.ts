/**
 * Writes schemas/backup.schema.json from the zod source of the backup file format
 * (src/domain/backup/backup-format.ts): the plain file and the passphrase-protected envelope.
 * Usage: tsx test/tools/generate-backup-schema.ts   (a test fails if the committed file drifts)
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { BackupDocumentSchema } from '../../src/domain/backup/backup-format';

export const backupSchemaPath = 'schemas/backup.schema.json';

export function backupJsonSchema(): string {
  const schema = z.toJSONSchema(BackupDocumentSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const documented = {
    $schema: schema.$schema,
    $id: 'backup.schema.json',
    title: 'Apply to be an Any Qualified Provider: backup file',
    description:
      'A backup of organisation profiles, applications and evidence files (format "aqp-apply-backup", version 1), ' +
      'or the same file protected with a passphrase (format "aqp-apply-backup-encrypted": AES-GCM-256, key from ' +
      'PBKDF2-SHA-256). Rules this schema cannot state (unique ids; evidence belongs to a profile in the file; ' +
      'data decodes to meta.size bytes with SHA-256 meta.sha256; at most 100 MB) are documented in ' +
      'src/domain/backup/backup-format.ts and checked on import.',
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(backupSchemaPath, backupJsonSchema());
  console.log(`wrote ${backupSchemaPath}`);
}
