import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { IssueLocation } from './issue-collector';
import type { FieldNode, LoadContext } from './load-context';

/**
 * Reads the fields of one mapping in course.yaml. It remembers which keys were asked for, so that
 * {@link FieldReader.finish} can warn about every other key (usually a typo of a known field).
 */
export class FieldReader {
  private readonly asked = new Set<string>();

  private constructor(
    private readonly ctx: LoadContext,
    private readonly map: YAMLMap,
    readonly path: string,
    readonly at: IssueLocation,
  ) {}

  /** Opens a mapping; reports `not-a-mapping` and returns undefined for anything else. */
  static open(ctx: LoadContext, field: FieldNode): FieldReader | undefined {
    const node = ctx.yaml.resolve(field.node);
    if (!isMap(node)) {
      ctx.issues.error('not-a-mapping', field.at, {});
      return undefined;
    }
    return new FieldReader(ctx, node, field.path, field.at);
  }

  /** An optional field: undefined when absent or empty (`key:` with no value). */
  optional(key: string): FieldNode | undefined {
    this.asked.add(key);
    const pair = this.pair(key);
    const value = this.ctx.yaml.resolve(pair?.value);
    if (
      pair === undefined ||
      value === null ||
      value === undefined ||
      (isScalar(value) && value.value === null)
    ) {
      return undefined;
    }
    const path = this.child(key);
    return { node: pair.value, path, at: this.ctx.yaml.at(pair.value, path) };
  }

  /**
   * A required field; reports `required` when absent or empty: at the key when it is written without a
   * value, otherwise at the start of the mapping that lacks it.
   */
  required(key: string): FieldNode | undefined {
    const field = this.optional(key);
    if (field === undefined) {
      const pair = this.pair(key);
      const path = this.child(key);
      this.ctx.issues.error('required', pair ? this.ctx.yaml.at(pair.key, path) : { ...this.at, path }, {});
    }
    return field;
  }

  /** Warns (`unknown-field`) about every key that was never asked for. Call once all fields are read. */
  finish(): void {
    for (const pair of this.map.items) {
      const name = this.keyName(pair);
      if (!this.asked.has(name)) {
        const shown = this.ctx.yaml.shown(this.ctx.yaml.resolve(pair.key));
        this.ctx.issues.warning('unknown-field', this.ctx.yaml.at(pair.key, this.child(shown)), {
          field: shown,
        });
      }
    }
  }

  private pair(key: string): Pair | undefined {
    return this.map.items.find((pair) => this.keyName(pair) === key);
  }

  private keyName(pair: Pair): string {
    const key = this.ctx.yaml.resolve(pair.key);
    return isScalar(key) ? String(key.value) : this.ctx.yaml.written(key);
  }

  private child(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }
}
