import { hkdfSync } from 'node:crypto';
import { KEY_SIZE } from './format';

/** The keys derived from one content key; each has one job, so no key is used for two purposes. */
export interface Subkeys {
  data: Buffer;
  headerMac: Buffer;
}

/** Derives the chunk key and the header MAC key from the content key with HKDF-SHA-256, salted by the file id. */
export function deriveSubkeys(contentKey: Buffer, fileId: Buffer): Subkeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', contentKey, fileId, info, KEY_SIZE));
  return { data: derive('plenum/v1/data'), headerMac: derive('plenum/v1/header-mac') };
}
