import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourseFileError, CourseFileWriter, openCourseBuffer } from '../../src/node/course-file';
import { DIGEST_SIZE, PREAMBLE_SIZE } from '../../src/node/course-file/format';
import { median } from './measure';

/** Runs per family of inputs; four families, so 12,000 cases in all. */
const RUNS_PER_FAMILY = 3000;
/**
 * A case slower than this counts as a failure: no header may make an unlock take minutes. Legitimately the
 * slowest is a wrong password against 32 slots at the packer's cost (about 13-23 s measured here).
 */
const CASE_LIMIT_MS = 60_000;
const REGION = 4096;
const PASSWORD = 'fuzz';

/**
 * `npm run fuzz`: throws malformed course files at the header parser and the unlock behind it, in memory.
 * Every case must end in the file opening as the original (a torn copy survived by the other) or in a
 * CourseFileError, a typed problem; a raw exception, or a case slower than CASE_LIMIT_MS, is a failure.
 * Not part of `npm test`: it prints its figures and exits 1 on the first failure (with fast-check's
 * shrunk counterexample).
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-fuzz-'));
  try {
    const path = join(dir, 'seed.plenum');
    const writer = await CourseFileWriter.create(path, {
      course: { id: 'fuzz', title: 'Fuzz «kurs»', language: 'nb' },
      passwords: [PASSWORD, 'second'],
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
      chunkSize: 1024,
      headerRegionSize: REGION,
    });
    await writer.addEntry('manifest.json', Buffer.from('{"id":"fuzz"}'));
    await writer.addEntry('media/seg-00000.m4s', Buffer.alloc(3000, 7));
    await writer.finish();
    const seed = readFileSync(path);
    const seedHeader = JSON.parse(
      seed.subarray(PREAMBLE_SIZE, PREAMBLE_SIZE + seed.readUInt32BE(16)).toString('utf8'),
    ) as Record<string, unknown>;

    const stats = {
      cases: 0,
      opened: 0,
      unlocked: 0,
      problems: new Map<string, number>(),
      times: [] as number[],
    };
    const check = async (bytes: Buffer): Promise<boolean> => {
      const started = performance.now();
      try {
        const locked = await openCourseBuffer(bytes);
        stats.opened += 1;
        const file = await locked.unlock(PASSWORD);
        await file.verify();
        await file.close();
        stats.unlocked += 1;
      } catch (error) {
        if (!(error instanceof CourseFileError)) {
          console.error('raw exception:', error);
          return false;
        }
        stats.problems.set(error.problem.kind, (stats.problems.get(error.problem.kind) ?? 0) + 1);
      } finally {
        stats.cases += 1;
        stats.times.push(performance.now() - started);
      }
      return stats.times[stats.times.length - 1]! < CASE_LIMIT_MS;
    };

    const families: Array<[string, fc.Arbitrary<Buffer>]> = [
      ['random bytes, sometimes behind the magic', randomFiles()],
      ['the seed with bytes overwritten in the headers', overwrittenHeaders(seed)],
      ['header JSON edited and resealed in both copies', editedJson(seed, seedHeader)],
      ['preamble fields, truncations and appended bytes', preambleAndLength(seed)],
    ];
    const started = performance.now();
    for (const [name, arbitrary] of families) {
      const before = stats.cases;
      const familyStart = performance.now();
      await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: RUNS_PER_FAMILY });
      const seconds = (performance.now() - familyStart) / 1000;
      console.log(`${name}: ${stats.cases - before} cases in ${seconds.toFixed(1)} s`);
    }
    const times = stats.times;
    console.log(
      `\n${stats.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${stats.opened} opened without a password, ${stats.unlocked} unlocked and verified, ` +
        `the rest refused with a typed problem; per case median ${median(times).toFixed(2)} ms, ` +
        `max ${Math.max(...times).toFixed(1)} ms; ${times.filter((ms) => ms > 1000).length} over 1 s ` +
        '(headers whose many or dear slots are within the caps: a wrong password costs each of them)',
    );
    console.log(
      'problems:',
      [...stats.problems.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reseals a header copy's SHA-256, as anyone can (it has no key), so the parser behind it is reached. */
function reseal(bytes: Buffer, copyStart: number): void {
  const shaAt = copyStart + REGION - 2 * DIGEST_SIZE;
  createHash('sha256').update(bytes.subarray(copyStart, shaAt)).digest().copy(bytes, shaAt);
}

function randomFiles(): fc.Arbitrary<Buffer> {
  return fc
    .tuple(fc.uint8Array({ maxLength: 3 * REGION }), fc.boolean())
    .map(([body, withMagic]) =>
      withMagic ? Buffer.concat([Buffer.from('PLENUMCF'), Buffer.from(body)]) : Buffer.from(body),
    );
}

function overwrittenHeaders(seed: Buffer): fc.Arbitrary<Buffer> {
  const edit = fc.record({
    at: fc.nat(2 * REGION - 1),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  });
  return fc
    .tuple(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom('none', 'first', 'both'))
    .map(([edits, resealed]) => {
      const bytes = Buffer.from(seed);
      for (const { at, bytes: values } of edits) Buffer.from(values).copy(bytes, at);
      if (resealed !== 'none') reseal(bytes, 0);
      if (resealed === 'both') reseal(bytes, REGION);
      return bytes;
    });
}

function editedJson(seed: Buffer, header: Record<string, unknown>): fc.Arbitrary<Buffer> {
  const keys = Object.keys(header);
  const slot = (header.slots as Record<string, unknown>[])[0]!;
  const kdf = slot.kdf as Record<string, unknown>;
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.integer(),
    fc.constantFrom(2 ** 10, 2 ** 17, 2 ** 18, 2 ** 20, 2 ** 31, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
  );
  const text = fc.oneof(
    // A field of the header replaced by anything.
    fc.tuple(fc.constantFrom(...keys), value).map(([key, v]) => JSON.stringify({ ...header, [key]: v })),
    // A KDF parameter of the first slot replaced, and the slot repeated 1..80 times.
    fc
      .tuple(fc.constantFrom('N', 'r', 'p', 'salt', 'name'), value, fc.integer({ min: 1, max: 80 }))
      .map(([key, v, count]) =>
        JSON.stringify({
          ...header,
          slots: Array.from({ length: count }, (_, index) => ({
            ...slot,
            id: index.toString(16).padStart(8, '0'),
            kdf: { ...kdf, [key]: v },
          })),
        }),
      ),
    // Any JSON text at all, and text cut short.
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.nat(2000).map((cut) => JSON.stringify(header).slice(0, cut)),
    fc.string({ maxLength: 200 }),
  );
  return text.map((json) => {
    const bytes = Buffer.from(seed);
    const body = Buffer.from(json, 'utf8').subarray(0, REGION - PREAMBLE_SIZE - 2 * DIGEST_SIZE);
    for (const copy of [0, REGION]) {
      bytes.fill(0, copy + PREAMBLE_SIZE, copy + REGION - 2 * DIGEST_SIZE);
      bytes.writeUInt32BE(body.length, copy + 16);
      body.copy(bytes, copy + PREAMBLE_SIZE);
      reseal(bytes, copy);
    }
    return bytes;
  });
}

function preambleAndLength(seed: Buffer): fc.Arbitrary<Buffer> {
  return fc
    .record({
      version: fc.option(fc.integer({ min: 0, max: 0xffff })),
      region: fc.option(fc.oneof(fc.nat(), fc.constantFrom(0, 4095, 4096, 4097, 8192, 2 ** 20, 2 ** 32 - 1))),
      jsonLength: fc.option(fc.oneof(fc.nat(), fc.constantFrom(0, 4031, 4032, 4033, 2 ** 32 - 1))),
      keep: fc.option(fc.nat(seed.length + 100)),
      extra: fc.uint8Array({ maxLength: 50 }),
    })
    .map(({ version, region, jsonLength, keep, extra }) => {
      let bytes = Buffer.from(seed);
      for (const copy of [0, REGION]) {
        if (version !== null) bytes.writeUInt16BE(version, copy + 8);
        if (region !== null) bytes.writeUInt32BE(region >>> 0, copy + 12);
        if (jsonLength !== null) bytes.writeUInt32BE(jsonLength >>> 0, copy + 16);
        reseal(bytes, copy);
      }
      if (keep !== null) bytes = bytes.subarray(0, Math.min(keep, bytes.length));
      return Buffer.concat([bytes, Buffer.from(extra)]);
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
