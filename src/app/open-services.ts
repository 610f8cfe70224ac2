/**
 * Opens storage, reads the host's config.json and builds the app's services; its own chunk,
 * fetched as soon as the shell is up. Storage and config load side by side.
 */
import { openStorage } from '@/storage/open-storage';
import type { AppServices } from '@/components/services/app-services';
import { createAppServices } from './app-services';
import { loadHosting } from './hosting';

export async function openServices(): Promise<AppServices> {
  const [storage, hosting] = await Promise.all([openStorage(), loadHosting()]);
  return createAppServices(storage, hosting);
}
