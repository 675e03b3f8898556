/** The public header of an unlocked course file, as the window may see it (no key material). */
export interface CourseFileHeaderSummary {
  courseId: string;
  title: string;
  language: string;
  createdAt: string;
  createdBy: string;
  fileSize: number;
}
