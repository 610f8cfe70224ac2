/**
 * UK identifier formats: how each kind of identifier a checklist can ask for is normalised,
 * checked and named.
 *
 * Owns: normalising an identifier as typed (case, spaces, zero-padding), checking its shape (and
 * the VAT checksum), the plain-English error message for a wrong format, and each kind's short
 * human name. Rules come from the domain reference §4 and its additions §4 (the additions win).
 * Pure functions only: whether a field is required, and any lenient "warning" fallbacks, are the
 * caller's business.
 */
import type { IdentifierKind } from '@/domain/definition/checklist-schema';

export type IdentifierResult = { valid: true; value: string } | { valid: false; value: string; message: string };

interface KindRule {
  /** Short human name, written to sit mid-sentence ("Enter a {label} ..."). */
  label: string;
  /** "a" or "an", to go before the label. */
  article: 'a' | 'an';
  /** An example of a valid value, shown in every error message. */
  example: string;
  /** The format in words, shown after the example. */
  format: string;
  /** Whether a normalised value has the right shape. */
  matches: (value: string) => boolean;
}

const pattern =
  (re: RegExp) =>
  (value: string): boolean =>
    re.test(value);

/**
 * Companies House, strict form, exactly as given in §4.1 [P79]. No check digit exists, so a
 * valid shape does not prove the company exists.
 */
const COMPANIES_HOUSE_STRICT =
  /^((AC|ZC|FC|GE|LP|OC|SE|SA|SZ|SF|GS|SL|SO|SC|ES|NA|NZ|NF|GN|NL|NC|R0|NI|EN|\d{2}|SG|FE)\d{5}(\d|C|R))$|^((RS|SO)\d{3}(\d{3}|\d{2}[WSRCZF]|\d(FI|RS|SA|IP|US|EN|AS)|CUS))$|^((NI|SL)\d{5}[\dA])$|^(OC(([\dP]{5}[CWERTB])|([\dP]{4}(OC|CU))))$/;

/** UK postcode after normalising (§4.4: the GOV.UK regex with its precedence slip fixed). */
const POSTCODE =
  /^(?:GIR 0AA|(?:[A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9]?[A-Z]) [0-9][A-Z]{2})$/;

/** VAT shape (§4.5): 9 digits, 12 digits (with a branch), GD000–GD499 or HA500–HA999. */
const VAT_SHAPE = /^(?:GB)?(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/;

/** Charity registers (§4.6, additions §4.6): England & Wales, Scotland (OSCR), Northern Ireland (CCNI). */
const CHARITY_ENGLAND_WALES = /^\d{6,7}(?:-\d{1,3})?$/;
const CHARITY_SCOTLAND = /^SC0\d{5}$/;
const CHARITY_NORTHERN_IRELAND = /^(?:NIC)?1\d{5}$/;

const RULES: Record<IdentifierKind, KindRule> = {
  'ods-practice': {
    label: 'GP practice ODS code',
    article: 'a',
    example: 'A81001',
    format: '1 letter followed by 5 digits',
    matches: pattern(/^[A-Z]\d{5}$/),
  },
  // Also covers the ANANA codes issued since October 2020 (additions §4.3).
  'ods-organisation': {
    label: 'ODS code',
    article: 'an',
    example: 'RA7',
    format: '3 to 6 letters or numbers, such as FLM49 or 8ZZ99',
    matches: pattern(/^[A-Z0-9]{3,6}$/),
  },
  'companies-house': {
    label: 'Companies House number',
    article: 'a',
    example: '00445790',
    format: '8 digits, or 2 letters followed by 6 digits such as SC123456',
    matches: pattern(COMPANIES_HOUSE_STRICT),
  },
  // Additions §4.2: 9 to 11 digits is the strict range (unchanged). An 8- or 12-digit lenient
  // fallback should only warn, and NHS trusts use ODS codes (kind 'ods-organisation') instead.
  'cqc-id': {
    label: 'CQC ID',
    article: 'a',
    example: '1-101726253',
    format: '1- followed by 9 to 11 digits',
    matches: pattern(/^1-\d{9,11}$/),
  },
  postcode: {
    label: 'postcode',
    article: 'a',
    example: 'SW1A 1AA',
    format: 'a UK postcode',
    matches: pattern(POSTCODE),
  },
  vat: {
    label: 'VAT registration number',
    article: 'a',
    example: 'GB980780684',
    format: '9 or 12 digits, with or without GB at the start',
    matches: pattern(VAT_SHAPE),
  },
  charity: {
    label: 'charity number',
    article: 'a',
    example: '1053467',
    format: 'a number from the Charity Commission, or SC012345 in Scotland, or NIC100012 in Northern Ireland',
    matches: (value) =>
      [CHARITY_ENGLAND_WALES, CHARITY_SCOTLAND, CHARITY_NORTHERN_IRELAND].some((re) => re.test(value)),
  },
  gmc: {
    label: 'GMC reference number',
    article: 'a',
    example: '0123456',
    format: '7 digits',
    matches: pattern(/^\d{7}$/),
  },
  nmc: {
    label: 'NMC PIN',
    article: 'an',
    example: '12A3456B',
    format: '2 digits, a letter, 4 digits and a letter',
    matches: pattern(/^\d{2}[A-Z]\d{4}[A-Z]$/),
  },
  hcpc: {
    label: 'HCPC registration number',
    article: 'an',
    example: 'PH123456',
    format: 'a profession code such as PH, CH or PYL followed by up to 6 digits',
    matches: pattern(/^(AS|BS|CH|CS|DT|HAD|ODP|OR|OT|PA|PH|PO|PYL|RA|SL)\d{1,6}$/),
  },
  gphc: {
    label: 'GPhC registration number',
    article: 'a',
    example: '2012345',
    format: '7 digits',
    matches: pattern(/^\d{7}$/),
  },
  ico: {
    label: 'ICO registration number',
    article: 'an',
    example: 'Z1234567',
    format: 'Z, sometimes followed by a second letter, then 6 or 7 digits, such as ZA123456',
    matches: pattern(/^Z[A-Z]?\d{6,7}$/),
  },
  duns: {
    label: 'DUNS number',
    article: 'a',
    example: '123456789',
    format: '9 digits',
    matches: pattern(/^\d{9}$/),
  },
};

/** A short human name for the kind, written to sit mid-sentence, e.g. "CQC ID", "ODS code". */
export function identifierLabel(kind: IdentifierKind): string {
  return RULES[kind].label;
}

/** Normalises an identifier as typed: trims, upper-cases and removes spaces; see each kind below. */
export function normaliseIdentifier(kind: IdentifierKind, raw: string): string {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  switch (kind) {
    case 'postcode':
      // One space before the inward code (the last 3 characters), as in "SW1A 1AA".
      return compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
    case 'companies-house':
      // England & Wales numbers are zero-padded to 8 digits: "445790" is "00445790".
      return /^\d{1,7}$/.test(compact) ? compact.padStart(8, '0') : compact;
    default:
      // VAT keeps an optional "GB" prefix; CQC IDs keep "1-"; charity subsidiaries keep "-2".
      return compact;
  }
}

/** The HMRC checksum (§4.5) on the first 9 digits: mod 97, or the post-2010 "9755" series. */
function vatChecksumPasses(digits: string): boolean {
  const weights = [8, 7, 6, 5, 4, 3, 2];
  let sum = Number(digits.slice(7, 9));
  weights.forEach((weight, index) => {
    sum += weight * Number(digits.charAt(index));
  });
  return sum % 97 === 0 || (sum + 55) % 97 === 0;
}

function formatMessage(rule: KindRule): string {
  return `Enter ${rule.article} ${rule.label} in the right format, like ${rule.example} (${rule.format})`;
}

/** Normalises, then checks the identifier's format; on failure gives a GOV.UK-style error message. */
export function validateIdentifier(kind: IdentifierKind, raw: string): IdentifierResult {
  const rule = RULES[kind];
  const value = normaliseIdentifier(kind, raw);
  const invalid = (message: string): IdentifierResult => ({ valid: false, value, message });

  if (value === '') return invalid(`Enter ${rule.article} ${rule.label}, like ${rule.example}`);
  if (kind === 'postcode' && value.replace(' ', '').startsWith('BFPO')) {
    return invalid(`Enter a UK postcode, like ${rule.example}. BFPO and overseas addresses cannot be used`);
  }
  if (!rule.matches(value)) return invalid(formatMessage(rule));
  if (kind === 'vat') {
    const digits = value.replace(/^GB/, '');
    if (/^\d+$/.test(digits) && !vatChecksumPasses(digits)) {
      return invalid(
        `Enter a real VAT registration number, like ${rule.example}. Check the digits: the number you entered is not one HMRC issues`,
      );
    }
  }
  return { valid: true, value };
}
