/**
 * Keeps `applicationSummaries` (one small row per application, see
 * src/domain/application/application-summary.ts) in step with `applications`: a Dexie DBCore
 * middleware widens every read-write transaction on `applications` to include the summaries and,
 * inside that same transaction, writes or deletes the row of every application written or
 * deleted, whichever path wrote it (autosave, import, a kept version used instead, delete and
 * undo, an upgrade). A value that does not make a valid summary has its row removed, so the list
 * never shows a record it could not open. Also the upgrade that fills the table from the records.
 */
import type { DBCore, DBCoreTable, Middleware, Transaction } from 'dexie';
import { restoreApplication } from '@/domain/application/restore';
import { summariseApplication, type ApplicationSummary } from '@/domain/application/application-summary';
import type { Application } from '@/domain/application/application';
import { summariesTable } from './database-names';

const applicationsTable = 'applications';

/**
 * Applications the repositories have just checked (restored) and are writing: their summary is
 * made without checking them a second time (autosave writes large records often).
 */
const checkedApplications = new WeakSet<object>();

/** Marks a value about to be written as an application already checked; returns it. */
export function alreadyChecked<T extends object>(value: T): T {
  checkedApplications.add(value);
  return value;
}

/** The summary of a stored value, or undefined when it is not an application this app can open. */
function summaryOf(value: unknown): ApplicationSummary | undefined {
  if (typeof value === 'object' && value !== null && checkedApplications.has(value))
    return summariseApplication(value as Application);
  const restored = restoreApplication(value);
  return restored.ok ? summariseApplication(restored.record) : undefined;
}

const idOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, 'id') : undefined;

export const summariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'application-summaries',
  create(down) {
    const hasSummaries = () => down.schema.tables.some((t) => t.name === summariesTable);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          stores.includes(applicationsTable) &&
          !stores.includes(summariesTable) &&
          hasSummaries();
        return down.transaction(widen ? [...stores, summariesTable] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== applicationsTable) return table;
        const withSummaries: DBCoreTable = {
          ...table,
          async mutate(req) {
            const result = await table.mutate(req);
            if (!hasSummaries()) return result;
            const summaries = down.table(summariesTable);
            try {
              if (req.type === 'add' || req.type === 'put') {
                const written = req.values.filter((_, i) => !(i in result.failures));
                const rows = written.map(summaryOf);
                const put = rows.filter((r): r is ApplicationSummary => r !== undefined);
                const gone = written
                  .filter((_, i) => rows[i] === undefined)
                  .map(idOf)
                  .filter((k) => typeof k === 'string');
                if (put.length) await summaries.mutate({ type: 'put', trans: req.trans, values: put });
                if (gone.length) await summaries.mutate({ type: 'delete', trans: req.trans, keys: gone });
              } else if (req.type === 'delete') {
                await summaries.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
              } else {
                await summaries.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
              }
            } catch (error) {
              // A transaction that aborted (a full disk at commit) fails the summary write too:
              // report why the transaction failed, not that it was no longer active.
              throw Reflect.get(req.trans, 'error') ?? error;
            }
            return result;
          },
        };
        return withSummaries;
      },
    };
  },
};

/** The schema upgrade that adds the summaries: one row for every application that can be read. */
export async function fillSummaries(tx: Transaction): Promise<void> {
  const rows: ApplicationSummary[] = [];
  for (const raw of await tx.table(applicationsTable).toArray()) {
    const restored = restoreApplication(raw);
    if (restored.ok) rows.push(summariseApplication(restored.record));
  }
  await tx.table(summariesTable).bulkPut(rows);
}
