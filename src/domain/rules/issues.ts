/** What the rules engine reports: one issue per problem, pointing at its question (and item). */
import type { Severity } from '@/domain/definition/checklist-schema';

export type IssueCode =
  | 'required'
  | 'format'
  | 'length'
  | 'range'
  | 'option'
  | 'count'
  | 'check'
  | 'evidence-expired'
  | 'evidence-expiring'
  | 'evidence-no-date'
  | 'evidence-missing';

export interface Issue {
  readonly sectionId: string;
  readonly pageId: string;
  /** The top-level question. */
  readonly questionId: string;
  /** For a field of a repeating group: the item and the field. */
  readonly itemId?: string;
  readonly fieldId?: string;
  /** The item's name as the list shows it ("Oak Surgery", "Member practice 2"), to say whose problem it is. */
  readonly itemTitle?: string;
  /** For date and address answers: the part to focus ("day", "postcode"). */
  readonly part?: string;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly checkId?: string;
  readonly message: string;
}

/** Blocking and hard-fail issues stop the final pack; hard fails also mean the bid cannot qualify. */
export const stopsFinalPack = (issue: Issue) => issue.severity !== 'warning';
