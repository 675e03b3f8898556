import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FILE_ID_SIZE, IV_SIZE, TAG_SIZE } from './format';

/** What a chunk is bound to: reordering, swapping, truncating or transplanting it breaks authentication. */
export interface ChunkPlace {
  fileId: Buffer;
  entryId: number;
  chunkIndex: number;
  last: boolean;
}

/** The additional authenticated data for one chunk: file id (16), entry id (u32), chunk index (u32), last (u8). */
export function chunkAad(place: ChunkPlace): Buffer {
  const aad = Buffer.alloc(FILE_ID_SIZE + 9);
  place.fileId.copy(aad, 0);
  aad.writeUInt32BE(place.entryId, FILE_ID_SIZE);
  aad.writeUInt32BE(place.chunkIndex, FILE_ID_SIZE + 4);
  aad.writeUInt8(place.last ? 1 : 0, FILE_ID_SIZE + 8);
  return aad;
}

/**
 * Encrypts one chunk into `iv | ciphertext | tag`. The IV is random: with a fresh key per file and a few
 * thousand chunks, a 96-bit collision is out of reach, and a random IV stays safe if a key were ever reused.
 */
export function encryptChunk(key: Buffer, place: ChunkPlace, plaintext: Uint8Array): Buffer {
  const iv = randomBytes(IV_SIZE);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(chunkAad(place));
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([iv, body, final, cipher.getAuthTag()]);
}

/** Decrypts `iv | ciphertext | tag`; returns null when it does not authenticate for that place. */
export function decryptChunk(key: Buffer, place: ChunkPlace, record: Uint8Array): Buffer | null {
  if (record.length < IV_SIZE + TAG_SIZE) return null;
  const iv = record.subarray(0, IV_SIZE);
  const tag = record.subarray(record.length - TAG_SIZE);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(chunkAad(place));
  decipher.setAuthTag(tag);
  const body = decipher.update(record.subarray(IV_SIZE, record.length - TAG_SIZE));
  try {
    return body.length === 0 ? decipher.final() : Buffer.concat([body, decipher.final()]);
  } catch {
    return null;
  }
}
