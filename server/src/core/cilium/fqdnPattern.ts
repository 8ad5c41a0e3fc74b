/**
 * Cilium DNS name matching for `toFQDNs` and DNS L7 rules (`matchName` / `matchPattern`),
 * policy-semantics.md C11/C12, following cilium/cilium pkg/fqdn/matchpattern:
 *
 * - names and patterns are compared lowercased, as fully qualified names (trailing dot added);
 * - `*` inside a label matches zero or more DNS characters ([-a-z0-9_]) but never `.`;
 * - a pattern that is only `*` matches every name;
 * - Cilium ≥ 1.19: a leading `**.` matches one or more whole labels, and any pattern made only of
 *   stars (`**`, `***.`) matches every name; before 1.19 `**` is just two `*` (= one `*`).
 *
 * Cilium compiles patterns to regular expressions; here a pattern becomes a list of per-label
 * globs matched with a two-pointer algorithm (no regex, no backtracking blow-up).
 */

export interface FqdnOptions {
  /** Cilium minor version modelled (1.x); default 17. `**.` prefixes need ≥ 19. */
  readonly ciliumMinor?: number;
}

export const DEFAULT_CILIUM_MINOR = 17;

/** A `matchName` (exact name) or `matchPattern` (wildcards) selector. */
export type FqdnMatcher = { readonly kind: 'name'; readonly value: string } | { readonly kind: 'pattern'; readonly value: string };

/** Longest matchName / matchPattern the CRD accepts. */
export const MAX_FQDN_LENGTH = 255;

const DNS_CHAR = /^[-a-z0-9_]$/;
const NAME_CHARS = /^[-a-zA-Z0-9_.]+$/;
const PATTERN_CHARS = /^[-a-zA-Z0-9_.*]+$/;

/** Why `name` is not a valid `matchName`, or null. */
export function validateMatchName(name: string): string | null {
  if (name.length === 0) return 'matchName must not be empty';
  if (name.length > MAX_FQDN_LENGTH) return `matchName must be at most ${MAX_FQDN_LENGTH} characters (it has ${name.length})`;
  if (name.includes('*')) return `matchName "${name}" contains '*': wildcards work only in matchPattern`;
  if (!NAME_CHARS.test(name)) return `matchName "${name}" has invalid characters: only letters, digits, '-', '_' and '.' are allowed`;
  if (name.startsWith('.') || name.includes('..')) return `matchName "${name}" has an empty label (a leading '.' or '..')`;
  return null;
}

/** Why `pattern` is not a valid `matchPattern`, or null. */
export function validateFqdnPattern(pattern: string): string | null {
  if (pattern.length === 0) return 'matchPattern must not be empty';
  if (pattern.length > MAX_FQDN_LENGTH) return `matchPattern must be at most ${MAX_FQDN_LENGTH} characters (it has ${pattern.length})`;
  if (!PATTERN_CHARS.test(pattern)) {
    return `matchPattern "${pattern}" has invalid characters: only letters, digits, '-', '_', '.' and '*' are allowed (it is not a regular expression)`;
  }
  if (pattern.startsWith('.') || pattern.includes('..')) return `matchPattern "${pattern}" has an empty label (a leading '.' or '..')`;
  return null;
}

/** Lowercase, without the trailing dot: the form names are shown and compared in. */
export function normalizeDnsName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function matchNameMatches(matchName: string, name: string): boolean {
  return normalizeDnsName(matchName) === normalizeDnsName(name);
}

/**
 * A compiled pattern: `all` matches every name; otherwise `labels` are the per-label globs of
 * the fully qualified pattern (ending with the empty label after the final dot), preceded by
 * one-or-more arbitrary labels when `anyPrefix` (the ≥ 1.19 `**.`).
 */
type Compiled = { readonly all: true } | { readonly all: false; readonly anyPrefix: boolean; readonly labels: readonly string[] };

function compile(pattern: string, minor: number): Compiled {
  let p = pattern.trim().toLowerCase();
  const isWildcardOnly = minor >= 19 ? /^\*+\.?$/.test(p) : p === '*';
  if (isWildcardOnly) return { all: true };
  if (!p.endsWith('.')) p += '.';
  let anyPrefix = false;
  if (minor >= 19) {
    const m = /^\*{2,}\./.exec(p);
    if (m && m[0].length < p.length) {
      anyPrefix = true;
      p = p.slice(m[0].length);
    }
  }
  // Runs of `*` match the same strings as one `*`.
  const labels = p.split('.').map((label) => label.replace(/\*+/g, '*'));
  return { all: false, anyPrefix, labels };
}

function compileMatcher(m: FqdnMatcher, minor: number): Compiled {
  if (m.kind === 'pattern') return compile(m.value, minor);
  // A name has no `*`, so as a pattern it matches exactly itself.
  const name = m.value.trim().toLowerCase();
  return { all: false, anyPrefix: false, labels: (name.endsWith('.') ? name : `${name}.`).split('.') };
}

/** Glob match of one label: `*` = any run of DNS characters. Two pointers, O(|glob|·|text|) worst case. */
function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let starG = -1;
  let starT = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      starG = g++;
      starT = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (starG >= 0 && DNS_CHAR.test(text[starT])) {
      // Let the last `*` swallow one more character and retry after it.
      g = starG + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

function isDnsLabel(label: string): boolean {
  if (label.length === 0) return false;
  for (const c of label) if (!DNS_CHAR.test(c)) return false;
  return true;
}

function matchCompiled(c: Compiled, fqdn: string): boolean {
  if (c.all) {
    // Cilium: `^([-a-z0-9_]+[.])+$` or the root `.`.
    if (fqdn === '.') return true;
    const parts = fqdn.split('.');
    return parts.pop() === '' && parts.length > 0 && parts.every(isDnsLabel);
  }
  const parts = fqdn.split('.');
  const fixed = c.labels.length;
  const extra = parts.length - fixed;
  if (c.anyPrefix ? extra < 1 : extra !== 0) return false;
  for (let i = 0; i < extra; i++) if (!isDnsLabel(parts[i])) return false;
  for (let i = 0; i < fixed; i++) if (!globMatch(c.labels[i], parts[extra + i])) return false;
  return true;
}

function toFqdn(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** Whether `matchPattern: pattern` selects `name`. An invalid pattern matches nothing. */
export function fqdnPatternMatches(pattern: string, name: string, options: FqdnOptions = {}): boolean {
  if (validateFqdnPattern(pattern.trim())) return false;
  return matchCompiled(compile(pattern, options.ciliumMinor ?? DEFAULT_CILIUM_MINOR), toFqdn(name));
}

/** Whether a matchName / matchPattern selector selects `name`. */
export function fqdnMatches(matcher: FqdnMatcher, name: string, options: FqdnOptions = {}): boolean {
  return matcher.kind === 'name' ? matchNameMatches(matcher.value, name) : fqdnPatternMatches(matcher.value, name, options);
}

/**
 * Whether every DNS name selected by `b` is also selected by `a` (names = labels of DNS
 * characters, none empty). Exact for every combination of names, `*` globs and `**.` prefixes;
 * returns false (not proven) only if the glob comparison exceeds its work budget.
 */
export function patternCovers(a: FqdnMatcher, b: FqdnMatcher, options: FqdnOptions = {}): boolean {
  const invalid = (m: FqdnMatcher) => (m.kind === 'name' ? validateMatchName(m.value.trim()) : validateFqdnPattern(m.value.trim()));
  if (invalid(b)) return true; // b selects nothing
  if (invalid(a)) return false;
  const minor = options.ciliumMinor ?? DEFAULT_CILIUM_MINOR;
  const ca = compileMatcher(a, minor);
  const cb = compileMatcher(b, minor);
  if (ca.all) return true;
  if (cb.all) return false; // `a` has a fixed suffix or a fixed label count
  if (cb.anyPrefix && !ca.anyPrefix) return false; // b reaches every depth, a only one
  // Align from the right: a's labels must cover b's labels at the same positions.
  const aLabels = ca.labels;
  const bLabels = cb.labels;
  if (ca.anyPrefix) {
    // b needs at least one label left of a's suffix; for b with `**.` its own prefix supplies it.
    if (bLabels.length < aLabels.length || (!cb.anyPrefix && bLabels.length === aLabels.length)) return false;
  } else if (bLabels.length !== aLabels.length) {
    return false;
  }
  const offset = bLabels.length - aLabels.length;
  for (let i = 0; i < aLabels.length; i++) {
    const covered = globCovers(aLabels[i], bLabels[offset + i]);
    if (!covered) return false;
  }
  return true;
}

/**
 * Whether every label matched by glob `b` is matched by glob `a`. The empty label (after the
 * final dot) is compared exactly; other labels are non-empty DNS strings. Searches the product of
 * the two globs' position sets for a label `b` accepts and `a` rejects.
 */
function globCovers(a: string, b: string): boolean {
  if (b === '' || a === '') return a === b;
  if (!b.includes('*')) return globMatch(a, b);
  if (a === '*') return true;
  if (!a.includes('*')) return false; // b matches infinitely many labels, a only one
  // Letters that matter: those in either glob, plus one stand-in for every other DNS character.
  const alphabet = new Set<string>([...a.replace(/\*/g, ''), ...b.replace(/\*/g, '')]);
  const other = [...'abcdefghijklmnopqrstuvwxyz0123456789-_'].find((c) => !alphabet.has(c));
  if (other) alphabet.add(other);
  const letters = [...alphabet];
  const closure = (glob: string, positions: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (const p of positions) {
      let q = p;
      out.add(q);
      while (q < glob.length && glob[q] === '*') out.add(++q);
    }
    return [...out].sort((x, y) => x - y);
  };
  const step = (glob: string, positions: readonly number[], c: string): number[] => {
    const next: number[] = [];
    for (const p of positions) {
      if (p >= glob.length) continue;
      if (glob[p] === '*') next.push(p);
      else if (glob[p] === c) next.push(p + 1);
    }
    return closure(glob, next);
  };
  const accepts = (glob: string, positions: readonly number[]) => positions.includes(glob.length);
  const start: [number[], number[]] = [closure(b, [0]), closure(a, [0])];
  const seen = new Set<string>();
  const queue: [number[], number[], boolean][] = [[start[0], start[1], false]];
  let budget = 20_000;
  while (queue.length > 0) {
    const [pb, pa, nonEmpty] = queue.shift()!;
    if (nonEmpty && accepts(b, pb) && !accepts(a, pa)) return false;
    for (const c of letters) {
      const nb = step(b, pb, c);
      if (nb.length === 0) continue;
      const na = step(a, pa, c);
      const key = `${nb.join(',')}|${na.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (--budget < 0) return false;
      queue.push([nb, na, true]);
    }
  }
  return true;
}
