/** Opens storage and builds the app's services; its own chunk, fetched as soon as the shell is up. */
import { openStorage } from '@/storage/open-storage';
import type { AppServices } from '@/components/services/app-services';
import { createAppServices } from './app-services';

export async function openServices(): Promise<AppServices> {
  return createAppServices(await openStorage());
}
