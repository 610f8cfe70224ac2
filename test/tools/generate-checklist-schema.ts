/**
 * Writes schemas/checklist-definition.schema.json from the zod source of the checklist format.
 * Usage: tsx test/tools/generate-checklist-schema.ts   (a test fails if the committed file drifts)
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ChecklistSchema } from '../../src/domain/definition/checklist-schema';

export function checklistJsonSchema(): string {
  const schema = z.toJSONSchema(ChecklistSchema, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' });
  return `${JSON.stringify({ ...schema, title: 'AQP qualification checklist definition', $id: 'checklist-definition.schema.json' }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('schemas/checklist-definition.schema.json', checklistJsonSchema());
  console.log('wrote schemas/checklist-definition.schema.json');
}
