// @vitest-environment node
// schemas/exchange.schema.json is generated from the zod source of the exchange format; this fails
// when the committed file no longer matches (run `npx tsx test/tools/generate-exchange-schema.ts`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema, exchangeSchemaPath } from '../tools/generate-exchange-schema';

describe('exchange JSON Schema', () => {
  it('matches the zod source', () => {
    expect(readFileSync(exchangeSchemaPath, 'utf8')).toBe(exchangeJsonSchema());
  });

  it('documents both kinds of file, strictly, with their limits', () => {
    const text = JSON.stringify(JSON.parse(exchangeJsonSchema()));
    expect(text).toContain('"const":"aqp-apply-exchange"');
    expect(text).toContain('"const":"review"');
    expect(text).toContain('"const":"comments"');
    expect(text).toContain('"maxItems":1000');
    expect(text).toContain('"pattern":"^[0-9a-f]{64}$"');
    expect(text).toContain('"additionalProperties":false');
  });
});
