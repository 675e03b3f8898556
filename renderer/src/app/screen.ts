import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { PresenterMode } from '../presenter/presenter-mode';

/** A course file about to be unlocked: where it is, what to call it, and (for the demo only) its password. */
export interface UnlockTarget {
  path: string;
  title: string;
  /** Shown as a hint on the unlock screen; set for the demo course only, whose password is public. */
  demoPassword: string | null;
}

/** Which screen the window shows. */
export type Screen =
  | { kind: 'library' }
  | { kind: 'unlock'; target: UnlockTarget }
  | { kind: 'overview'; course: UnlockedCourse }
  /** `resumeAt`: continue the film from this saved position (seconds), or null to follow the lecture. */
  | { kind: 'film'; course: UnlockedCourse; resumeAt: number | null }
  /** The presenter view (with an audience window or its own preview), for a lecture or a rehearsal. */
  | { kind: 'presenter'; course: UnlockedCourse; mode: PresenterMode };
