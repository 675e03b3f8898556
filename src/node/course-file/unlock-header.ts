import { CourseFileError } from './course-file-error';
import type { HeaderCopy } from './file-access';
import { verifyHeaderMac } from './header-codec';
import { unlockAnySlot } from './key-slots';
import { deriveSubkeys, type Subkeys } from './subkeys';

/** A header copy a password opened and authenticated, with the keys it yields. */
export interface UnlockedHeader {
  copy: HeaderCopy;
  fileId: Buffer;
  contentKey: Buffer;
  keys: Subkeys;
  slotId: string;
}

/**
 * Opens the current header copy with `password` and authenticates it (HMAC). The key slots are only ever
 * taken from the current copy: an older copy may still hold a password that was removed. An older copy is
 * tried only when the current one's slots open but its HMAC fails, which a rewrite torn inside its last
 * sector can leave behind (new text and checksum, old HMAC); it is authenticated on its own.
 */
export async function unlockHeader(password: string, intact: readonly HeaderCopy[]): Promise<UnlockedHeader> {
  const tried: Buffer[] = [];
  for (const [place, copy] of intact.entries()) {
    // Identical copies (the usual case) give the same answer: one KDF pass for both.
    if (tried.some((region) => region.equals(copy.region))) continue;
    tried.push(copy.region);
    const fileId = Buffer.from(copy.header.fileId, 'base64');
    const opened = await unlockAnySlot(password, copy.header.slots, fileId);
    if (!opened) {
      if (place === 0) throw new CourseFileError({ kind: 'wrong-password' });
      continue;
    }
    const keys = deriveSubkeys(opened.contentKey, fileId);
    if (verifyHeaderMac(copy.region, keys.headerMac)) {
      return { copy, fileId, contentKey: opened.contentKey, keys, slotId: opened.slot.id };
    }
  }
  throw new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
}
