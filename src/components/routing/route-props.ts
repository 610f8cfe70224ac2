/** What every routed page receives: its path parameters and the query string, both untrusted. */
import { z } from '@/domain/zod';

export interface RouteProps {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
}

const InAppPath = z
  .string()
  .max(500)
  .regex(/^\/[a-z0-9/_.~%-]*$/i);

/** A "?return=" target, only if it is an in-app path (never a URL or a script). */
export function returnPath(query: URLSearchParams): string | undefined {
  const parsed = InAppPath.safeParse(query.get('return'));
  return parsed.success ? parsed.data : undefined;
}
