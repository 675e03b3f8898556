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
    // prettyErrors off: we format positions ourselves and want the bare message. uniqueKeys off: the yaml
    // package compares each key with every earlier one (60,000 keys took 92 s here); checkDuplicateKeys
    // does the same check in one pass.
    // logLevel 'error': warnings are collected in document.warnings and reported as issues, never printed by
    // the yaml package itself (it would write a Node warning to the terminal).
    const document = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      logLevel: 'error',
    });
    const source = new YamlSource(text, document, lineCounter);
    for (const warning of document.warnings) {
      issues.warning('yaml-warning', source.atOffset(warning.pos[0], ''), { reason: warning.message });
    }
    // The parser recurses once per level of nesting and reports running out of stack (at about 800 levels)
    // as an error, followed by hundreds more about the brackets left open: the first says it all.
    const overflow = document.errors.find((error) =>
      error.message.includes('Maximum call stack size exceeded'),
    );
    if (overflow !== undefined) {
      issues.error('yaml-too-deep', source.atOffset(overflow.pos[0], ''), {});
      return undefined;
    }
    for (const error of document.errors) {
      const at = source.atOffset(error.pos[0], '');
      // A mistake authors often make gets a message of its own, in their own language (a key given twice is
      // another: see checkDuplicateKeys).
      if (error.code === 'MULTIPLE_DOCS') {
        issues.error('multiple-documents', at, {});
      } else {
        issues.error('yaml-syntax', at, { reason: error.message });
      }
    }
    if (document.errors.length > 0) {
      return undefined;
    }
    try {
      return source.checkDuplicateKeys(issues) && source.checkAliases(issues) ? source : undefined;
    } catch (error) {
      // Walking the tree recurses per level too; should it run out of stack where the parser did not, the
      // message is the same.
      if (error instanceof RangeError) {
        issues.error('yaml-too-deep', source.atOffset(0, ''), {});
        return undefined;
      }
      throw error;
    }
  }

  /** Reports every key written twice in one mapping (`duplicate-key`, at the second); true when there is none. */
  private checkDuplicateKeys(issues: IssueCollector): boolean {
    let clean = true;
    visit(this.document, {
      Map: (_, map) => {
        const seen = new Set<unknown>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) {
            continue;
          }
          if (seen.has(pair.key.value)) {
            issues.error('duplicate-key', this.at(pair.key, ''), { field: this.shown(pair.key) });
            clean = false;
          }
          seen.add(pair.key.value);
        }
      },
    });
    return clean;
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
      // mapAsMap: a key that is itself a list would otherwise make yaml print a warning about object keys.
      this.document.toJS({ maxAliasCount: COURSE_LIMITS.aliases, mapAsMap: true });
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
