/**
 * Writes schemas/hosting-config.schema.json from the zod source of the host's config.json
 * (src/domain/hosting/hosting-config.ts), so an LMC's editor can check the file as it is written.
 * Usage: tsx test/tools/generate-hosting-schema.ts   (a test fails if the committed file drifts)
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { HostingConfigSchema } from '../../src/domain/hosting/hosting-config';

export const hostingSchemaPath = 'schemas/hosting-config.schema.json';

export function hostingJsonSchema(): string {
  const schema = z.toJSONSchema(HostingConfigSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  const documented = {
    $schema: schema.$schema,
    $id: 'hosting-config.schema.json',
    title: 'Apply to be an Any Qualified Provider: the host’s config.json',
    description:
      'Optional settings an LMC puts beside index.html: its name, contact details and welcome text, and the open ' +
      'adverts (with local questions added to the checklist for that advert). Rules this schema cannot state ' +
      '(unique advert and question ids; options only on radios and checkboxes; service start not before the ' +
      'closing date) are checked when the app reads the file, and shown to the host by name. See README, ' +
      '"Hosting for an LMC".',
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(hostingSchemaPath, hostingJsonSchema());
  console.log(`wrote ${hostingSchemaPath}`);
}
