/**
 * Where an application's record says it stands: "exported" once a final pack was made, otherwise
 * "draft" ("ready" is evaluated, never stored: see standing.ts). Its own module, shared by the
 * application record and its summary row.
 */
import { z } from '@/domain/zod';

export const ApplicationStatus = z.enum(['draft', 'ready', 'exported']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
