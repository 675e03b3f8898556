import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { DEFAULT_SCRYPT, IV_SIZE, KEY_SIZE, MIN_SCRYPT_N, type KeySlot, type ScryptParams } from './format';
import { CourseFileError } from './course-file-error';
import { createSerialQueue } from './serial-queue';
import { foreignSlotsReason, isAllowedSlotCost } from './slot-limits';

/** The scrypt cost to use for new slots; tests pass a cheap one, the CLI the default. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost new key slots get unless a caller asks otherwise (see DEFAULT_SCRYPT for why). */
export const DEFAULT_SCRYPT_COST: ScryptCost = DEFAULT_SCRYPT;

/**
 * The environment variable that lowers the cost of new slots, for tests only: `PLENUM_SCRYPT_LOG2N=10` makes
 * N=2^10. Honoured between the readers' floor and the default, so it can never make a slot dearer than the
 * packer's or one readers refuse; anything else (unset, not a number, out of range) means the default.
 */
export const SCRYPT_COST_ENV = 'PLENUM_SCRYPT_LOG2N';

/** The cost new slots get under `env`: the default unless SCRYPT_COST_ENV lowers it within the bounds. */
export function scryptCostFromEnv(env: NodeJS.ProcessEnv): ScryptCost {
  const raw = env[SCRYPT_COST_ENV];
  const log2N = raw === undefined || !/^\d{1,2}$/.test(raw) ? NaN : Number(raw);
  if (log2N >= Math.log2(MIN_SCRYPT_N) && log2N <= Math.log2(DEFAULT_SCRYPT.N)) {
    return { ...DEFAULT_SCRYPT, N: 2 ** log2N };
  }
  return DEFAULT_SCRYPT_COST;
}

/**
 * Every KDF run of this process, one after another. scrypt runs on libuv's thread pool (4 threads), which also
 * serves every file read of the media scheme: run side by side, four unlocks held all four threads (and 4 x
 * 128 MiB) while a UI request waited seconds. One at a time, at most one thread and one slot's memory go to
 * scrypt; an unlock waits for the one before it instead.
 */
const kdfQueue = createSerialQueue();

/** Derives the key-encryption key from a password; async and queued, so an unlock never blocks main's loop. */
export function deriveSlotKey(password: string, kdf: ScryptParams): Promise<Buffer> {
  return kdfQueue.run(() => scryptOnce(password, kdf));
}

function scryptOnce(password: string, kdf: ScryptParams): Promise<Buffer> {
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
  // A slot readers would refuse must never be written: that would lock everyone out of the file.
  if (!isAllowedSlotCost(cost))
    throw new RangeError(`scrypt cost N=${cost.N} r=${cost.r} p=${cost.p} is not allowed`);
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
 * Finds the slot `password` opens. Slots are tried in order until one opens (like LUKS), so a wrong password
 * costs one KDF run per slot; slots are few (one per institution) and their number and cost are capped.
 */
export async function unlockAnySlot(
  password: string,
  slots: readonly KeySlot[],
  fileId: Buffer,
): Promise<{ contentKey: Buffer; slot: KeySlot } | null> {
  // Headers are checked when decoded; checked again here because this is where the cost would be paid.
  const foreign = foreignSlotsReason(slots);
  if (foreign) throw new CourseFileError({ kind: 'made-elsewhere', reason: foreign });
  for (const slot of slots) {
    const contentKey = await openKeySlot(password, slot, fileId);
    if (contentKey) return { contentKey, slot };
  }
  return null;
}
