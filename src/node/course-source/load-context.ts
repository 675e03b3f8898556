import type { IssueCollector, IssueLocation } from './issue-collector';
import type { YamlSource } from './yaml-source';

/** What every step of loading a course folder shares. */
export interface LoadContext {
  /** The course folder's real path (symlinks resolved), against which every reference is checked. */
  root: string;
  yaml: YamlSource;
  issues: IssueCollector;
  /** Files to pack besides the film: entry name -> real path, in the order first referenced. */
  assets: Map<string, string>;
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
