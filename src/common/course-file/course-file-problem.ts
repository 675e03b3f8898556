/** Where in a course file damage was found, so the message can say where. */
export type DamageLocation =
  | { part: 'header' }
  | { part: 'index' }
  | { part: 'layout' }
  | { part: 'entry'; entry: string; chunk: number; offset: number };

/**
 * Why a header is refused as made by another tool: Plenum never writes it, and honouring it could make one
 * unlock cost minutes or gigabytes.
 */
export type ForeignHeaderReason = 'too-many-slots' | 'kdf-cost';

/**
 * What a failed rewrite left behind: `unchanged` (the file opens exactly as before) or `unknown` (the disk
 * refused even the undo, so the change may or may not be in the file).
 */
export type WriteOutcome = 'unchanged' | 'unknown';

/** Everything that can be wrong with a course file or a request to it, as data the UI turns into words. */
export type CourseFileProblem =
  | { kind: 'not-found'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | { kind: 'not-a-file'; path: string }
  | { kind: 'not-a-course-file' }
  | { kind: 'made-elsewhere'; reason: ForeignHeaderReason }
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
  | { kind: 'closed' }
  | { kind: 'write-failed'; path: string; reason: string; outcome: WriteOutcome }
  | { kind: 'busy'; path: string; lockPath: string }
  | { kind: 'too-many-open'; max: number };
