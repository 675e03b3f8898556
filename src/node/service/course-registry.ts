import { randomBytes } from 'node:crypto';
import type { CourseManifest } from '../../common/course/manifest';
import type { LecturePlan } from '../../common/plan/plan-step';
import type { UnlockedCourseFile } from '../course-file';

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
 * The unlocked courses, by handle. A handle is 128 random bits: it names an open course for the media
 * scheme and the API, and says nothing about the key, which never leaves the UnlockedCourseFile.
 */
export class CourseRegistry {
  private readonly courses = new Map<string, OpenCourse>();

  /** Registers an unlocked course under a fresh handle. */
  add(course: Omit<OpenCourse, 'handle'>): OpenCourse {
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
