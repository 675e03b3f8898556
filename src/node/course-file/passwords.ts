import { CourseFileError } from './course-file-error';
import type { CourseFileHeader, KeySlot } from './format';
import { openCourseHandle, readHeader } from './file-access';
import { encodeHeaderRegion, verifyHeaderMac } from './header-codec';
import { createKeySlot, DEFAULT_SCRYPT_COST, unlockAnySlot, type ScryptCost } from './key-slots';
import { deriveSubkeys } from './subkeys';

/** Which slot to remove: the one a password opens, or one named by id (authorised by any valid password). */
export type SlotSelector = { by: 'password'; password: string } | { by: 'id'; id: string };

/** A key slot as `inspect` and `passwords list` show it: no secret material. */
export interface SlotSummary {
  id: string;
  createdAt: string;
  kdf: string;
}

/** Summarises the header's key slots for display. */
export function summariseSlots(slots: readonly KeySlot[]): SlotSummary[] {
  return slots.map((slot) => ({
    id: slot.id,
    createdAt: slot.createdAt,
    kdf: `scrypt N=2^${Math.log2(slot.kdf.N)} r=${slot.kdf.r} p=${slot.kdf.p}`,
  }));
}

/**
 * Adds a password: a new key slot wrapping the same content key. Only the header region is rewritten, in place
 * and in one write, followed by fsync; the encrypted content is not touched.
 */
export async function addPassword(
  path: string,
  currentPassword: string,
  newPassword: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<SlotSummary> {
  return rewriteHeader(path, currentPassword, async (header, contentKey, fileId) => {
    const slot = await createKeySlot(newPassword, contentKey, fileId, cost);
    return { header: { ...header, slots: [...header.slots, slot] }, result: summariseSlots([slot])[0]! };
  });
}

/** Removes one key slot; refuses to remove the last, which would lock everyone out for good. */
export async function removePassword(
  path: string,
  authorisingPassword: string,
  which: SlotSelector,
): Promise<SlotSummary> {
  return rewriteHeader(path, authorisingPassword, async (header, _contentKey, fileId) => {
    let targetId = which.by === 'id' ? which.id : '';
    if (which.by === 'password') {
      const opened = await unlockAnySlot(which.password, header.slots, fileId);
      if (!opened) throw new CourseFileError({ kind: 'wrong-password' });
      targetId = opened.slot.id;
    }
    const removed = header.slots.find((slot) => slot.id === targetId);
    if (!removed) throw new CourseFileError({ kind: 'wrong-password' });
    if (header.slots.length === 1) throw new CourseFileError({ kind: 'last-password' });
    const slots = header.slots.filter((slot) => slot.id !== targetId);
    return { header: { ...header, slots }, result: summariseSlots([removed])[0]! };
  });
}

/** Unlocks the header with `password`, lets `change` produce a new header, and writes it back in place. */
async function rewriteHeader<T>(
  path: string,
  password: string,
  change: (
    header: CourseFileHeader,
    contentKey: Buffer,
    fileId: Buffer,
  ) => Promise<{ header: CourseFileHeader; result: T }>,
): Promise<T> {
  const handle = await openCourseHandle(path, 'r+');
  try {
    const { size } = await handle.stat();
    const { header, region } = await readHeader(handle, size);
    const fileId = Buffer.from(header.fileId, 'base64');
    const opened = await unlockAnySlot(password, header.slots, fileId);
    if (!opened) throw new CourseFileError({ kind: 'wrong-password' });
    const keys = deriveSubkeys(opened.contentKey, fileId);
    if (!verifyHeaderMac(region, keys.headerMac))
      throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
    const { header: next, result } = await change(header, opened.contentKey, fileId);
    let encoded: Buffer;
    try {
      encoded = encodeHeaderRegion(next, keys.headerMac, region.length);
    } catch (cause) {
      if (cause instanceof RangeError) {
        throw new CourseFileError({ kind: 'too-many-passwords', max: header.slots.length }, { cause });
      }
      throw cause;
    }
    await handle.write(encoded, 0, encoded.length, 0);
    await handle.sync();
    return result;
  } finally {
    await handle.close();
  }
}
