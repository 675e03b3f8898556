import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CourseFileError } from './course-file-error';
import {
  DIGEST_SIZE,
  FORMAT_VERSION,
  MAGIC,
  MAX_HEADER_REGION_SIZE,
  MIN_HEADER_REGION_SIZE,
  OLDEST_FORMAT_VERSION,
  PREAMBLE_SIZE,
  headerCopies,
  headerSchema,
  type CourseFileHeader,
} from './format';
import { foreignSlotsReason } from './slot-limits';

/** The fixed-size start of every course file, enough to decide whether to read the rest. */
export interface Preamble {
  version: number;
  regionSize: number;
  jsonLength: number;
}

/** Where a file's header copies are: the format version and the size of one header region. */
export interface HeaderLocation {
  version: number;
  regionSize: number;
}

/**
 * Reads magic, version and region size, the part of the preamble that no header rewrite ever changes (so a
 * torn rewrite of the first copy cannot hide where the second one is). Wrong magic means "not a course
 * file"; a higher version means "made by a newer Plenum"; an impossible size means damage. Checked in that
 * order so each person gets the right message.
 */
export function locateHeader(bytes: Buffer): HeaderLocation {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CourseFileError({ kind: 'not-a-course-file' });
  }
  if (bytes.length < PREAMBLE_SIZE) {
    throw new CourseFileError({ kind: 'truncated', expectedBytes: PREAMBLE_SIZE, actualBytes: bytes.length });
  }
  const version = bytes.readUInt16BE(8);
  if (version > FORMAT_VERSION) throw new CourseFileError({ kind: 'newer-version', version });
  const regionSize = bytes.readUInt32BE(12);
  if (
    version < OLDEST_FORMAT_VERSION ||
    regionSize < MIN_HEADER_REGION_SIZE ||
    regionSize > MAX_HEADER_REGION_SIZE
  ) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
  }
  return { version, regionSize };
}

/** Reads the whole preamble of one header copy: its location fields and its JSON length. */
export function decodePreamble(bytes: Buffer): Preamble {
  const { version, regionSize } = locateHeader(bytes);
  const jsonLength = bytes.readUInt32BE(16);
  if (jsonLength > regionSize - PREAMBLE_SIZE - 2 * DIGEST_SIZE) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
  }
  return { version, regionSize, jsonLength };
}

/**
 * Encodes the header region: preamble, JSON, zero padding, SHA-256 of all before it, then an HMAC over all
 * before it. Throws RangeError when the JSON does not fit (too many key slots).
 */
export function encodeHeaderRegion(header: CourseFileHeader, macKey: Buffer, regionSize: number): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (PREAMBLE_SIZE + json.length + 2 * DIGEST_SIZE > regionSize) {
    throw new RangeError(`header JSON of ${json.length} bytes does not fit a ${regionSize}-byte region`);
  }
  const region = Buffer.alloc(regionSize);
  MAGIC.copy(region, 0);
  region.writeUInt16BE(header.format, 8);
  region.writeUInt16BE(0, 10);
  region.writeUInt32BE(regionSize, 12);
  region.writeUInt32BE(json.length, 16);
  json.copy(region, PREAMBLE_SIZE);
  const shaAt = regionSize - 2 * DIGEST_SIZE;
  createHash('sha256').update(region.subarray(0, shaAt)).digest().copy(region, shaAt);
  headerMac(region, macKey).copy(region, regionSize - DIGEST_SIZE);
  return region;
}

/** The HMAC over the header region before its last 32 bytes. */
function headerMac(region: Buffer, macKey: Buffer): Buffer {
  return createHmac('sha256', macKey)
    .update(region.subarray(0, region.length - DIGEST_SIZE))
    .digest();
}

/**
 * Decodes a whole header region without a password: the SHA-256 catches accidental damage (so `inspect` can
 * say "damaged" without a password); the HMAC, which needs the key, is checked by `verifyHeaderMac`.
 */
export function decodeHeaderRegion(region: Buffer): CourseFileHeader {
  const preamble = decodePreamble(region);
  if (region.length !== preamble.regionSize) {
    throw new CourseFileError({
      kind: 'truncated',
      expectedBytes: preamble.regionSize,
      actualBytes: region.length,
    });
  }
  const shaAt = region.length - 2 * DIGEST_SIZE;
  const expected = createHash('sha256').update(region.subarray(0, shaAt)).digest();
  if (!timingSafeEqual(expected, region.subarray(shaAt, shaAt + DIGEST_SIZE))) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(region.subarray(PREAMBLE_SIZE, PREAMBLE_SIZE + preamble.jsonLength).toString('utf8'));
  } catch (cause) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } }, { cause });
  }
  const result = headerSchema.safeParse(parsed);
  if (
    !result.success ||
    result.data.format !== preamble.version ||
    result.data.dataOffset !== region.length * headerCopies(preamble.version) ||
    (preamble.version >= 2 && result.data.generation === undefined)
  ) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
  }
  const foreign = foreignSlotsReason(result.data.slots);
  if (foreign) throw new CourseFileError({ kind: 'made-elsewhere', reason: foreign });
  return result.data;
}

/** Checks the header's HMAC with the key from an unlocked slot: any edit to the header fails here. */
export function verifyHeaderMac(region: Buffer, macKey: Buffer): boolean {
  return timingSafeEqual(headerMac(region, macKey), region.subarray(region.length - DIGEST_SIZE));
}
