// Where the cursor is in a YAML document, read from the text's indentation rather than from a
// parse, so that it works in half-typed documents: the key path above the cursor
// (`spec.rules[].http.paths[]`), whether the cursor is on a key or a value, and what has been
// typed so far. No I/O.

import { lineFeeds } from '../ingress/documents';

export interface CursorContext {
  /** Keys from the document root to the map the cursor is in; `[]` marks a sequence item. */
  path: string[];
  /** 'key' when typing a key, 'value' after `key: `, 'item' after a bare `- ` in a scalar list. */
  position: 'key' | 'value';
  /** The key whose value is being typed (position 'value'). */
  key?: string;
  /** Text typed so far for the key or value, up to the cursor. */
  prefix: string;
  /** Offset where the prefix starts (replace range start). */
  prefixStart: number;
  /** Column of the key being typed (for snippets). */
  column: number;
}

interface LineInfo {
  /** Column of the first `- ` when the line starts a sequence item. */
  dash?: number;
  /** Column of the content after any dashes. */
  col: number;
  key?: string;
  /** Text after `key:` (trimmed). */
  rest?: string;
}

// A plain key ends at its last non-blank character before the colon. Written so that no
// blank can belong both to the key and to the `\s*` after it: `[^:#]*?\s*:` tried every
// split of a run of blanks, quadratic in a long line without a colon (issue 10, defect 3).
const KEY_RE = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{[\]](?:[^:#]*[^\s:#])?))\s*:(?:\s+(.*)|$)/;

function lineInfo(line: string): LineInfo | undefined {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  let col = line.length - trimmed.length;
  let dash: number | undefined;
  let rest = trimmed;
  while (/^-(\s|$)/.test(rest)) {
    dash ??= col;
    const after = rest.slice(1);
    const spaces = after.length - after.trimStart().length;
    col += 1 + spaces;
    rest = after.trimStart();
  }
  const m = KEY_RE.exec(rest);
  const key = m ? (m[1] ?? m[2] ?? m[3])?.trim() : undefined;
  return { dash, col, key, rest: m ? (m[4] ?? '').trim() : undefined };
}

/** Walks up from the cursor line to collect the path of parent keys. */
function parentPath(lines: string[], lineNo: number, startCol: number, startInSeq: boolean): string[] {
  const out: string[] = [];
  let col = startCol;
  let inSeq = startInSeq;
  for (let i = lineNo - 1; i >= 0 && col > 0 || (inSeq && i >= 0); i--) {
    const info = lineInfo(lines[i]!);
    if (!info) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(lines[i]!)) break;
    if (inSeq) {
      // Looking for the key that owns the sequence: at or left of the dash, not itself an item.
      if (info.col > col || (info.dash !== undefined && info.dash >= col)) continue;
      if (!info.key) break;
    } else {
      if (info.col > col) continue;
      if (info.col === col) {
        if (info.dash !== undefined) { out.push('[]'); col = info.dash; inSeq = true; }
        continue;
      }
      if (!info.key) break;
    }
    out.push(info.key);
    inSeq = false;
    col = info.col;
    if (info.dash !== undefined) { out.push('[]'); col = info.dash; inSeq = true; }
    if (col === 0 && !inSeq) break;
  }
  return out.reverse();
}

/** The cursor context at offset in text (text is the document or the whole file). */
export function cursorContext(raw: string, offset: number): CursorContext {
  const text = lineFeeds(raw);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const info = lineInfo(before + 'x') ?? { col: before.length };
  const path = info.dash !== undefined
    ? [...parentPath(lines, lines.length, info.dash, true), '[]']
    : parentPath(lines, lines.length, info.col, false);
  const valueMatch = /^((?:"[^"]*"|'[^']*'|[^\s#:'"](?:[^:#]*[^\s:#])?))\s*:\s+(.*)$/.exec(before.slice(info.col));
  if (valueMatch) {
    const key = valueMatch[1]!.replace(/^["']|["']$/g, '').trim();
    const prefix = valueMatch[2]!.replace(/^["']/, '');
    return { path, position: 'value', key, prefix, prefixStart: offset - prefix.length, column: info.col };
  }
  const prefix = before.slice(info.col);
  if (info.dash !== undefined && isScalarList(path)) {
    return { path, position: 'value', key: path[path.length - 2], prefix, prefixStart: offset - prefix.length, column: info.col };
  }
  return { path, position: 'key', prefix, prefixStart: offset - prefix.length, column: info.col };
}

/**
 * Keys already in the map the cursor is in (same column, same block, same sequence item), so
 * completion does not offer them again. Empty when the cursor line starts a new `- ` item.
 */
export function siblingKeys(raw: string, offset: number): Set<string> {
  const text = lineFeeds(raw);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const here = lineInfo(text.slice(lineStart, offset) + 'x') ?? { col: offset - lineStart };
  const lines = text.split('\n');
  const at = text.slice(0, lineStart).split('\n').length - 1;
  const out = new Set<string>();
  if (here.dash !== undefined) return out;
  /** Collects line i's key if it is a sibling; false once the block (or the item) ends. */
  const visit = (i: number, up: boolean): boolean => {
    if (/^(---|\.\.\.)(\s|$)/.test(lines[i]!)) return false;
    const info = lineInfo(lines[i]!);
    if (!info || info.col > here.col) return true;
    if (info.col < here.col || (info.dash !== undefined && !up)) return false;
    if (info.key) out.add(info.key);
    return info.dash === undefined; // going up, the `- ` line is the item's first
  };
  for (let i = at - 1; i >= 0 && visit(i, true); i--);
  for (let i = at + 1; i < lines.length && visit(i, false); i++);
  return out;
}

/** Sequences whose items are plain strings (typing `- ` there types a value). */
function isScalarList(path: string[]): boolean {
  const owner = path[path.length - 2];
  return owner === 'hosts';
}

/** Dotted form used by the field tables: `spec.rules[].http`. */
export function pathString(path: string[]): string {
  return path.reduce((acc, k) => (k === '[]' ? `${acc}[]` : acc ? `${acc}.${k}` : k), '');
}
