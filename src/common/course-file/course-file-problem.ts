/** Where in a course file damage was found, so the message can say where. */
export type DamageLocation =
  | { part: 'header' }
  | { part: 'index' }
  | { part: 'layout' }
  | { part: 'entry'; entry: string; chunk: number; offset: number };

/** Everything that can be wrong with a course file or a request to it, as data the UI turns into words. */
export type CourseFileProblem =
  | { kind: 'not-found'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | { kind: 'not-a-course-file' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'wrong-password' }
  | { kind: 'truncated'; expectedBytes: number; actualBytes: number }
  | { kind: 'damaged'; where: DamageLocation }
  | { kind: 'unknown-entry'; entry: string }
  | { kind: 'bad-range'; entry: string; start: number; end: number; size: number }
  | { kind: 'too-many-passwords'; max: number }
  | { kind: 'last-password' }
  | { kind: 'duplicate-entry'; entry: string }
  | { kind: 'bad-entry-name'; entry: string }
  | { kind: 'closed' };
