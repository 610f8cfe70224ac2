/**
 * The checklist format: the one definition of what a qualification checklist may contain.
 *
 * Owns: the zod schema for checklist files in `schemas/checklists/`, and the TypeScript types
 * derived from it. `schemas/checklist-definition.schema.json` is generated from this file and a
 * test fails if they drift. Must never hold checklist content or rules logic.
 */
import { z } from '@/domain/zod';
import { ServiceId } from './service-id';

export { ServiceId } from './service-id';

/** Stable ids: lower-case words joined by dots and hyphens, e.g. `org.legal-name`. Never reused. */
export const QuestionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*$/, 'ids are lower-case words joined by "." or "-"');

export const IdentifierKind = z.enum([
  'ods-practice',
  'ods-organisation',
  'companies-house',
  'cqc-id',
  'postcode',
  'vat',
  'charity',
  'gmc',
  'nmc',
  'hcpc',
  'gphc',
  'ico',
  'duns',
]);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

/** Where a point comes from: keys of the domain reference (P10, N21) and how sure it is. */
export const Source = z.strictObject({
  /** Keys of the domain reference; "LMC" for a local question from the host's config.json. */
  refs: z.array(z.string().regex(/^(?:[PN]\d{1,3}|SQ|§[0-9.]+|LMC)$/)).min(1),
  basis: z.enum(['sourced', 'partly-sourced', 'inferred']),
  /** The row of the domain reference this question reconstructs, e.g. "A5". */
  item: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A value a condition can compare with: a literal, or something from the application context. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');

export const ContextDate = z.enum(['today', 'serviceStart', 'closingDate']);
export type ContextDate = z.infer<typeof ContextDate>;

const Ref = z.union([
  z.strictObject({ context: ContextDate }),
  z.strictObject({ q: QuestionId }),
  z.strictObject({ item: QuestionId }),
  z.strictObject({ date: IsoDate }),
]);
export type Ref = z.infer<typeof Ref>;

const Literal = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Conditions decide visibility, requiredness and checks. `q` names a question; inside a repeating
 * group `item` names a field of the same item. Comparisons on an unanswered question are false.
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly service: ServiceId | readonly ServiceId[] }
  | { readonly uncovered: Coverage }
  | ({ readonly q: string } & Comparison)
  | ({ readonly item: string } & Comparison)
  | ({ readonly context: ContextDate } & Comparison);

/**
 * True when some item of `from` (only those for which `fromIf` holds, when given) has no item in
 * `in` whose `inField` matches it. When `inField` chooses from `from` itself (a person chosen from
 * the people register), items match by id; otherwise `field` and `inField` match as names,
 * ignoring case and spaces.
 */
export interface Coverage {
  readonly from: string;
  readonly field: string;
  readonly in: string;
  readonly inField: string;
  readonly fromIf?: Condition;
}

export type Comparison =
  | { readonly answered: boolean }
  | { readonly equals: string | number | boolean }
  | { readonly in: readonly string[] }
  | { readonly includes: string }
  | { readonly lt: number }
  | { readonly lte: number }
  | { readonly gt: number }
  | { readonly gte: number }
  | { readonly before: Ref; readonly offsetDays?: number }
  | { readonly after: Ref; readonly offsetDays?: number }
  | { readonly olderThanMonths: number }
  | { readonly countLt: number }
  | { readonly valid: boolean };

const comparisonKeys = [
  'answered',
  'equals',
  'in',
  'includes',
  'lt',
  'lte',
  'gt',
  'gte',
  'before',
  'after',
  'olderThanMonths',
  'countLt',
  'valid',
] as const;

/** One subject (`q` or `item`) and exactly one comparison; checked by the refinement below. */
const CompareSchema = z
  .strictObject({
    q: QuestionId.optional(),
    item: QuestionId.optional(),
    context: ContextDate.optional(),
    answered: z.boolean().optional(),
    equals: Literal.optional(),
    in: z.array(z.string()).min(1).optional(),
    includes: z.string().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    before: Ref.optional(),
    after: Ref.optional(),
    offsetDays: z.number().int().optional(),
    olderThanMonths: z.number().int().positive().optional(),
    countLt: z.number().int().nonnegative().optional(),
    valid: z.boolean().optional(),
  })
  .refine((c) => [c.q, c.item, c.context].filter((x) => x !== undefined).length === 1, {
    message: 'a comparison names exactly one of "q", "item" or "context"',
  })
  .refine((c) => comparisonKeys.filter((k) => c[k] !== undefined).length === 1, {
    message: `a comparison has exactly one of ${comparisonKeys.join(', ')}`,
  })
  .refine((c) => c.offsetDays === undefined || c.before !== undefined || c.after !== undefined, {
    message: '"offsetDays" goes with "before" or "after"',
  });

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ service: z.union([ServiceId, z.array(ServiceId).min(1)]) }),
    z.strictObject({
      uncovered: z.strictObject({
        from: QuestionId,
        field: QuestionId,
        in: QuestionId,
        inField: QuestionId,
        fromIf: ConditionSchema.optional(),
      }),
    }),
    CompareSchema,
  ]),
) as z.ZodType<Condition>;

export const Severity = z.enum(['hard-fail', 'blocking', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** A check raises an issue on its question when `when` holds. */
export const Check = z.strictObject({
  id: QuestionId,
  when: ConditionSchema,
  severity: Severity,
  message: z.string().min(1),
});
export type Check = z.infer<typeof Check>;

const Option = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1),
  hint: z.string().optional(),
  /** Radios only: an option that clears every other choice (e.g. "None of these"). */
  exclusive: z.boolean().optional(),
});

const Validation = z
  .strictObject({
    minLength: z.number().int().nonnegative(),
    maxLength: z.number().int().positive(),
    minWords: z.number().int().positive(),
    maxWords: z.number().int().positive(),
    min: z.number(),
    max: z.number(),
    /** Dates: not after today / not before today. */
    notFuture: z.boolean(),
    notPast: z.boolean(),
    email: z.boolean(),
    phone: z.boolean(),
  })
  .partial();

const Help = z.strictObject({ summary: z.string().min(1), text: z.string().min(1) });

/**
 * A question's own words for a fault, used in place of the message built from its noun. Most
 * questions need none: "Enter {noun}", "{Noun} must be a real date" and the rest read well. Write
 * one only when the built sentence reads badly or a shorter, plainer one exists, e.g. a date's
 * `future`: "Date formed must be today or in the past". Follow schemas/checklists/README.md:
 * say what went wrong and how to fix it, in the question's words, with no full stop.
 */
const Messages = z.strictObject({
  /** No answer to a required question ("Enter…", "Select…", "Attach…", "Add…"), or a choice that is not an option. */
  required: z.string().min(1).optional(),
  /** Not in the form asked for: a date missing a part or not real, money, number, email, phone, identifier, postcode. */
  format: z.string().min(1).optional(),
  /** Over `maxLength` or `maxWords`. */
  tooLong: z.string().min(1).optional(),
  /** Under `minLength` or `minWords`. */
  tooShort: z.string().min(1).optional(),
  /** A number or amount below `min` or above `max`; for a repeat, fewer than `minItems` or more than `maxItems`. */
  outOfRange: z.string().min(1).optional(),
  /** A date before today when `notPast` is set. */
  past: z.string().min(1).optional(),
  /** A date after today when `notFuture` is set. */
  future: z.string().min(1).optional(),
});
export type Messages = z.infer<typeof Messages>;
export type MessageFault = keyof Messages;

const base = {
  id: QuestionId,
  label: z.string().min(1),
  /**
   * What the question asks for, as a noun phrase that reads mid-sentence after a verb: "your
   * employer's liability certificate", "their ODS code". Messages are built from it ("Attach
   * your employer's liability certificate", "Still needs their ODS code") so that no sentence
   * quotes a label. Every question and field of the AQP checklist has one (a test checks that no
   * required message falls back to quoting the label); write it so that it reads after "Enter",
   * "Select", "Attach" or "Add", and at the start of "… must be …".
   */
  noun: z.string().min(1).max(120).optional(),
  /** The question's own words for a fault, when the message built from its noun is not the best one. */
  messages: Messages.optional(),
  hint: z.string().optional(),
  /** A "details" disclosure in plain language for rules that surprise people. */
  help: Help.optional(),
  /** true, false, or a condition under which an answer is required. Default false. */
  required: z.union([z.boolean(), ConditionSchema]).optional(),
  showIf: ConditionSchema.optional(),
  validation: Validation.optional(),
  checks: z.array(Check).optional(),
  source: Source,
};

const scalarTypes = z.enum(['text', 'longtext', 'yesno', 'date', 'money', 'number', 'email', 'phone']);

const ScalarQuestion = z.strictObject({ ...base, type: scalarTypes });

const ChoiceQuestion = z.strictObject({
  ...base,
  type: z.enum(['radios', 'checkboxes']),
  options: z.array(Option).min(1).optional(),
  /** Options taken from elsewhere instead of listed: the chosen services, or a repeat's items. */
  optionsFrom: z
    .union([
      z.strictObject({ services: z.literal(true) }),
      z.strictObject({
        repeat: QuestionId,
        labelField: QuestionId,
        /**
         * Inside a repeat item: fields (by id, the same in both) filled from the chosen item when
         * they are still empty, so a clinician's register number is not typed twice.
         */
        copy: z.array(QuestionId).optional(),
      }),
    ])
    .optional(),
});

const IdentifierQuestion = z.strictObject({
  ...base,
  type: z.literal('identifier'),
  /** The identifier kind, or the sibling field whose answer picks it (staff register numbers). */
  identifier: z.union([
    IdentifierKind,
    z.strictObject({ field: QuestionId, kinds: z.record(z.string(), IdentifierKind) }),
  ]),
});

const AddressQuestion = z.strictObject({ ...base, type: z.literal('address') });

const EvidenceQuestion = z.strictObject({
  ...base,
  type: z.literal('evidence'),
  /** What documents are wanted, in words, e.g. "Certificate of employer's liability insurance". */
  documents: z.string().min(1),
  /** Whether the document has a valid-until date that the engine watches. */
  expires: z.boolean(),
});

export type ItemQuestion =
  | z.infer<typeof ScalarQuestion>
  | z.infer<typeof ChoiceQuestion>
  | z.infer<typeof IdentifierQuestion>
  | z.infer<typeof AddressQuestion>
  | z.infer<typeof EvidenceQuestion>;

const ItemQuestionSchema = z.discriminatedUnion('type', [
  ScalarQuestion,
  ChoiceQuestion,
  IdentifierQuestion,
  AddressQuestion,
  EvidenceQuestion,
]);

const RepeatQuestion = z.strictObject({
  ...base,
  type: z.literal('repeat'),
  /** What one item is called: "partner or director", "member practice". */
  itemName: z.string().min(1),
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
  /** The field whose answer names an item in lists and in the PDF. */
  titleField: QuestionId,
  /** Fields shown beside the name in lists, so that items with the same name can be told apart. */
  summaryFields: z.array(QuestionId).max(4).optional(),
  fields: z.array(ItemQuestionSchema).min(1),
});

export const QuestionSchema = z.discriminatedUnion('type', [
  ScalarQuestion,
  ChoiceQuestion,
  IdentifierQuestion,
  AddressQuestion,
  EvidenceQuestion,
  RepeatQuestion,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type RepeatQuestion = z.infer<typeof RepeatQuestion>;
export type QuestionType = Question['type'];

export const Page = z.strictObject({
  id: QuestionId,
  title: z.string().min(1),
  intro: z.string().optional(),
  showIf: ConditionSchema.optional(),
  questions: z.array(QuestionSchema).min(1),
});
export type Page = z.infer<typeof Page>;

/** Task-list groups, in the order the task list shows them. */
export const SectionGroup = z.enum(['organisation', 'application', 'services', 'conflicts', 'declaration']);
export type SectionGroup = z.infer<typeof SectionGroup>;

export const Section = z.strictObject({
  id: QuestionId,
  /** The domain reference's letter for the section, e.g. "A". */
  ref: z.string().optional(),
  title: z.string().min(1),
  summary: z.string().min(1),
  group: SectionGroup,
  /** Organisation answers are entered once and reused by every application of the organisation. */
  scope: z.enum(['organisation', 'application']),
  /** Service sections apply only when that service is chosen. */
  service: ServiceId.optional(),
  showIf: ConditionSchema.optional(),
  /** Sections that must be completed before this one can start. */
  dependsOn: z.array(QuestionId).optional(),
  pages: z.array(Page).min(1),
});
export type Section = z.infer<typeof Section>;

export const ServiceDefinition = z.strictObject({
  id: ServiceId,
  name: z.string().min(1),
  /** The Department of Health's definition (12 Oct 2011). */
  definition: z.string().min(1),
  source: Source,
});
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** How answers saved against an earlier version map onto this one. */
export const Migration = z.strictObject({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  renamed: z.record(QuestionId, QuestionId).optional(),
  retired: z.array(QuestionId).optional(),
  /**
   * Questions (or "repeat.field" item fields) that used to take a typed name and now choose a
   * person from a register (a repeating group): typed names that match a person in the register
   * become that person; the rest are kept as typed, for the user to settle.
   */
  people: z
    .strictObject({
      register: QuestionId,
      fields: z.array(z.string().regex(/^[a-z][a-z0-9.-]*$/)).min(1),
    })
    .optional(),
  notes: z.string().optional(),
});
export type Migration = z.infer<typeof Migration>;

export const ChecklistSchema = z.strictObject({
  $schema: z.string().optional(),
  id: QuestionId,
  title: z.string().min(1),
  edition: z.string().min(1),
  version: z.number().int().positive(),
  services: z.array(ServiceDefinition).min(1),
  sections: z.array(Section).min(1),
  migrations: z.array(Migration).optional(),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
