/**
 * Reads the host's `config.json` (beside index.html) once at start. The file is optional: when it
 * is missing the app uses its defaults and says nothing. When it is there but wrong (not JSON, an
 * unknown setting, a bad date) the app still starts, with the defaults, and shows the faults so
 * the host can fix them. Offline, the service worker answers with the last copy it saw.
 */
import type { HostingState } from '@/components/services/app-services';
import { defaultHostingConfig, parseHostingConfigText } from '@/domain/hosting/hosting-config';

/** Far more than any real config; a bigger file is refused unread. */
const maxBytes = 256 * 1024;

export async function loadHosting(
  fetcher: typeof fetch = fetch,
  base: string = document.baseURI,
): Promise<HostingState> {
  const defaults: HostingState = { config: defaultHostingConfig };
  let response: Response;
  try {
    response = await fetcher(new URL('config.json', base), { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    return defaults; // offline with no copy cached: carry on with the defaults
  }
  if (response.status === 404) return defaults;
  if (!response.ok)
    return { ...defaults, problems: [`config.json could not be read: the server answered ${response.status}.`] };
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxBytes) return { ...defaults, problems: [`config.json is larger than ${maxBytes / 1024} KB.`] };
  const text = await response.text();
  if (text.length > maxBytes) return { ...defaults, problems: [`config.json is larger than ${maxBytes / 1024} KB.`] };
  const result = parseHostingConfigText(text);
  return result.ok ? { config: result.config } : { ...defaults, problems: result.problems };
}
