import type { CourseManifest } from '../course/manifest';
import type { LectureCourse } from './lecture-route';

/** What the lecture's route needs of a manifest (the same view main's reducer takes). */
export function lectureCourseOf(manifest: CourseManifest): LectureCourse {
  return {
    chapters: manifest.chapters.map((chapter) => ({
      id: chapter.id,
      start: chapter.start,
      pause: chapter.pause,
      prompts: chapter.prompts.length,
      links: chapter.links.length,
      statements: chapter.statements.length,
      minutes: chapter.minutes,
    })),
  };
}
