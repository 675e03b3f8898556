import type { PromptMode } from '../../../src/common/lecture/lecture-state';

/** Which prompts the room sees, and which paging controls make sense. */
export interface PromptPage {
  /** Indexes of the prompts shown, in order. */
  shown: number[];
  /** The prompt shown in one-at-a-time mode (clamped into the chapter's prompts), or null when there are none. */
  current: number | null;
  canPrevious: boolean;
  canNext: boolean;
}

/** The prompts to show for `count` prompts, the lecture's chosen `index` and the lecturer's mode. */
export function promptPage(count: number, index: number, mode: PromptMode): PromptPage {
  if (count <= 0) return { shown: [], current: null, canPrevious: false, canNext: false };
  const current = Math.min(Math.max(0, index), count - 1);
  switch (mode) {
    case 'all':
      return {
        shown: Array.from({ length: count }, (_, i) => i),
        current,
        canPrevious: false,
        canNext: false,
      };
    case 'one':
      return { shown: [current], current, canPrevious: current > 0, canNext: current < count - 1 };
  }
}
