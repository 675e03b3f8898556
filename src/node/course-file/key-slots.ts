import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { DEFAULT_SCRYPT, IV_SIZE, KEY_SIZE, type KeySlot, type ScryptParams } from './format';

/** The scrypt cost to use for new slots; tests pass a cheap one, the CLI the default. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost new key slots get unless a caller asks otherwise (see DEFAULT_SCRYPT for why). */
export const DEFAULT_SCRYPT_COST: ScryptCost = DEFAULT_SCRYPT;

/** Derives the key-encryption key from a password; async, so an unlock never blocks main's event loop. */
export function deriveSlotKey(password: string, kdf: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below the default cost's 128 MiB.
  const maxmem = 256 * kdf.N * kdf.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_SIZE,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Binds a slot's wrapped key to this file and to the slot's own parameters, so neither can be swapped. */
function slotAad(fileId: Buffer, slot: Pick<KeySlot, 'id' | 'kdf'>): Buffer {
  const { name, N, r, p, salt } = slot.kdf;
  return Buffer.concat([fileId, Buffer.from(JSON.stringify([slot.id, name, N, r, p, salt]), 'utf8')]);
}

/** Creates a key slot that unwraps `contentKey` with `password`. */
export async function createKeySlot(
  password: string,
  contentKey: Buffer,
  fileId: Buffer,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
  now: Date = new Date(),
): Promise<KeySlot> {
  const kdf: ScryptParams = {
    name: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(16).toString('base64'),
  };
  const id = randomBytes(4).toString('hex');
  const kek = await deriveSlotKey(password, kdf);
  const iv = randomBytes(IV_SIZE);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(slotAad(fileId, { id, kdf }));
  const wrapped = Buffer.concat([cipher.update(contentKey), cipher.final()]);
  return {
    id,
    createdAt: now.toISOString(),
    kdf,
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Unwraps the content key from one slot; null when the password does not open it. */
export async function openKeySlot(password: string, slot: KeySlot, fileId: Buffer): Promise<Buffer | null> {
  const kek = await deriveSlotKey(password, slot.kdf);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
  decipher.setAAD(slotAad(fileId, slot));
  decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
  try {
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
    return key.length === KEY_SIZE ? key : null;
  } catch {
    return null;
  }
}

/**
 * Finds the slot `password` opens. Every slot is tried (like LUKS), so an unlock costs one KDF run per slot
 * tried; slots are few (one per institution).
 */
export async function unlockAnySlot(
  password: string,
  slots: readonly KeySlot[],
  fileId: Buffer,
): Promise<{ contentKey: Buffer; slot: KeySlot } | null> {
  for (const slot of slots) {
    const contentKey = await openKeySlot(password, slot, fileId);
    if (contentKey) return { contentKey, slot };
  }
  return null;
}
