// @vitest-environment node
// A corpus of 520 hostile backup files, generated from a seeded PRNG so every run is the same:
// prototype keys (plain and escaped), deep nesting, huge strings, wrong types, unknown keys,
// broken references, truncated files, garbage, tampered encrypted envelopes and oversized files.
// Each must be refused with a message saying what is wrong; no exception may escape, no prototype
// may change, and the database must be exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBackupChars, maxEncryptedBackupChars, backupFormatVersion } from '@/domain/backup/backup-format';
import { exportBackup } from '@/storage/backup';
import { encryptBackupText } from '@/storage/backup-crypto';
import { importBackup, readBackup } from '@/storage/backup-import';
import { dexieBackend, makeApplication, makeProfile, seededRandom } from '../helpers/storage-fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rng = () => number;
interface Case {
  readonly kind: string;
  readonly text: string;
  /** What the refusal must mention. */
  readonly says: RegExp;
  readonly passphrase?: string;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
};
const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

/** Every path to a value in a JSON document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i): [number, Json] => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

function setAt(doc: Json, path: readonly (string | number)[], value: Json): Json {
  const copy = clone(doc);
  let node: Json = copy;
  for (const key of path.slice(0, -1))
    node = Array.isArray(node) ? (node[Number(key)] ?? null) : isObject(node) ? (node[key] ?? null) : null;
  const last = path[path.length - 1];
  if (Array.isArray(node)) node[Number(last)] = value;
  else if (isObject(node) && last !== undefined) node[last] = value;
  return copy;
}

const marker = '"__hostile_marker__"';
/** Adds a raw `"key": value` to a random object in the document (JSON.stringify cannot write __proto__). */
function injectEntry(rng: Rng, doc: Json, rawKey: string, rawValue: string): string {
  const objects = [[], ...paths(doc)].filter((p) => {
    let node: Json = doc;
    for (const key of p)
      node = Array.isArray(node) ? (node[Number(key)] ?? null) : isObject(node) ? (node[key] ?? null) : null;
    return isObject(node);
  });
  const target = pick(rng, objects);
  const marked = setAt(doc, [...target, '__hostile_marker__'], 0);
  return JSON.stringify(marked).replace(`${marker}:0`, `${rawKey}:${rawValue}`);
}

function otherType(rng: Rng, original: Json): Json {
  // Numbers, booleans and null are never valid where the schema wants a string, list or object,
  // and nothing but a number is valid where it wants a number: every swap is invalid.
  if (typeof original === 'number') return pick(rng, ['3', true, null, [1], { n: 1 }] as Json[]);
  return pick(rng, [0, -1, 1.5, true, false, null] as Json[]);
}

function generate(rng: Rng, base: Json, baseText: string, envelope: Json): Case[] {
  const all = paths(base);
  const cases: Case[] = [];
  const generators: (() => Case)[] = [
    () => {
      const key = pick(rng, [
        '"__proto__"',
        '"constructor"',
        '"prototype"',
        '"\\u005f\\u005fproto\\u005f\\u005f"',
        '"construct\\u006fr"',
      ]);
      const value = pick(rng, [
        '{"polluted":"yes"}',
        '{"prototype":{"polluted":"yes"}}',
        '"polluted"',
        '[{"polluted":1}]',
      ]);
      return {
        kind: 'prototype key',
        text: injectEntry(rng, base, key, value),
        says: /contains a field named "(__proto__|constructor|prototype)"/,
      };
    },
    () => {
      const depth = pick(rng, [30, 100, 1000, 10_000, 100_000]);
      const nested =
        rng() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      return { kind: 'deep nesting', text: injectEntry(rng, base, '"deep"', nested), says: /nested far more deeply/ };
    },
    () => {
      const [path, max] = pick(rng, [
        [['profiles', 0, 'name'], 500],
        [['applications', 0, 'id'], 64],
        [['applications', 0, 'advert', 'reference'], 500],
        [['applications', 0, 'answers', 'svc.premises'], 200_000],
        [['evidence', 0, 'meta', 'name'], 255],
      ] as const);
      const long = 'x'.repeat(max + 1 + Math.floor(rng() * 300_000));
      return { kind: 'huge string', text: JSON.stringify(setAt(base, path, long)), says: /Too big|too long to save/ };
    },
    () => {
      const path = pick(rng, all);
      let original: Json = base;
      for (const key of path)
        original = Array.isArray(original)
          ? (original[Number(key)] ?? null)
          : isObject(original)
            ? (original[key] ?? null)
            : null;
      return {
        kind: 'wrong type',
        text: JSON.stringify(setAt(base, path, otherType(rng, original))),
        says: /not a backup this app can import: .+/,
      };
    },
    () => {
      const key = JSON.stringify('X'.repeat(121 + Math.floor(rng() * 50)));
      return {
        kind: 'unknown key',
        text: injectEntry(rng, base, key, '"extra"'),
        says: /not a backup this app can import/,
      };
    },
    () => {
      const breakage = pick(rng, [
        () => setAt(base, ['applications', 1, 'id'], 'application-1'),
        () => setAt(base, ['evidence', 0, 'meta', 'profileId'], 'nobody'),
        () => setAt(base, ['evidence', 0, 'meta', 'size'], 999),
        () => setAt(base, ['evidence', 0, 'meta', 'sha256'], 'f'.repeat(64)),
        () => setAt(base, ['evidence', 0, 'data'], 'not base64!'),
        () => setAt(base, ['formatVersion'], backupFormatVersion + 1),
        () => setAt(base, ['format'], 'someone-elses-backup'),
        () =>
          setAt(
            base,
            ['applications'],
            Array.from({ length: 201 }, (_, i) => ({ id: `a${i}` })),
          ),
      ]);
      return {
        kind: 'broken rule',
        text: JSON.stringify(breakage()),
        says: /(not a backup this app can import|damaged)/,
      };
    },
    () => ({
      kind: 'truncated',
      text: baseText.slice(0, 1 + Math.floor(rng() * (baseText.length - 2))),
      says: /not a complete backup|cut short/,
    }),
    () => {
      const length = Math.floor(rng() * 2000);
      const text = pick(rng, [
        () => Array.from({ length }, () => String.fromCharCode(Math.floor(rng() * 256))).join(''),
        () => pick(rng, ['', '   ', 'null', 'true', '0', '[]', '"backup"', '{}', '[{"format":"aqp-apply-backup"}]']),
        () => '{"format":"aqp-apply-backup","formatVersion":1' + ',"x":1'.repeat(length),
      ])();
      return { kind: 'garbage', text, says: /./ };
    },
    () => {
      const tamper = pick(rng, [
        () => setAt(envelope, ['kdf', 'iterations'], 1000),
        () => setAt(envelope, ['kdf', 'salt'], 'AAAA'),
        () => setAt(envelope, ['cipher', 'name'], 'AES-CBC'),
        () => setAt(envelope, ['data'], 'not base64!'),
        () => setAt(envelope, ['extra'], true),
      ]);
      return {
        kind: 'tampered envelope',
        text: JSON.stringify(tamper()),
        says: /not a backup this app can import/,
        passphrase: 'the passphrase',
      };
    },
    () => {
      const data = isObject(envelope) && typeof envelope['data'] === 'string' ? envelope['data'] : '';
      const flipped = (data[10] === 'A' ? 'B' : 'A') + data.slice(11);
      return {
        kind: 'changed ciphertext',
        text: JSON.stringify(setAt(envelope, ['data'], data.slice(0, 10) + flipped)),
        says: /passphrase is not right, or the file has been changed/,
        passphrase: 'the passphrase',
      };
    },
  ];
  for (let i = 0; i < 518; i += 1) cases.push(pick(rng, generators)());
  cases.push({ kind: 'too large for any backup', text: 'x'.repeat(maxEncryptedBackupChars + 1), says: /too large/ });
  cases.push({
    kind: 'too large for a plain backup',
    text: JSON.stringify(setAt(base, ['applications', 0, 'answers', 'svc.premises'], 'x'.repeat(maxBackupChars))),
    says: /larger than 100 MB/,
  });
  return cases;
}

describe('hostile backup files', () => {
  const backend = dexieBackend();
  let cases: Case[] = [];
  let snapshot = '';
  const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
  const prototypeKeys = prototypes.map((p) => Reflect.ownKeys(p).map(String).sort());

  const databaseNow = async () => {
    const result = await exportBackup(backend.repositories, { scope: { kind: 'all' }, now: () => new Date(0) });
    if (!result.ok) throw new Error(result.message);
    return result.text;
  };

  beforeAll(async () => {
    const { repositories } = backend;
    await repositories.profiles.create(makeProfile());
    await repositories.evidence.add(
      { profileId: 'profile-1', name: 'policy.txt', type: 'text/plain', questionIds: [] },
      new Blob(['policy']),
    );
    await repositories.applications.create(makeApplication());
    await repositories.applications.create(makeApplication({ id: 'application-2' }));
    snapshot = await databaseNow();
    const base = JSON.parse(snapshot) as Json;
    const envelope = JSON.parse(await encryptBackupText(snapshot, 'the passphrase')) as Json;
    expect((await readBackup(snapshot)).ok).toBe(true); // the unmodified file is accepted
    cases = generate(seededRandom(20261122), base, snapshot, envelope);
  }, 60_000);
  afterAll(() => backend.connection.close());

  it('has at least 500 files covering every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const kinds = new Set(cases.map((c) => c.kind));
    expect(kinds.size).toBe(12);
  });

  it('refuses every one with a message, changing no prototype and nothing in the database', async () => {
    const problems: string[] = [];
    for (const [i, c] of cases.entries()) {
      try {
        const input = i % 2 === 0 ? c.text : new Blob([c.text]);
        const result = await readBackup(input, c.passphrase === undefined ? {} : { passphrase: c.passphrase });
        if (result.ok) {
          await importBackup(backend.importTarget, result.backup, { onExisting: 'replace' });
          problems.push(`#${i} ${c.kind}: accepted`);
        } else if (!c.says.test(result.message) || result.message.length > 1000) {
          problems.push(`#${i} ${c.kind}: unexpected message: ${result.message.slice(0, 200)}`);
        }
      } catch (error) {
        problems.push(`#${i} ${c.kind}: threw ${String(error)}`);
      }
      if (({} as Record<string, unknown>)['polluted'] !== undefined)
        problems.push(`#${i} ${c.kind}: polluted Object.prototype`);
    }
    expect(problems).toEqual([]);
    expect(prototypes.map((p) => Reflect.ownKeys(p).map(String).sort())).toEqual(prototypeKeys);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(Reflect.get([], 'polluted')).toBeUndefined();
    expect(await databaseNow()).toBe(snapshot);
  }, 120_000);

  it('refuses a file larger than any backup before reading it', async () => {
    class HugeFile extends Blob {
      override get size() {
        return maxEncryptedBackupChars + 1;
      }
      override text(): Promise<string> {
        throw new Error('the file was read');
      }
    }
    expect(await readBackup(new HugeFile(['x']))).toEqual({ ok: false, message: expect.stringMatching(/too large/) });
  });
});
