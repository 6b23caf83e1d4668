// YAML aliases expanded the way Kubernetes expands them, and no further. kubectl and the API
// server decode manifests with go-yaml (sigs.k8s.io/yaml), whose decoder (decode.go) counts
// every node it decodes and every node it decodes inside an alias expansion, and refuses a
// document once more than 1,000 nodes were decoded, more than 100 of them through aliases, and
// the aliased share exceeds allowedAliasRatio: 99% up to 400,000 decodes, falling linearly to
// 10% at 4,000,000 ("document contains excessive aliasing"; the fix for CVE-2019-11254). An
// alias met again while its own expansion is under way fails with "anchor 'x' value contains
// itself". Both bounds keep a "billion laughs" file to a few thousand nodes. No I/O.
import type { Span } from './source';

/** The rule that reports an AliasError (registered in rules/schema/yaml-alias.ts). */
export const YAML_ALIAS_RULE_ID = 'schema/yaml-alias';

const RATIO_LOW = 400_000;
const RATIO_HIGH = 4_000_000;

/** go-yaml's allowedAliasRatio(decodeCount). */
export function allowedAliasRatio(decodes: number): number {
  if (decodes <= RATIO_LOW) return 0.99;
  if (decodes >= RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodes - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
}

/** An alias the decoder refuses to expand; the document is then read without its aliases. */
export class AliasError extends Error {
  constructor(
    message: string,
    /** Where the anchor (`&name`) is written. */
    readonly anchor: Span,
    /** The alias (`*name`) whose expansion failed. */
    readonly alias: Span,
  ) {
    super(message);
  }
}

/** One document's decode counters, as go-yaml's decoder keeps them. */
export class AliasBudget {
  private decodes = 0;
  private aliased = 0;
  private depth = 0;
  private readonly open = new Set<unknown>();
  /** The outermost alias under expansion: named when the budget runs out. */
  private outer?: { name: string; anchor: Span; alias: Span };

  /** Counts one decoded node (a key, a value, an alias); throws once the budget is spent. */
  count(): void {
    this.decodes++;
    if (this.depth > 0) this.aliased++;
    if (this.aliased > 100 && this.decodes > 1000 && this.aliased / this.decodes > allowedAliasRatio(this.decodes)) {
      const o = this.outer!;
      throw new AliasError(
        `document contains excessive aliasing: expanding *${o.name} and the aliases inside it outgrows the YAML ` +
        'decoder\'s alias budget, so kubectl and the API server refuse the document',
        o.anchor, o.alias,
      );
    }
  }

  /** Starts expanding an alias to `target`; leave() ends it. */
  enter(target: unknown, name: string, anchor: Span, alias: Span): void {
    if (this.open.has(target)) {
      throw new AliasError(`anchor "${name}" value contains itself: the alias *${name} inside it can never be expanded`, anchor, alias);
    }
    this.open.add(target);
    if (this.depth === 0) this.outer = { name, anchor, alias };
    this.depth++;
  }

  leave(target: unknown): void {
    this.open.delete(target);
    this.depth--;
  }
}

/** The span of `&name` written last before nodeStart (the anchored node's start), else the node's start. */
export function anchorSpan(text: string, name: string, nodeStart: number): Span {
  const anchor = `&${name}`;
  for (let at = text.lastIndexOf(anchor, nodeStart); at >= 0; at = text.lastIndexOf(anchor, at - 1)) {
    // `&l` must not be read inside `&labels`: an anchor name ends at white space or a flow indicator.
    if (!/[^\s,[\]{}]/.test(text[at + anchor.length] ?? ' ')) return { start: at, end: at + anchor.length };
  }
  return { start: nodeStart, end: nodeStart };
}
