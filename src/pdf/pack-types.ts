/**
 * The application pack as data: what the PDF says, in order, with every answer already turned
 * into text. Built by `buildPackModel` (pure), drawn by `renderPack` (jsPDF). Nothing here knows
 * about pages, fonts or coordinates, so the model carries the tests of what appears and where.
 */

/** A label and its value, e.g. on the cover or in one person's declaration. */
export interface PackField {
  readonly label: string;
  readonly value: string;
}

/** A table: a header row and body rows of plain text; "\n" breaks a line inside a cell. */
export interface PackTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One item of a repeating group shown in full, e.g. one member practice. */
export interface PackRecord {
  readonly title: string;
  readonly fields: readonly PackField[];
}

export type PackValue =
  | { readonly kind: 'text'; readonly paragraphs: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'not-answered' }
  /** A repeating group: a table of its items, and each item in full when the table cannot hold it. */
  | { readonly kind: 'repeat'; readonly table: PackTable; readonly records: readonly PackRecord[] };

export type PackBlock =
  /** A checklist page's title, grouping the questions under it. */
  | { readonly kind: 'heading'; readonly text: string }
  | {
      readonly kind: 'question';
      readonly id: string;
      /** "3.4": section number and position among the section's visible questions. */
      readonly number: string;
      readonly label: string;
      readonly value: PackValue;
    };

export interface PackSection {
  readonly kind: 'section';
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly blocks: readonly PackBlock[];
}

/** One person's declaration of interests (the Annex A layout). */
export interface PackDeclarant {
  readonly name: string;
  readonly fields: readonly PackField[];
  readonly interests: readonly PackRecord[];
}

export interface PackConflicts {
  readonly kind: 'conflicts';
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** One row per declared interest, across all declarants. */
  readonly register: PackTable;
  readonly declarants: readonly PackDeclarant[];
  /** The section's other questions (the bid and the commissioning decision, signed declarations). */
  readonly blocks: readonly PackBlock[];
}

export interface PackEvidenceEntry {
  /** "E1", "E2"…: how answers and appendices refer to the file. */
  readonly ref: string;
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: string;
  readonly validUntil: string;
  readonly sha256: string;
  /** The questions the file supports, e.g. "3.4 Safeguarding policy". */
  readonly supports: readonly string[];
  /** The appendix holding the file, or null when it is listed only. */
  readonly appendix: number | null;
}

export interface PackEvidenceSchedule {
  readonly kind: 'evidence';
  readonly id: 'evidence-schedule';
  readonly title: string;
  readonly entries: readonly PackEvidenceEntry[];
}

export interface PackIssueLine {
  /** Where the issue is, e.g. "9.2 Employer's liability cover" or a section title. */
  readonly where: string;
  readonly message: string;
}

export interface PackReadiness {
  readonly kind: 'readiness';
  readonly id: 'readiness';
  readonly title: string;
  readonly ready: boolean;
  readonly hardFails: readonly PackIssueLine[];
  readonly blocking: readonly PackIssueLine[];
  readonly warnings: readonly PackIssueLine[];
  /** Members' and declarants' returns: asked, returned, accepted or outstanding (null when none asked). */
  readonly returns?: PackTable | null;
}

export interface PackDeclaration {
  readonly kind: 'declaration';
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** Each statement and whether it was confirmed. */
  readonly statements: readonly { readonly text: string; readonly confirmed: boolean }[];
  /** Name, position, authority and date, as answered. */
  readonly signatory: readonly PackField[];
  /** Any other questions of the section (evidence of authority, the signed page). */
  readonly blocks: readonly PackBlock[];
}

export type PackPart = PackSection | PackConflicts | PackEvidenceSchedule | PackReadiness | PackDeclaration;

export interface PackAppendix {
  readonly number: number;
  readonly evidenceId: string;
  /** The schedule entry, e.g. "E4". */
  readonly ref: string;
  readonly name: string;
  readonly kind: 'pdf' | 'png' | 'jpeg';
}

export interface PackMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
  readonly language: 'en-GB';
}

export interface PackCover {
  readonly title: string;
  readonly applicant: string;
  /** "Draft – not ready to submit" or "Ready to submit". */
  readonly status: string;
  readonly fields: readonly PackField[];
}

export interface PackModel {
  readonly meta: PackMeta;
  readonly draft: boolean;
  /** The reference printed in every page's footer. */
  readonly reference: string;
  readonly applicant: string;
  /** The chosen services' names, in checklist order. */
  readonly services: readonly string[];
  /** The date the pack was made, YYYY-MM-DD. */
  readonly generatedOn: string;
  readonly cover: PackCover;
  readonly parts: readonly PackPart[];
  readonly appendices: readonly PackAppendix[];
}
