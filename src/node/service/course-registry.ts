import { randomBytes } from 'node:crypto';
import type { CourseManifest } from '../../common/course/manifest';
import type { LecturePlan } from '../../common/plan/plan-step';
import { CourseFileError, type UnlockedCourseFile } from '../course-file';

/** One unlocked course, known to the window only by its handle. */
export interface OpenCourse {
  handle: string;
  path: string;
  file: UnlockedCourseFile;
  manifest: CourseManifest;
  /** The plan the course's next session follows (the lecturer's last choice for it), or null. */
  plan: LecturePlan | null;
}

/**
 * At most this many courses are open at once. Each holds one file descriptor and a decrypted index; without a
 * cap, repeated unlocks ran the process out of descriptors (at 232 the UI itself could no longer be served).
 */
export const MAX_OPEN_COURSES = 16;

/**
 * The unlocked courses, by handle. A handle is 128 random bits: it names an open course for the media
 * scheme and the API, and says nothing about the key, which never leaves the UnlockedCourseFile.
 */
export class CourseRegistry {
  private readonly courses = new Map<string, OpenCourse>();

  /**
   * Registers an unlocked course under a fresh handle. The same file unlocked again (by any name: it is
   * known by device and inode) gets the course already open, and the new descriptor is closed. Past
   * MAX_OPEN_COURSES the course is closed and refused with `too-many-open`.
   */
  add(course: Omit<OpenCourse, 'handle'>): OpenCourse {
    const already = [...this.courses.values()].find((open) => open.file.identity === course.file.identity);
    if (already || this.courses.size >= MAX_OPEN_COURSES) {
      void course.file.close().catch(() => undefined);
      if (already) return already;
      throw new CourseFileError({ kind: 'too-many-open', max: MAX_OPEN_COURSES });
    }
    const open = { ...course, handle: randomBytes(16).toString('hex') };
    this.courses.set(open.handle, open);
    return open;
  }

  /** The open course with that handle, if any. */
  get(handle: string): OpenCourse | undefined {
    return this.courses.get(handle);
  }

  /** Closes and forgets one course; returns whether it was open. */
  async remove(handle: string): Promise<boolean> {
    const course = this.courses.get(handle);
    if (!course) return false;
    this.courses.delete(handle);
    await course.file.close();
    return true;
  }

  /** Every open course, in the order they were unlocked. */
  all(): OpenCourse[] {
    return [...this.courses.values()];
  }

  /** Closes every course (on quit). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.courses.keys()].map((handle) => this.remove(handle)));
  }
}
