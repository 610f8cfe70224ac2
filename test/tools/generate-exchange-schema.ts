/**
 * Writes schemas/exchange.schema.json from the zod source of the exchange file format
 * (src/domain/exchange/exchange-format.ts): review files and comments files.
 * Usage: tsx test/tools/generate-exchange-schema.ts   (a test fails if the committed file drifts)
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ExchangeDocumentSchema } from '../../src/domain/exchange/exchange-format';

export const exchangeSchemaPath = 'schemas/exchange.schema.json';

export function exchangeJsonSchema(): string {
  const schema = z.toJSONSchema(ExchangeDocumentSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const documented = {
    $schema: schema.$schema,
    $id: 'exchange.schema.json',
    title: 'Apply to be an Any Qualified Provider: exchange file',
    description:
      'A file a practice and its LMC send each other by email (format "aqp-apply-exchange", version 1). ' +
      '"kind" says what it is for: "review" (a draft sent for review: the application, its organisation and the ' +
      'evidence list, the files optional) or "comments" (the LMC’s comments, echoing the review’s id and the ' +
      'application’s id). "sha256" is the SHA-256 of the file without "sha256", keys sorted at every depth, so an ' +
      'edited file is refused: integrity, not identity. Rules this schema cannot state (the hash; unique ids; ' +
      'comments point at sections and questions of the checklist; sizes of at most 100 MB and 2 MB) are ' +
      'documented in src/domain/exchange/exchange-format.ts and checked on import.',
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(exchangeSchemaPath, exchangeJsonSchema());
  console.log(`wrote ${exchangeSchemaPath}`);
}
