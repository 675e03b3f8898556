import type { ForeignHeaderReason } from '../../common/course-file/course-file-problem';
import {
  MAX_KEY_SLOTS,
  MAX_SCRYPT_N,
  MAX_SCRYPT_P,
  MAX_SCRYPT_R,
  MAX_SLOT_WORK,
  MAX_TOTAL_WORK,
  MIN_SCRYPT_N,
  scryptWork,
} from './format';

/** The cost parameters of one slot, as stored or as asked for. */
interface Cost {
  N: number;
  r: number;
  p: number;
}

/** Whether one slot's cost is one Plenum may write and will read: between the floor and the per-slot caps. */
export function isAllowedSlotCost(cost: Cost): boolean {
  return (
    Number.isInteger(cost.N) &&
    Number.isInteger(cost.r) &&
    Number.isInteger(cost.p) &&
    Number.isInteger(Math.log2(cost.N)) &&
    cost.N >= MIN_SCRYPT_N &&
    cost.N <= MAX_SCRYPT_N &&
    cost.r >= 1 &&
    cost.r <= MAX_SCRYPT_R &&
    cost.p >= 1 &&
    cost.p <= MAX_SCRYPT_P &&
    scryptWork(cost) <= MAX_SLOT_WORK
  );
}

/**
 * Why a header's slots are beyond what any Plenum writes, or null when they are within the caps. Checked on the
 * public header before any KDF runs, so a hostile header costs a JSON parse, never minutes of scrypt.
 */
export function foreignSlotsReason(slots: readonly { kdf: Cost }[]): ForeignHeaderReason | null {
  if (slots.length > MAX_KEY_SLOTS) return 'too-many-slots';
  let total = 0;
  for (const slot of slots) {
    if (!isAllowedSlotCost(slot.kdf)) return 'kdf-cost';
    total += scryptWork(slot.kdf);
  }
  return total > MAX_TOTAL_WORK ? 'kdf-cost' : null;
}
