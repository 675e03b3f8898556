import { LineCounter, isAlias, isNode, isScalar, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { IssueCollector, IssueLocation } from './issue-collector';

/** The name of the course file inside a course folder. */
export const COURSE_YAML = 'course.yaml';

/** course.yaml parsed with positions, so every issue can name the line and column of the offending node. */
export class YamlSource {
  private constructor(
    readonly text: string,
    readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /**
   * Parses course.yaml. Syntax errors are all reported (with positions) and yield undefined: the tree the
   * parser recovers is not trustworthy enough to check fields against. YAML warnings are passed on.
   */
  static parse(text: string, issues: IssueCollector): YamlSource | undefined {
    const lineCounter = new LineCounter();
    // prettyErrors off: we format positions ourselves and want the bare message.
    const document = parseDocument(text, { lineCounter, prettyErrors: false });
    const source = new YamlSource(text, document, lineCounter);
    for (const warning of document.warnings) {
      issues.warning('yaml-warning', source.atOffset(warning.pos[0], ''), { reason: warning.message });
    }
    for (const error of document.errors) {
      const at = source.atOffset(error.pos[0], '');
      // The two mistakes authors make most get messages of their own, in their own language.
      if (error.code === 'DUPLICATE_KEY') {
        issues.error('duplicate-key', at, { field: source.keyAt(error.pos[0]) });
      } else if (error.code === 'MULTIPLE_DOCS') {
        issues.error('multiple-documents', at, {});
      } else {
        issues.error('yaml-syntax', at, { reason: error.message });
      }
    }
    return document.errors.length > 0 ? undefined : source;
  }

  /** The location of a node (its first character), or of the document start when the node has no range. */
  at(node: unknown, path: string): IssueLocation {
    const start = isNode(node) ? node.range?.[0] : undefined;
    return start === undefined ? { file: COURSE_YAML, path } : this.atOffset(start, path);
  }

  /** The location of a character offset in course.yaml. */
  atOffset(offset: number, path: string): IssueLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: COURSE_YAML, line, col, path };
  }

  /** The name of the mapping key that starts at `offset` (the parser reports duplicate keys by offset only). */
  private keyAt(offset: number): string {
    let name = '';
    visit(this.document, {
      Pair: (_, pair) => {
        if (isNode(pair.key) && pair.key.range?.[0] === offset) {
          name = this.written(pair.key);
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return name;
  }

  /** Follows an alias (`*name`) to the node it stands for; other values are returned unchanged. */
  resolve(node: unknown): unknown {
    return isAlias(node) ? (node.resolve(this.document) ?? node) : node;
  }

  /** How a value was written, for messages such as `"12:5x" is not a time`. */
  written(node: unknown): string {
    if (isScalar(node)) {
      return typeof node.source === 'string' ? node.source : String(node.value);
    }
    const range = isNode(node) ? (node as Node).range : undefined;
    return range ? this.text.slice(range[0], range[1]).trim() : '';
  }
}
