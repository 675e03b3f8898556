import { LineCounter, isAlias, isCollection, isNode, isScalar, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node } from 'yaml';
import { COURSE_LIMITS } from './course-limits';
import type { IssueCollector, IssueLocation } from './issue-collector';

/** The name of the course file inside a course folder. */
export const COURSE_YAML = 'course.yaml';

/** The most characters of a value quoted back in a message. */
const SHOWN_CHARACTERS = 80;

/** course.yaml parsed with positions, so every issue can name the line and column of the offending node. */
export class YamlSource {
  /** What each alias stands for, found once: yaml's own `Alias.resolve` walks the whole document per call. */
  private readonly aliases = new Map<Alias, Node>();

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
    if (document.errors.length > 0) {
      return undefined;
    }
    return source.checkAliases(issues) ? source : undefined;
  }

  /**
   * Refuses aliases that expand too far (`too-many-aliases`, at the first alias): the yaml package's own
   * expansion count, which weighs an alias by the aliases inside what it names, so a "billion laughs" of nested
   * aliases is caught as early as 20,000 aliases to one long text. Then maps every alias to its node.
   */
  private checkAliases(issues: IssueCollector): boolean {
    const anchors = new Map<string, Node>();
    let first: Alias | undefined;
    visit(this.document, {
      Node: (_, node) => {
        if (isAlias(node)) {
          first ??= node;
          const target = anchors.get(node.source);
          if (target !== undefined) {
            this.aliases.set(node, target);
          }
        } else if ((isScalar(node) || isCollection(node)) && node.anchor !== undefined) {
          anchors.set(node.anchor, node);
        }
      },
    });
    if (first === undefined) {
      return true;
    }
    try {
      this.document.toJS({ maxAliasCount: COURSE_LIMITS.aliases });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (/excessive alias count/i.test(reason)) {
        issues.error('too-many-aliases', this.at(first, ''), { limit: String(COURSE_LIMITS.aliases) });
      } else {
        issues.error('yaml-syntax', this.at(first, ''), { reason });
      }
      return false;
    }
  }

  /**
   * The location of a node (its first character), or of the document start (1:1) when the node has no range:
   * an empty course.yaml has no node at all, and its errors still name a place.
   */
  at(node: unknown, path: string): IssueLocation {
    const start = isNode(node) ? node.range?.[0] : undefined;
    return this.atOffset(start ?? 0, path);
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
          name = this.shown(pair.key);
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return name;
  }

  /** Follows an alias (`*name`) to the node it stands for; other values are returned unchanged. */
  resolve(node: unknown): unknown {
    return isAlias(node) ? (this.aliases.get(node) ?? node) : node;
  }

  /** {@link written}, cut to a length that fits in a message (a huge value must not make a huge message). */
  shown(node: unknown): string {
    const written = this.written(node);
    return written.length > SHOWN_CHARACTERS ? `${written.slice(0, SHOWN_CHARACTERS)}…` : written;
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
