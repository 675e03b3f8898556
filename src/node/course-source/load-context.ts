import type { CourseFileResult } from './course-paths';
import type { IssueCollector, IssueLocation } from './issue-collector';
import type { DecodedText } from './utf8-text';
import type { YamlSource } from './yaml-source';

/** What every step of loading a course folder shares. */
export interface LoadContext {
  /** The course folder's real path (symlinks resolved), against which every reference is checked. */
  root: string;
  yaml: YamlSource;
  issues: IssueCollector;
  /** Files to pack besides the film: entry name -> contents (read once, checked), in the order first referenced. */
  assets: Map<string, Buffer>;
  /** Every file read so far (Markdown, subtitles, pictures) by entry name, so a file named twice is read once. */
  files: Map<string, Buffer>;
  /** Every reference resolved so far (see resolveInCourse). */
  resolved: Map<string, CourseFileResult>;
  /** Those files decoded as UTF-8, by entry name, so a text named many times is decoded once. */
  texts: Map<string, DecodedText>;
  /** How much has been read so far, against COURSE_LIMITS' totals. */
  budget: LoadBudget;
}

/** Running totals of what a course has cost to read; once `exceeded`, no more files are read. */
export interface LoadBudget {
  /** Characters of text read into the course (a Markdown file counted each time it is named). */
  characters: number;
  /** Bytes of files read (each file once). */
  fileBytes: number;
  /** Set (and reported once) when a total limit is passed. */
  exceeded: boolean;
}

/** A value read from course.yaml together with where it was written, for later cross-checks. */
export interface Located<T> {
  value: T;
  at: IssueLocation;
}

/** A node of course.yaml still to be read, with its field path (e.g. 'chapters[2].prompts[0]'). */
export interface FieldNode {
  node: unknown;
  path: string;
  at: IssueLocation;
}
