/**
 * Where a completion request sits in a policy document. The cursor's path is read from the text
 * (yamlContextAt), because the line being typed is usually not valid YAML yet; the parse tree
 * of the rest of the document then supplies sequence indexes and neighbouring values.
 */
import { fieldAt, schemaForKind, type FieldPath, type FieldSchema } from '../../core/schema/index';
import type { ManifestFile } from '../../core/workspace/manifestFile';
import { asSeq, deref, get, type YNode } from '../../core/yaml/nodes';
import { yamlContextAt, type YamlCursorContext } from '../yamlContext';
import { documentAt, kindAt, policyAt, type PolicyResource } from './documentAt';

export interface PolicyCursor {
  readonly file: ManifestFile;
  readonly offset: number;
  readonly cursor: YamlCursorContext;
  readonly kind: string;
  /** The schema of the whole object. */
  readonly root: FieldSchema;
  /** Path of the map (or list) the cursor is in, with 0 for every list item: for schema lookups. */
  readonly schemaPath: FieldPath;
  /** The policy as a resource; null while the document cannot be read as one. */
  readonly policy: PolicyResource | null;
  /** The cursor's path with real list indexes, as far as the parse tree follows it. */
  readonly treePath: FieldPath;
  /** True when treePath covers the whole cursor path. */
  readonly treeComplete: boolean;
  /** Text of the cursor's document and the cursor's offset in it. */
  readonly documentText: string;
  readonly documentOffset: number;
}

export function policyCursor(file: ManifestFile, offset: number): PolicyCursor | null {
  const kind = kindAt(file, offset);
  const root = kind ? schemaForKind(kind.apiVersion, kind.kind) : null;
  const doc = documentAt(file, offset);
  if (!kind || !root || !doc) return null;
  const cursor = yamlContextAt(file.text, offset);
  if (!cursor) return null;
  const policy = policyAt(file, offset);
  const schemaPath = cursor.path.map((step) => (step === '-' ? 0 : step));
  const resolved = policy ? resolveIndexes(policy.node, cursor.path, offset - doc.offset) : { path: [], complete: false };
  return {
    file,
    offset,
    cursor,
    kind: kind.kind,
    root,
    schemaPath,
    policy,
    treePath: resolved.path,
    treeComplete: resolved.complete,
    documentText: doc.text,
    documentOffset: doc.offset,
  };
}

/** The schema of the map or list the cursor is in, and of the value after `key:` when there is one. */
export function schemaAtCursor(c: PolicyCursor): { container: FieldSchema | null; value: FieldSchema | null } {
  const container = fieldAt(c.root, c.schemaPath);
  const value = c.cursor.key !== null && container ? fieldAt(container, [c.cursor.key]) : null;
  return { container, value };
}

/**
 * Follows a text path (`-` for "the list item here") down the parse tree: each `-` becomes the
 * index of the last item starting at or before the cursor. Stops where the tree does not go on.
 */
function resolveIndexes(root: YNode, textPath: readonly string[], relativeOffset: number): { path: FieldPath; complete: boolean } {
  const out: (string | number)[] = [];
  let node: YNode | null = root;
  for (const step of textPath) {
    if (!node) return { path: out, complete: false };
    if (step === '-') {
      const seq = asSeq(node);
      if (!seq) return { path: out, complete: false };
      let index = -1;
      seq.items.forEach((item, i) => {
        if (item.span.start <= relativeOffset) index = i;
      });
      if (index < 0) return { path: out, complete: false };
      out.push(index);
      node = deref(seq.items[index]);
    } else {
      out.push(step);
      node = get(node, step);
    }
  }
  return { path: out, complete: true };
}

interface LineShape {
  readonly dashes: readonly number[];
  readonly contentColumn: number;
  readonly key: string | null;
  readonly blank: boolean;
}

/** Leading `- ` markers, where content starts, and the key of a `key:` line. */
function lineShape(line: string): LineShape {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i++);
      continue;
    }
    break;
  }
  const content = line.slice(i).trimEnd();
  const blank = content === '' || content.startsWith('#');
  return { dashes, contentColumn: i, key: blank ? null : keyOf(content), blank };
}

/** The key of `key: value` / `key:` content (quotes removed), or null. */
function keyOf(content: string): string | null {
  const quote = content[0];
  if (quote === '"' || quote === "'") {
    const close = content.indexOf(quote, 1);
    return close > 0 && content[close + 1] === ':' ? content.slice(1, close) : null;
  }
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '#' && i > 0 && content[i - 1] === ' ') return null;
    if (content[i] === ':' && (i + 1 === content.length || content[i + 1] === ' ')) return content.slice(0, i).trim();
  }
  return null;
}

/**
 * Keys already written in the block map whose keys start at `column`, around the cursor's line
 * (which is left out: it holds the key being typed). Read from the text, so a half-typed line
 * does not hide its neighbours.
 */
export function siblingKeys(text: string, offset: number, column: number): Set<string> {
  const keys = new Set<string>();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const own = lineShape(text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt));
  const opensItem = own.dashes.length > 0 && own.contentColumn === column;
  if (!opensItem) {
    let end = lineStart - 1;
    while (end >= 0) {
      // lastIndexOf(…, -1) searches from 0: at the first line, a text starting with '\n' would loop forever.
      const start = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
      const raw = text.slice(start, end).replace(/\r$/, '');
      end = start - 1;
      if (/^(---|\.\.\.)(\s|$)/.test(raw)) break;
      const s = lineShape(raw);
      if (s.blank) continue;
      const first = s.dashes.length ? s.dashes[0] : s.contentColumn;
      if (s.contentColumn === column && s.key !== null) {
        keys.add(s.key);
        if (s.dashes.length) break; // the first key of our list item
        continue;
      }
      if (first < column) break;
    }
  }
  let start = lineEndAt < 0 ? text.length : lineEndAt + 1;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const raw = text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, '');
    start = nl < 0 ? text.length : nl + 1;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) break;
    const s = lineShape(raw);
    if (s.blank) continue;
    const first = s.dashes.length ? s.dashes[0] : s.contentColumn;
    if (first < column) break;
    if (s.dashes.length === 0 && s.contentColumn === column && s.key !== null) keys.add(s.key);
  }
  return keys;
}
