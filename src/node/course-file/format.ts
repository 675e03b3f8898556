import { z } from 'zod';

/**
 * The file layout's constants. docs/course-file.md explains each one; changing any of them is a new
 * format version, because readers in the field compute offsets from them.
 */
export const MAGIC = Buffer.from('PLENUMCF', 'ascii');

/**
 * The format version this build writes and the newest it can read. Format 2 keeps two copies of the header
 * region, so rewriting the header (adding or removing a password) survives a power cut; format 1 files (one copy)
 * stay readable.
 */
export const FORMAT_VERSION = 2;

/** The oldest format this build reads. */
export const OLDEST_FORMAT_VERSION = 1;

/** How many copies of the header region a format keeps, back to back from offset 0. */
export function headerCopies(version: number): 1 | 2 {
  return version >= 2 ? 2 : 1;
}

/** Bytes before the header JSON: magic (8), version (2), reserved (2), region size (4), JSON length (4). */
export const PREAMBLE_SIZE = 20;

/** The header region's two trailing digests: SHA-256 (accidental damage) then HMAC-SHA-256 (tampering). */
export const DIGEST_SIZE = 32;

/**
 * The header lives in a fixed-size region so that adding or removing a password rewrites only the header in
 * place. 16 KiB holds about 60 key slots (one is about 250 bytes of JSON), more than MAX_KEY_SLOTS.
 */
export const DEFAULT_HEADER_REGION_SIZE = 16 * 1024;

/** Readers refuse regions outside these bounds before allocating anything (a damaged size field). */
export const MIN_HEADER_REGION_SIZE = 4 * 1024;
export const MAX_HEADER_REGION_SIZE = 1024 * 1024;

/** 1 MiB chunks: measured here, a random 1 MiB chunk decrypts in about 0.6 ms, small next to a segment. */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MIN_CHUNK_SIZE = 1024;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;

/** AES-GCM: a random 96-bit IV before each chunk's ciphertext and a 128-bit tag after it. */
export const IV_SIZE = 12;
export const TAG_SIZE = 16;
export const CHUNK_OVERHEAD = IV_SIZE + TAG_SIZE;

/** The content key and every derived key are 256-bit. */
export const KEY_SIZE = 32;

/** Random per file; bound into every chunk so chunks from another course file never authenticate. */
export const FILE_ID_SIZE = 16;

/** The index (the table of entries) is stored as entry 0; course entries are numbered from 1. */
export const INDEX_ENTRY_ID = 0;

/** Entry names are relative, slash-separated and plain, so they can appear in a URL path unescaped. */
export const ENTRY_NAME_PATTERN = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** scrypt's cost: N=2^17, r=8, p=1 took 450-480 ms here, inside the 0.3-1 s an unlock may take. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * The lowest cost a slot may have: tests and the benchmarks write slots this cheap (about 1 ms); below it a
 * password guess costs nothing, so no Plenum writes such slots and readers refuse them.
 */
export const MIN_SCRYPT_N = 2 ** 10;

/**
 * The public header is authenticated only once unlocked, so anyone can write key slots into it: these caps
 * bound what one unlock can cost, whatever the header says. One slot may cost at most twice what the packer
 * writes (time N*r*p, memory 128*N*r bytes: 256 MiB at most), a file has at most MAX_KEY_SLOTS slots, and all
 * slots together at most MAX_KEY_SLOTS default slots, so a wrong password costs no more than a full file of
 * ordinary slots. A header above any cap was made by another tool and is refused before any KDF runs.
 */
export const MAX_SCRYPT_N = 2 ** 18;
export const MAX_SCRYPT_R = 8;
export const MAX_SCRYPT_P = 2;
/** The cost unit: scrypt's time grows with N * r * p. */
export function scryptWork(kdf: { N: number; r: number; p: number }): number {
  return kdf.N * kdf.r * kdf.p;
}
export const MAX_SLOT_WORK = 2 * scryptWork(DEFAULT_SCRYPT);
export const MAX_KEY_SLOTS = 32;
export const MAX_TOTAL_WORK = MAX_KEY_SLOTS * scryptWork(DEFAULT_SCRYPT);

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The scrypt parameters stored in one key slot. */
export const scryptParamsSchema = z.strictObject({
  name: z.literal('scrypt'),
  // Structure only (safe integers, N a power of two); the costs themselves are capped by checkSlotCosts, so a
  // header over the caps is named "made by another tool" rather than "damaged".
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 40)
    .refine((n) => Number.isInteger(Math.log2(n)), 'N must be a power of two'),
  r: z
    .number()
    .int()
    .min(1)
    .max(2 ** 20),
  p: z
    .number()
    .int()
    .min(1)
    .max(2 ** 20),
  salt: base64,
});

/** One key slot: the content key wrapped (AES-256-GCM) under a key derived from one password. */
export const keySlotSchema = z.strictObject({
  id: z.string().regex(/^[a-f0-9]{8}$/),
  createdAt: z.string(),
  kdf: scryptParamsSchema,
  iv: base64,
  wrappedKey: base64,
  tag: base64,
});

/** Where the encrypted index sits and how long its plaintext is. */
export const indexLocationSchema = z.strictObject({
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
});

/** The public header: readable without a password, authenticated (HMAC) once unlocked. */
export const headerSchema = z.strictObject({
  format: z.number().int().positive(),
  fileId: base64,
  createdAt: z.string(),
  createdBy: z.string(),
  course: z.strictObject({ id: z.string(), title: z.string(), language: z.string() }),
  chunkSize: z.number().int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
  dataOffset: z.number().int().positive(),
  fileSize: z.number().int().positive(),
  index: indexLocationSchema,
  slots: z.array(keySlotSchema).min(1),
  /** Format 2: raised by one at every header rewrite; of two intact header copies the higher one is current. */
  generation: z.number().int().nonnegative().optional(),
});

/** The scrypt parameters of a key slot. */
export type ScryptParams = z.infer<typeof scryptParamsSchema>;
/** One key slot of the header. */
export type KeySlot = z.infer<typeof keySlotSchema>;
/** The public header of a course file. */
export type CourseFileHeader = z.infer<typeof headerSchema>;

/** One entry of the (encrypted) index. */
export const indexEntrySchema = z.strictObject({
  name: z.string().regex(ENTRY_NAME_PATTERN),
  id: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
});

/** The encrypted table of entries, stored as entry 0 at the end of the file. */
export const indexSchema = z.strictObject({ entries: z.array(indexEntrySchema) });

/** An entry as the index records it. */
export type IndexEntry = z.infer<typeof indexEntrySchema>;

/** Whether a name may name an entry: relative, slash-separated, no empty, `.` or `..` segments. */
export function isValidEntryName(name: string): boolean {
  return ENTRY_NAME_PATTERN.test(name);
}

/** How many chunks an entry of `size` bytes takes: at least one, so even an empty entry is authenticated. */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** Bytes an entry of `size` plaintext bytes takes on disk. */
export function storedSize(size: number, chunkSize: number): number {
  return size + chunkCount(size, chunkSize) * CHUNK_OVERHEAD;
}
