/**
 * The host's `config.json`: what an LMC can set without rebuilding the app. Its name, contact
 * details and welcome text, and the open adverts (commissioner, services, reference, dates, local
 * price, and local questions that are added to the checklist for applications to that advert).
 *
 * Owns the zod schema (the JSON Schema in `schemas/hosting-config.schema.json` is generated from
 * it, and a test fails if they drift) and the parse that turns any value into either a config or
 * a list of faults, each naming where it is ("adverts[0].closingDate: …"), for the host to fix.
 */
import { z } from '@/domain/zod';
import { ServiceId } from '@/domain/definition/service-id';
import { BackupReminderDays } from './backup-reminder-days';

export { BackupReminderDays } from './backup-reminder-days';

/** Short ids used in links (`#/start?advert=msk-2026`) and question ids: lower case, digits, hyphens. */
const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'use lower-case letters, digits and hyphens (at most 60), e.g. "msk-2026"');
const IsoDate = z.iso.date({ message: 'write dates as YYYY-MM-DD, e.g. 2026-12-31' });
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be ${max} characters or fewer`);

export const LocalQuestionSchema = z
  .strictObject({
    /** Unique within the advert; becomes the question id `local.<id>`. */
    id: Slug,
    type: z.enum(['text', 'longtext', 'yesno', 'date', 'number', 'money', 'email', 'phone', 'radios', 'checkboxes']),
    label: text(300),
    hint: text(1000).optional(),
    /** Whether an answer is needed before the application is ready (default true). */
    required: z.boolean().optional(),
    /** For radios and checkboxes only: the choices. */
    options: z
      .array(z.strictObject({ value: Slug, label: text(200) }))
      .min(2, 'give at least 2 options')
      .max(20)
      .optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'radios' || q.type === 'checkboxes';
    if (choice && !q.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a "${q.type}" question needs "options"` });
    if (!choice && q.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `only radios and checkboxes have "options"` });
    const values = (q.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'each option needs a different "value"' });
  });
export type LocalQuestion = z.infer<typeof LocalQuestionSchema>;

export const HostedAdvertSchema = z
  .strictObject({
    id: Slug,
    commissioner: text(200),
    /** The service or services the advert is for. */
    services: z.array(ServiceId).min(1, 'name at least one service').max(8),
    reference: text(100),
    /** A line about the advert, shown on the home page. */
    summary: text(1000).optional(),
    closingDate: IsoDate.optional(),
    serviceStart: IsoDate.optional(),
    /** The local price where there is no national tariff, as the commissioner states it. */
    localPrice: text(200).optional(),
    localQuestions: z.array(LocalQuestionSchema).max(30).optional(),
  })
  .superRefine((advert, ctx) => {
    const ids = (advert.localQuestions ?? []).map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['localQuestions', i, 'id'], message: `"${id}" is used twice` });
    });
    if (advert.closingDate && advert.serviceStart && advert.serviceStart < advert.closingDate)
      ctx.addIssue({ code: 'custom', path: ['serviceStart'], message: 'is before the closing date' });
  });
export type HostedAdvert = z.infer<typeof HostedAdvertSchema>;

export const HostingConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    lmc: z
      .strictObject({
        name: text(120),
        email: z.email({ message: 'must be an email address' }).max(200).optional(),
        phone: text(40).optional(),
        /** The LMC's website, shown as a link; https only. */
        website: z
          .url({ protocol: /^https$/, message: 'must be a full https:// address' })
          .max(300)
          .optional(),
        /** Shown on the home page; blank lines separate paragraphs. Plain text, never HTML. */
        welcome: text(2000).optional(),
      })
      .optional(),
    adverts: z.array(HostedAdvertSchema).max(50).optional(),
    /** Days after the last backup before the app reminds a user with unsaved-to-backup work (default 7). */
    backupReminderDays: BackupReminderDays.optional(),
  })
  .superRefine((config, ctx) => {
    const ids = (config.adverts ?? []).map((a) => a.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['adverts', i, 'id'], message: `"${id}" is used twice` });
    });
  });
export type HostingConfig = z.infer<typeof HostingConfigSchema>;

export const defaultHostingConfig: HostingConfig = {};

/** "adverts[0].localQuestions[2].id" */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export type HostingConfigResult =
  { readonly ok: true; readonly config: HostingConfig } | { readonly ok: false; readonly problems: readonly string[] };

/** Parses any value (from `JSON.parse` of the host's file); never throws. At most 10 faults are listed. */
export function parseHostingConfig(value: unknown): HostingConfigResult {
  const parsed = HostingConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = pathText(issue.path);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'is missing'
          : issue.message;
    return where ? `${where}: ${message}` : message;
  });
  return { ok: false, problems: problems.slice(0, 10) };
}

/** Parses the text of the file: invalid JSON is named as such, with the parser's words. */
export function parseHostingConfigText(text: string): HostingConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`the file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`],
    };
  }
  return parseHostingConfig(value);
}

/** An advert is open until the end of its closing date; one with no closing date stays open. */
export const advertIsOpen = (advert: HostedAdvert, today: string): boolean =>
  !advert.closingDate || advert.closingDate >= today;
