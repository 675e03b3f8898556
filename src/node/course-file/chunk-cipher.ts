import { createCipheriv, randomBytes, webcrypto } from 'node:crypto';
import { FILE_ID_SIZE, IV_SIZE, TAG_SIZE } from './format';

/** What a chunk is bound to: reordering, swapping, truncating or transplanting it breaks authentication. */
export interface ChunkPlace {
  fileId: Buffer;
  entryId: number;
  chunkIndex: number;
  last: boolean;
}

/** The chunk key as WebCrypto holds it (not extractable). */
export type ChunkKey = webcrypto.CryptoKey;

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

/**
 * Imports the chunk key for WebCrypto. Node runs WebCrypto's AES-GCM on libuv's thread pool, so several
 * chunks decrypt at once on separate cores while the main thread goes on serving (node:crypto's decipher
 * runs on the calling thread).
 */
export function importChunkKey(key: Buffer): Promise<ChunkKey> {
  return webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
}

/** Decrypts `iv | ciphertext | tag` off the main thread; null when it does not authenticate for that place. */
export async function decryptChunkAsync(
  key: ChunkKey,
  place: ChunkPlace,
  record: Buffer,
): Promise<Buffer | null> {
  if (record.length < IV_SIZE + TAG_SIZE) return null;
  try {
    const plain = await webcrypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: record.subarray(0, IV_SIZE),
        additionalData: chunkAad(place),
        tagLength: TAG_SIZE * 8,
      },
      key,
      // WebCrypto takes the ciphertext with the tag appended: exactly how a chunk record stores it.
      record.subarray(IV_SIZE),
    );
    return Buffer.from(plain);
  } catch {
    return null;
  }
}
