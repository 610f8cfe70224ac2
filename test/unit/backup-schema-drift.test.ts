// @vitest-environment node
// schemas/backup.schema.json is generated from the zod source of the backup format; this fails
// when the committed file no longer matches (run `npx tsx test/tools/generate-backup-schema.ts`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupJsonSchema, backupSchemaPath } from '../tools/generate-backup-schema';

describe('backup JSON Schema', () => {
  it('matches the zod source', () => {
    expect(readFileSync(backupSchemaPath, 'utf8')).toBe(backupJsonSchema());
  });

  it('documents both kinds of file with their limits', () => {
    const schema: unknown = JSON.parse(backupJsonSchema());
    const text = JSON.stringify(schema);
    expect(text).toContain('"const":"aqp-apply-backup"');
    expect(text).toContain('"const":"aqp-apply-backup-encrypted"');
    expect(text).toContain('"minimum":600000');
    expect(text).toContain('"additionalProperties":false');
  });
});
