import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '@/domain/definition/checklist-schema';
import { identifierLabel, normaliseIdentifier, validateIdentifier } from '@/domain/rules/identifiers';

/** The example each kind's error messages must show. */
const examples: Record<IdentifierKind, string> = {
  'ods-practice': 'A81001',
  'ods-organisation': 'RA7',
  'companies-house': '00445790',
  'cqc-id': '1-101726253',
  postcode: 'SW1A 1AA',
  vat: 'GB980780684',
  charity: '1053467',
  gmc: '0123456',
  nmc: '12A3456B',
  hcpc: 'PH123456',
  gphc: '2012345',
  ico: 'Z1234567',
  duns: '123456789',
};
const kinds = Object.keys(examples) as IdentifierKind[];

// [kind, as typed, normalised value]
const validCases: [IdentifierKind, string, string][] = [
  ['ods-practice', 'A81001', 'A81001'],
  ['ods-practice', 'C81010', 'C81010'],
  ['ods-practice', 'L81008', 'L81008'],
  ['ods-practice', ' a81001 ', 'A81001'],
  ['ods-organisation', 'RA7', 'RA7'],
  ['ods-organisation', 'R0A', 'R0A'],
  ['ods-organisation', '12A', '12A'],
  ['ods-organisation', 'FLM49', 'FLM49'],
  ['ods-organisation', '8ZZ99', '8ZZ99'],
  ['ods-organisation', 'RXQ02', 'RXQ02'],
  ['ods-organisation', 'A81001', 'A81001'],
  ['ods-organisation', 'A1B2C', 'A1B2C'],
  ['ods-organisation', 'fl m49', 'FLM49'],
  ['companies-house', '00445790', '00445790'],
  ['companies-house', '445790', '00445790'],
  ['companies-house', '12345678', '12345678'],
  ['companies-house', 'SC123456', 'SC123456'],
  ['companies-house', 'sc 123 456', 'SC123456'],
  ['companies-house', 'OC300001', 'OC300001'],
  ['companies-house', 'NI123456', 'NI123456'],
  ['cqc-id', '1-101726253', '1-101726253'],
  ['cqc-id', '1-109980250', '1-109980250'],
  ['cqc-id', '1-538793944', '1-538793944'],
  ['cqc-id', '1-1000711804', '1-1000711804'],
  ['cqc-id', '1-10144819059', '1-10144819059'],
  ['cqc-id', ' 1-101 726 253 ', '1-101726253'],
  ['postcode', 'SW1A 1AA', 'SW1A 1AA'],
  ['postcode', 'sw1a1aa', 'SW1A 1AA'],
  ['postcode', 'GIR 0AA', 'GIR 0AA'],
  ['postcode', 'gir0aa', 'GIR 0AA'],
  ['postcode', 'M1 1AE', 'M1 1AE'],
  ['postcode', 'B33 8TH', 'B33 8TH'],
  ['postcode', 'CR2 6XH', 'CR2 6XH'],
  ['postcode', 'DN55 1PT', 'DN55 1PT'],
  ['postcode', 'W1A 0AX', 'W1A 0AX'],
  ['postcode', ' ls1   4ap ', 'LS1 4AP'],
  ['vat', 'GB 980 7806 84', 'GB980780684'],
  ['vat', 'GB980780684', 'GB980780684'],
  ['vat', '980780684', '980780684'],
  ['vat', 'gb980780684', 'GB980780684'],
  ['vat', '980780684001', '980780684001'],
  ['vat', 'GB 980 7806 84 001', 'GB980780684001'],
  ['vat', '123456782', '123456782'], // mod 97
  ['vat', '123456727', '123456727'], // the "9755" series
  ['vat', 'GD001', 'GD001'],
  ['vat', 'GBGD499', 'GBGD499'],
  ['vat', 'HA500', 'HA500'],
  ['vat', 'gb ha999', 'GBHA999'],
  ['charity', '263710', '263710'],
  ['charity', '1053467', '1053467'],
  ['charity', '1053467-2', '1053467-2'],
  ['charity', 'SC012345', 'SC012345'],
  ['charity', 'SC045925', 'SC045925'],
  ['charity', 'sc 011602', 'SC011602'],
  ['charity', 'NIC100012', 'NIC100012'],
  ['charity', 'nic 100012', 'NIC100012'],
  ['charity', '100012', '100012'],
  ['gmc', '0123456', '0123456'],
  ['gmc', '012 3456', '0123456'],
  ['nmc', '12A3456B', '12A3456B'],
  ['nmc', '12a3456b', '12A3456B'],
  ['nmc', '12 A 3456 B', '12A3456B'],
  ['hcpc', 'PH123456', 'PH123456'],
  ['hcpc', 'PYL123456', 'PYL123456'],
  ['hcpc', 'CH12', 'CH12'],
  ['hcpc', 'HAD1234', 'HAD1234'],
  ['hcpc', 'SL1', 'SL1'],
  ['hcpc', 'ph 123456', 'PH123456'],
  ['gphc', '2012345', '2012345'],
  ['gphc', '201 2345', '2012345'],
  ['ico', 'Z1234567', 'Z1234567'],
  ['ico', 'ZA123456', 'ZA123456'],
  ['ico', 'Z5347709', 'Z5347709'],
  ['ico', 'ZA198500', 'ZA198500'],
  ['ico', 'za 768727', 'ZA768727'],
  ['duns', '123456789', '123456789'],
  ['duns', '12 345 6789', '123456789'],
];

// [kind, as typed]
const invalidCases: [IdentifierKind, string][] = [
  ['ods-practice', 'RA7'],
  ['ods-practice', 'A8100'],
  ['ods-practice', 'AB1001'],
  ['ods-practice', '181001'],
  ['ods-organisation', 'AB'],
  ['ods-organisation', 'A8100100'],
  ['ods-organisation', 'RA-7'],
  ['companies-house', 'XX123456'],
  ['companies-house', 'AB123456'],
  ['companies-house', 'SC12345'],
  ['companies-house', 'OC30000'],
  ['companies-house', '123456789'],
  ['cqc-id', '1-12345678'],
  ['cqc-id', '1-123456789012'],
  ['cqc-id', '101726253'],
  ['cqc-id', '2-101726253'],
  ['cqc-id', 'RGT'],
  ['postcode', 'BFPO 1234'],
  ['postcode', 'bfpo57'],
  ['postcode', 'SW1A'],
  ['postcode', 'SW1A 1A'],
  ['postcode', 'SW1A 1AAA'],
  ['postcode', 'AI1 1AA'],
  ['postcode', '12345'],
  ['vat', '802311781'],
  ['vat', '802311781000'],
  ['vat', 'GB98078068'],
  ['vat', '98078068401'],
  ['vat', 'GD500'],
  ['vat', 'HA499'],
  ['vat', 'XI980780684'],
  ['charity', '12345'],
  ['charity', '12345678'],
  ['charity', '1053467-1234'],
  ['charity', 'SC112345'],
  ['charity', 'NIC200012'],
  ['gmc', '123456'],
  ['gmc', '01234567'],
  ['gmc', 'C0123456'],
  ['nmc', '12A3456'],
  ['nmc', '1A23456B'],
  ['nmc', '123456789'],
  ['hcpc', 'XX123'],
  ['hcpc', 'PH1234567'],
  ['hcpc', 'PH'],
  ['hcpc', '123456'],
  ['gphc', '201234'],
  ['gphc', 'G201234'],
  ['ico', 'Z12345'],
  ['ico', 'Z12345678'],
  ['ico', 'A1234567'],
  ['ico', 'ZAB123456'],
  ['duns', '12345678'],
  ['duns', '1234567890'],
  ['duns', 'ABCDEFGHI'],
  ...kinds.map((kind): [IdentifierKind, string] => [kind, '']),
  ...kinds.map((kind): [IdentifierKind, string] => [kind, '   ']),
];

describe('validateIdentifier', () => {
  it.each(validCases)('%s accepts %j as %j', (kind, raw, value) => {
    expect(validateIdentifier(kind, raw)).toEqual({ valid: true, value });
  });

  it.each(invalidCases)('%s rejects %j with a message showing an example', (kind, raw) => {
    const result = validateIdentifier(kind, raw);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.value).toBe(normaliseIdentifier(kind, raw));
    expect(result.message).not.toBe('');
    expect(result.message).toContain(`like ${examples[kind]}`);
  });

  it('has a valid and an invalid case for every kind', () => {
    for (const kind of kinds) {
      expect(validCases.some(([k]) => k === kind)).toBe(true);
      expect(invalidCases.some(([k, raw]) => k === kind && raw.trim() !== '')).toBe(true);
    }
  });

  it('accepts the example each message shows', () => {
    for (const kind of kinds) expect(validateIdentifier(kind, examples[kind]).valid).toBe(true);
  });

  it('says what the format is', () => {
    expect(validateIdentifier('cqc-id', '1-123')).toEqual({
      valid: false,
      value: '1-123',
      message: 'Enter a CQC ID in the right format, like 1-101726253 (1- followed by 9 to 11 digits)',
    });
  });

  it('asks for a value when the input is empty', () => {
    const result = validateIdentifier('ods-organisation', '');
    expect(result).toEqual({ valid: false, value: '', message: 'Enter an ODS code, like RA7' });
  });

  it('explains that BFPO addresses cannot be used', () => {
    const result = validateIdentifier('postcode', 'BFPO 1234');
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.message).toMatch(/BFPO/);
  });

  it('tells a VAT number that fails the checksum from one in the wrong format', () => {
    const checksum = validateIdentifier('vat', '802311781');
    const shape = validateIdentifier('vat', '80231178');
    expect(checksum.valid || shape.valid).toBe(false);
    if (!checksum.valid && !shape.valid) {
      expect(checksum.message).toMatch(/^Enter a real VAT registration number/);
      expect(shape.message).toMatch(/in the right format/);
    }
  });
});

describe('normaliseIdentifier', () => {
  it.each<[IdentifierKind, string, string]>([
    ['ods-practice', '  a81001\t', 'A81001'],
    ['ods-organisation', 'r a 7', 'RA7'],
    ['companies-house', '445790', '00445790'],
    ['companies-house', ' 4457 90 ', '00445790'],
    ['companies-house', '1', '00000001'],
    ['companies-house', '12345678', '12345678'],
    ['companies-house', '123456789', '123456789'],
    ['companies-house', 'sc123456', 'SC123456'],
    ['cqc-id', '1 - 101726253', '1-101726253'],
    ['postcode', 'sw1a1aa', 'SW1A 1AA'],
    ['postcode', '  Sw1A   1aA ', 'SW1A 1AA'],
    ['postcode', 'm11ae', 'M1 1AE'],
    ['postcode', 'gir0aa', 'GIR 0AA'],
    ['postcode', 'sw1a', 'SW1A'],
    ['vat', 'gb 980 7806 84', 'GB980780684'],
    ['vat', '980 7806 84', '980780684'],
    ['charity', '1053467 - 2', '1053467-2'],
    ['charity', 'nic 100012', 'NIC100012'],
    ['gmc', '012 3456', '0123456'],
    ['nmc', '12a 3456b', '12A3456B'],
    ['hcpc', 'pyl 123456', 'PYL123456'],
    ['gphc', ' 2012345 ', '2012345'],
    ['ico', 'za123456', 'ZA123456'],
    ['duns', '123 456 789', '123456789'],
    ['duns', '', ''],
  ])('%s turns %j into %j', (kind, raw, expected) => {
    expect(normaliseIdentifier(kind, raw)).toBe(expected);
  });
});

describe('identifierLabel', () => {
  it.each<[IdentifierKind, string]>([
    ['cqc-id', 'CQC ID'],
    ['ods-organisation', 'ODS code'],
    ['companies-house', 'Companies House number'],
    ['vat', 'VAT registration number'],
  ])('calls %s a %j', (kind, label) => {
    expect(identifierLabel(kind)).toBe(label);
  });

  it('gives every kind a label', () => {
    for (const kind of kinds) expect(identifierLabel(kind)).not.toBe('');
  });
});
