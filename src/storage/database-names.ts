/**
 * The names the database is known by: its own, the settings record's key, and the tables and
 * index the first screen reads. Kept apart from db.ts (which imports Dexie) so that the first
 * screen's read (first-read.ts) can name them without loading Dexie.
 */

export const defaultDatabaseName = 'aqp-apply';

/** The settings table holds one record, under this key. */
export const settingsKey = 'settings';

/** One small row per application for "Your applications" (see summaries.ts). */
export const summariesTable = 'applicationSummaries';

/**
 * The index of organisation profiles by name and last change (database schema 6): a key cursor on
 * it gives every organisation's id, name and date without reading its answers.
 */
export const profileNamesIndex = '[name+updatedAt]';
