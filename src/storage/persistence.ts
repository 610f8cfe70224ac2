/**
 * Persistent storage and the storage-health panel's facts.
 *
 * Owns: asking the browser to exempt the app's data from eviction (navigator.storage.persist)
 * once, after the first explicit save and never on load (some browsers show a prompt, and
 * Chromium decides by engagement, so "denied" is normal and must be explained, not hidden);
 * recording the answer in settings; and the storage estimate. Must never throw at the caller:
 * a browser without StorageManager is "unsupported".
 */
import type { Settings } from '@/domain/application/application';
import type { SettingsRepository } from '@/domain/ports';
import type { StorageEstimateLike } from '@/storage/evidence-limits';

export type PersistenceState = Settings['persistence'];

export interface StorageManagerLike {
  readonly persist?: () => Promise<boolean>;
  readonly persisted?: () => Promise<boolean>;
  readonly estimate?: () => Promise<StorageEstimateLike>;
}

export interface StorageHealth {
  /** Bytes used and available to the app, as the browser estimates them (when it says). */
  readonly usage: number | undefined;
  readonly quota: number | undefined;
  readonly persistence: PersistenceState;
  readonly persistenceAskedAt: string | undefined;
  readonly lastBackupAt: string | undefined;
}

export interface PersistenceOptions {
  readonly storage?: StorageManagerLike | null;
  readonly now?: () => Date;
}

export class Persistence {
  private asking: Promise<PersistenceState> | undefined;
  private readonly storage: StorageManagerLike | null;
  private readonly now: () => Date;

  constructor(
    private readonly settings: SettingsRepository,
    options: PersistenceOptions = {},
  ) {
    this.storage =
      options.storage === undefined
        ? typeof navigator === 'undefined'
          ? null
          : (navigator.storage ?? null)
        : options.storage;
    this.now = options.now ?? (() => new Date());
  }

  /** Call after each explicit save: asks the browser the first time only. */
  async afterExplicitSave(): Promise<PersistenceState> {
    try {
      const { persistence } = await this.settings.get();
      return persistence === 'unknown' ? await this.request() : persistence;
    } catch {
      return 'unknown';
    }
  }

  /** Asks the browser now (also for an "ask again" button), and records the answer. */
  request(): Promise<PersistenceState> {
    this.asking ??= this.ask().finally(() => (this.asking = undefined));
    return this.asking;
  }

  private async ask(): Promise<PersistenceState> {
    const storage = this.storage;
    let answer: PersistenceState = 'unsupported';
    if (storage?.persist) {
      try {
        answer = (await storage.persisted?.()) === true || (await storage.persist()) ? 'granted' : 'denied';
      } catch {
        answer = 'denied';
      }
    }
    try {
      await this.settings.update({ persistence: answer, persistenceAskedAt: this.now().toISOString() });
    } catch {
      // Not recorded (storage full or unavailable): asked again after the next explicit save.
    }
    return answer;
  }

  async estimate(): Promise<StorageEstimateLike | undefined> {
    try {
      return (await this.storage?.estimate?.()) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async health(): Promise<StorageHealth> {
    const [estimate, settings] = await Promise.all([this.estimate(), this.settings.get().catch(() => undefined)]);
    return {
      usage: estimate?.usage,
      quota: estimate?.quota,
      persistence: settings?.persistence ?? 'unknown',
      persistenceAskedAt: settings?.persistenceAskedAt,
      lastBackupAt: settings?.lastBackupAt,
    };
  }
}
