/**
 * The services a checklist covers, by stable id. Its own module, so that what needs only the ids
 * (the host's config.json, a list's summary rows) does not build the whole checklist format's
 * schema (checklist-schema.ts), which is costly to construct on a slow PC (issue 13).
 */
import { z } from '@/domain/zod';

export const ServiceId = z.enum([
  'msk',
  'hearing',
  'continence',
  'diagnostics',
  'wheelchairs',
  'podiatry',
  'wound-care',
  'psychological-therapies',
]);
export type ServiceId = z.infer<typeof ServiceId>;
