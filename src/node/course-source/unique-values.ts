import type { CourseIssueCode } from '../../common/course/course-issue';
import type { IssueCollector } from './issue-collector';
import type { Located } from './load-context';

/** Checks that values (ids, subtitle languages, handout fact labels) are used once in a list, naming the first owner otherwise. */
export class UniqueValues {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly issues: IssueCollector,
    private readonly code: Extract<CourseIssueCode, 'duplicate-id' | 'duplicate-language' | 'duplicate-fact'>,
  ) {}

  /** Claims `value` for the item at `owner` (e.g. 'chapters[0]'); false (and reported) when already taken. */
  claim(value: Located<string>, owner: string): boolean {
    const other = this.owners.get(value.value);
    if (other !== undefined) {
      this.issues.error(this.code, value.at, { value: value.value, other });
      return false;
    }
    this.owners.set(value.value, owner);
    return true;
  }

  /** Whether a value has been claimed. */
  has(value: string): boolean {
    return this.owners.has(value);
  }
}
