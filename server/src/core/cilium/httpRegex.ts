/**
 * Cilium HTTP rule regexes (`path`, `method`, `host`; policy-semantics.md C15).
 *
 * Cilium documents them as POSIX extended regexes, but what it actually does is: validate them
 * with Go's regexp.Compile (pkg/policy/api http.go `PortRuleHTTP.Sanitize`) and hand them to
 * Envoy as `safe_regex_match` header matchers with the Google RE2 engine on `:path`, `:method`
 * and `:authority` (pkg/envoy `getHTTPRule`). Envoy's header `safe_regex_match` requires the
 * ENTIRE header value to match ("The rule will not match if only a subsequence of the request
 * header value matches the regex"), so matching here is a full match: `/public` does not allow
 * `/public/index.html`; `/public.*` does.
 *
 * So the syntax accepted is Go's RE2 syntax (with its exact error messages), and matching uses
 * our own Thompson-NFA simulation (Pike VM without captures) over a parsed AST: linear in the
 * input for every pattern, and RE2 semantics (`$` = end of text, `\s` without `\v`, POSIX
 * classes, `(?P<name>…)`), which a JS RegExp translation would not give. No pattern from a
 * manifest is ever run by the JS regex engine.
 */

/**
 * Limit on compiled instructions, so matching stays fast. Go allows ~3.3 million (its 128 MB
 * program-size limit); patterns between the two are reported as "expression too large" here.
 */
const MAX_INSTRUCTIONS = 200_000;
/** Go's maximum nesting depth ("expression nests too deeply"). */
const MAX_DEPTH = 1000;
const MAX_RUNE = 0x10ffff;

// ---------------------------------------------------------------------------------------------
// Character sets

type Range = readonly [number, number];

interface Property {
  readonly test: RegExp;
  readonly negated: boolean;
}

interface CharSet {
  readonly ranges: Range[];
  readonly props: Property[];
  /** Complemented after case folding (a negated `[...]`). */
  readonly negated: boolean;
  /** (?i): also try the other case of the input character. */
  readonly fold: boolean;
}

function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const ch = (s: string) => s.codePointAt(0)!;
// prettier-ignore
const PERL_CLASSES: Record<string, Range[]> = {
  d: [[48, 57]],
  s: [[9, 10], [12, 13], [32, 32]], // RE2's \s has no \v
  w: [[48, 57], [65, 90], [95, 95], [97, 122]],
};

// prettier-ignore
const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [[48, 57], [65, 90], [97, 122]],
  alpha: [[65, 90], [97, 122]],
  ascii: [[0, 127]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 31], [127, 127]],
  digit: [[48, 57]],
  graph: [[33, 126]],
  lower: [[97, 122]],
  print: [[32, 126]],
  punct: [[33, 47], [58, 64], [91, 96], [123, 126]],
  space: [[9, 13], [32, 32]],
  upper: [[65, 90]],
  word: [[48, 57], [65, 90], [95, 95], [97, 122]],
  xdigit: [[48, 57], [65, 70], [97, 102]],
};

/** Go's Unicode general categories (unicode.Categories); anything else must be a script name. */
const UNICODE_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** A single-character test for `\p{name}`, or null when Go has no such table. */
function unicodeProperty(name: string): RegExp | null {
  if (name === 'Any') return /^[\s\S]$/u;
  if (!/^[A-Za-z_]+$/.test(name)) return null;
  try {
    // Safe: the name is letters only, and the expression tests one character.
    return UNICODE_CATEGORIES.has(name) ? new RegExp(`^\\p{${name}}$`, 'u') : new RegExp(`^\\p{Script=${name}}$`, 'u');
  } catch {
    return null;
  }
}

function otherCase(c: number, upper: boolean): number {
  const s = String.fromCodePoint(c);
  const t = upper ? s.toUpperCase() : s.toLowerCase();
  const cp = t.codePointAt(0)!;
  return t.length === String.fromCodePoint(cp).length ? cp : c;
}

function rawTest(set: CharSet, c: number): boolean {
  const ranges = set.ranges;
  for (let i = 0; i < ranges.length; i++) if (c >= ranges[i][0] && c <= ranges[i][1]) return true;
  if (set.props.length > 0) {
    const s = String.fromCodePoint(c);
    for (const p of set.props) if (p.test.test(s) !== p.negated) return true;
  }
  return false;
}

function setHas(set: CharSet, c: number): boolean {
  let hit = rawTest(set, c);
  if (!hit && set.fold) hit = rawTest(set, otherCase(c, false)) || rawTest(set, otherCase(c, true));
  return hit !== set.negated;
}

// ---------------------------------------------------------------------------------------------
// Syntax tree and parser (Go regexp/syntax with the Perl flags regexp.Compile uses)

type AssertKind = 'beginText' | 'endText' | 'beginLine' | 'endLine' | 'wordBoundary' | 'noWordBoundary';

type Node =
  | { readonly t: 'empty' }
  | { readonly t: 'char'; readonly set: CharSet }
  | { readonly t: 'assert'; readonly kind: AssertKind }
  | { readonly t: 'cat'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly items: readonly Node[] }
  /** max -1 = unbounded; `counted` for `{n,m}` (only those count toward Go's 1000-copy limit). */
  | { readonly t: 'rep'; readonly sub: Node; readonly min: number; readonly max: number; readonly counted: boolean };

interface Flags {
  fold: boolean;
  multiLine: boolean;
  dotNL: boolean;
}

class RegexError {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {}
  get message(): string {
    return this.expr === '' ? this.code : `${this.code}: \`${this.expr}\``;
  }
}

const ERR = {
  missingParen: 'missing closing )',
  unexpectedParen: 'unexpected )',
  missingBracket: 'missing closing ]',
  charRange: 'invalid character class range',
  escape: 'invalid escape sequence',
  trailingBackslash: 'trailing backslash at end of expression',
  missingRepeatArg: 'missing argument to repetition operator',
  nestedRepeat: 'invalid nested repetition operator',
  repeatSize: 'invalid repeat count',
  perlOp: 'invalid or unsupported Perl syntax',
  namedCapture: 'invalid named capture',
  nesting: 'expression nests too deeply',
  large: 'expression too large',
};

const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const hexValue = (c: number | undefined): number => {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
};

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly cp: number[];

  constructor(private readonly source: string) {
    this.cp = Array.from(source, (c) => c.codePointAt(0)!);
  }

  parse(): Node {
    const flags: Flags = { fold: false, multiLine: false, dotNL: false };
    const node = this.parseAlternation(flags);
    if (this.pos < this.cp.length) throw new RegexError(ERR.unexpectedParen, this.source); // a stray ')'
    return node;
  }

  private text(from: number, to: number = this.pos): string {
    let s = '';
    for (let i = from; i < to && i < this.cp.length; i++) s += String.fromCodePoint(this.cp[i]);
    return s;
  }

  private peek(offset = 0): number | undefined {
    return this.cp[this.pos + offset];
  }

  /** Alternatives up to an unmatched `)` or the end; `(?flags)` changes `flags` for the rest of the group. */
  private parseAlternation(flags: Flags): Node {
    const branches: Node[] = [];
    let items: Node[] = [];
    let lastRepeatStart = -1;
    while (this.pos < this.cp.length) {
      const c = this.cp[this.pos];
      if (c === ch(')')) break;
      if (c === ch('|')) {
        branches.push(concat(items));
        items = [];
        this.pos++;
        lastRepeatStart = -1;
        continue;
      }
      const start = this.pos;
      if (c === ch('*') || c === ch('+') || c === ch('?')) {
        this.pos++;
        const [min, max] = c === ch('*') ? [0, -1] : c === ch('+') ? [1, -1] : [0, 1];
        this.applyRepeat(items, start, lastRepeatStart, min, max, false);
        lastRepeatStart = start;
        continue;
      }
      if (c === ch('{')) {
        const repeat = this.tryParseCount();
        if (repeat) {
          const [min, max] = repeat;
          if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
            throw new RegexError(ERR.repeatSize, this.text(start));
          }
          this.applyRepeat(items, start, lastRepeatStart, min, max, true);
          lastRepeatStart = start;
          continue;
        }
      }
      lastRepeatStart = -1;
      this.parseAtom(items, flags);
    }
    branches.push(concat(items));
    return branches.length === 1 ? branches[0] : { t: 'alt', items: branches };
  }

  private applyRepeat(items: Node[], start: number, lastRepeatStart: number, min: number, max: number, counted: boolean): void {
    if (this.peek() === ch('?')) this.pos++; // non-greedy: same language
    if (lastRepeatStart >= 0) throw new RegexError(ERR.nestedRepeat, this.text(lastRepeatStart));
    if (items.length === 0) throw new RegexError(ERR.missingRepeatArg, this.text(start));
    const sub = items.pop()!;
    const node: Node = { t: 'rep', sub, min, max, counted };
    if (counted && (min >= 2 || max >= 2) && !repeatIsValid(node, 1000)) throw new RegexError(ERR.repeatSize, this.text(start));
    items.push(node);
  }

  /** `{n}`, `{n,}`, `{n,m}` at pos; null (and pos unchanged) when it is a literal `{`. */
  private tryParseCount(): [number, number] | null {
    const save = this.pos;
    this.pos++;
    const min = this.parseInt();
    let max = min;
    let ok = min !== null;
    let min2 = min;
    if (ok && this.peek() === ch(',')) {
      this.pos++;
      if (this.peek() === ch('}')) max = -1;
      else {
        max = this.parseInt();
        ok = max !== null;
        if (max === -1) min2 = -1; // too big: reported as a bad count, as Go does
      }
    }
    if (ok && this.peek() === ch('}')) {
      this.pos++;
      return [min2!, max!];
    }
    this.pos = save;
    return null;
  }

  /** Decimal without leading zeros; values too large become -1 (reported as a bad count). */
  private parseInt(): number | null {
    if (!isDigit(this.peek())) return null;
    if (this.peek() === ch('0') && isDigit(this.peek(1))) return null;
    let n = 0;
    while (isDigit(this.peek())) {
      if (n >= 1e8) n = -1;
      else if (n >= 0) n = n * 10 + (this.cp[this.pos] - 48);
      this.pos++;
    }
    return n;
  }

  private parseAtom(items: Node[], flags: Flags): void {
    const c = this.cp[this.pos];
    switch (c) {
      case ch('('):
        this.parseGroup(items, flags);
        return;
      case ch('^'):
        this.pos++;
        items.push({ t: 'assert', kind: flags.multiLine ? 'beginLine' : 'beginText' });
        return;
      case ch('$'):
        this.pos++;
        items.push({ t: 'assert', kind: flags.multiLine ? 'endLine' : 'endText' });
        return;
      case ch('.'):
        this.pos++;
        items.push(charNode(flags.dotNL ? [[0, MAX_RUNE]] : [[0, 9], [11, MAX_RUNE]], false));
        return;
      case ch('['):
        items.push({ t: 'char', set: this.parseClass(flags) });
        return;
      case ch('\\'):
        this.parseBackslash(items, flags);
        return;
      default:
        this.pos++;
        items.push(literal(c, flags));
    }
  }

  private parseGroup(items: Node[], outer: Flags): void {
    const start = this.pos;
    let inner: Flags = { ...outer };
    if (this.peek(1) === ch('?')) {
      const named = this.peek(2) === ch('P') && this.peek(3) === ch('<') ? 4 : this.peek(2) === ch('<') ? 3 : 0;
      if (named) {
        const close = this.cp.indexOf(ch('>'), this.pos);
        if (close < 0) throw new RegexError(ERR.namedCapture, this.text(start, this.cp.length));
        const name = this.cp.slice(this.pos + named, close);
        if (name.length === 0 || !name.every((x) => x === ch('_') || isAlnum(x))) {
          throw new RegexError(ERR.namedCapture, this.text(start, close + 1));
        }
        this.pos = close + 1;
      } else {
        // (?flags) or (?flags:...)
        this.pos += 2;
        const next: Flags = { ...outer };
        let negate = false;
        let sawFlag = false;
        for (;;) {
          const f = this.cp[this.pos++];
          if (f === undefined) throw new RegexError(ERR.perlOp, this.text(start));
          if (f === ch('i')) next.fold = !negate;
          else if (f === ch('m')) next.multiLine = !negate;
          else if (f === ch('s')) next.dotNL = !negate;
          else if (f === ch('U')) {
            /* non-greedy by default: same language */
          } else if (f === ch('-') && !negate) {
            negate = true;
            sawFlag = false;
            continue;
          } else if ((f === ch(':') || f === ch(')')) && !(negate && !sawFlag)) {
            if (f === ch(')')) {
              // Flags for the rest of the current group.
              Object.assign(outer, next);
              return;
            }
            inner = next;
            break;
          } else {
            throw new RegexError(ERR.perlOp, this.text(start));
          }
          sawFlag = true;
        }
      }
    } else {
      this.pos++;
    }
    if (++this.depth > MAX_DEPTH) throw new RegexError(ERR.nesting, '');
    const body = this.parseAlternation(inner);
    this.depth--;
    if (this.peek() !== ch(')')) throw new RegexError(ERR.missingParen, this.source);
    this.pos++;
    items.push(body);
  }

  private parseBackslash(items: Node[], flags: Flags): void {
    const start = this.pos;
    const next = this.peek(1);
    switch (next) {
      case ch('A'):
        this.pos += 2;
        items.push({ t: 'assert', kind: 'beginText' });
        return;
      case ch('z'):
        this.pos += 2;
        items.push({ t: 'assert', kind: 'endText' });
        return;
      case ch('b'):
        this.pos += 2;
        items.push({ t: 'assert', kind: 'wordBoundary' });
        return;
      case ch('B'):
        this.pos += 2;
        items.push({ t: 'assert', kind: 'noWordBoundary' });
        return;
      case ch('C'):
        throw new RegexError(ERR.escape, this.text(start, start + 2));
      case ch('Q'): {
        // \Q...\E: everything up to \E (or the end) is literal.
        this.pos += 2;
        while (this.pos < this.cp.length && !(this.cp[this.pos] === ch('\\') && this.peek(1) === ch('E'))) {
          items.push(literal(this.cp[this.pos++], flags));
        }
        if (this.pos < this.cp.length) this.pos += 2;
        return;
      }
    }
    const set: CharSet = { ranges: [], props: [], negated: false, fold: flags.fold };
    if (this.parseClassEscape(set)) {
      items.push({ t: 'char', set });
      return;
    }
    items.push(literal(this.parseEscape(), flags));
  }

  /** `\pL`, `\p{Greek}`, `\PL`, `\d`, `\s`, `\w` and negations, added to `set`; false if not one. */
  private parseClassEscape(set: CharSet): boolean {
    const start = this.pos;
    const letter = this.peek(1);
    if (letter === ch('p') || letter === ch('P')) {
      let negated = letter === ch('P');
      this.pos += 2;
      let name: string;
      if (this.peek() === ch('{')) {
        const close = this.cp.indexOf(ch('}'), this.pos);
        if (close < 0) throw new RegexError(ERR.charRange, this.text(start, this.cp.length));
        name = this.text(this.pos + 1, close);
        this.pos = close + 1;
      } else {
        name = this.pos < this.cp.length ? String.fromCodePoint(this.cp[this.pos++]) : '';
      }
      if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
      }
      const test = unicodeProperty(name);
      if (!test) throw new RegexError(ERR.charRange, this.text(start));
      set.props.push({ test, negated });
      return true;
    }
    const name = letter === undefined ? '' : String.fromCodePoint(letter);
    if (name.length === 1 && 'dswDSW'.includes(name)) {
      this.pos += 2;
      const ranges = PERL_CLASSES[name.toLowerCase()];
      set.ranges.push(...(name === name.toLowerCase() ? ranges : complement(ranges)));
      return true;
    }
    return false;
  }

  /** A single-character escape at pos (which is a backslash); Go's parseEscape. */
  private parseEscape(): number {
    const start = this.pos;
    this.pos++;
    const c = this.cp[this.pos++];
    if (c === undefined) throw new RegexError(ERR.trailingBackslash, '');
    if (c < 0x80 && !isAlnum(c)) return c; // escaped punctuation is itself
    if (c >= ch('1') && c <= ch('7') && !(this.peek() !== undefined && this.peek()! >= ch('0') && this.peek()! <= ch('7'))) {
      // A single non-zero digit would be a backreference, which RE2 does not support.
      throw new RegexError(ERR.escape, this.text(start));
    }
    if (c >= ch('0') && c <= ch('7')) {
      let r = c - 48;
      for (let i = 1; i < 3; i++) {
        const d = this.peek();
        if (d === undefined || d < ch('0') || d > ch('7')) break;
        r = r * 8 + (d - 48);
        this.pos++;
      }
      return r;
    }
    switch (c) {
      case ch('x'): {
        if (this.peek() === ch('{')) {
          this.pos++;
          let r = 0;
          let digits = 0;
          for (;;) {
            const d = this.cp[this.pos++];
            if (d === undefined) throw new RegexError(ERR.escape, this.text(start));
            if (d === ch('}')) break;
            const v = hexValue(d);
            if (v < 0) throw new RegexError(ERR.escape, this.text(start));
            r = r * 16 + v;
            if (r > MAX_RUNE) throw new RegexError(ERR.escape, this.text(start));
            digits++;
          }
          if (digits === 0) throw new RegexError(ERR.escape, this.text(start));
          return r;
        }
        const x = hexValue(this.cp[this.pos++]);
        const y = hexValue(this.cp[this.pos++]);
        if (x < 0 || y < 0) throw new RegexError(ERR.escape, this.text(start));
        return x * 16 + y;
      }
      case ch('a'):
        return 7;
      case ch('f'):
        return 12;
      case ch('n'):
        return 10;
      case ch('r'):
        return 13;
      case ch('t'):
        return 9;
      case ch('v'):
        return 11;
    }
    throw new RegexError(ERR.escape, this.text(start));
  }

  private parseClass(flags: Flags): CharSet {
    const start = this.pos;
    const wholeClass = () => this.text(start, this.cp.length);
    this.pos++;
    let negated = false;
    if (this.peek() === ch('^')) {
      negated = true;
      this.pos++;
    }
    const set: CharSet = { ranges: [], props: [], negated, fold: flags.fold };
    let first = true; // ']' right after '[' or '[^' is a literal
    while (this.pos >= this.cp.length || this.cp[this.pos] !== ch(']') || first) {
      if (this.pos >= this.cp.length) throw new RegexError(ERR.missingBracket, wholeClass());
      first = false;
      // POSIX class [:alpha:] / [:^alpha:]
      if (this.peek() === ch('[') && this.peek(1) === ch(':')) {
        const close = this.findSequence(ch(':'), ch(']'), this.pos + 2);
        if (close >= 0) {
          const name = this.text(this.pos, close + 2);
          const inner = this.text(this.pos + 2, close);
          const neg = inner.startsWith('^');
          const ranges = POSIX_CLASSES[neg ? inner.slice(1) : inner];
          if (!ranges) throw new RegexError(ERR.charRange, name);
          set.ranges.push(...(neg ? complement(ranges) : ranges));
          this.pos = close + 2;
          continue;
        }
      }
      if (this.peek() === ch('\\') && this.parseClassEscape(set)) continue;
      const rangeStart = this.pos;
      const lo = this.parseClassChar(wholeClass);
      let hi = lo;
      if (this.peek() === ch('-') && this.peek(1) !== undefined && this.peek(1) !== ch(']')) {
        this.pos++;
        hi = this.parseClassChar(wholeClass);
        if (hi < lo) throw new RegexError(ERR.charRange, this.text(rangeStart));
      }
      set.ranges.push([lo, hi]);
    }
    this.pos++; // ']'
    return set;
  }

  private parseClassChar(wholeClass: () => string): number {
    if (this.pos >= this.cp.length) throw new RegexError(ERR.missingBracket, wholeClass());
    if (this.cp[this.pos] === ch('\\')) return this.parseEscape();
    return this.cp[this.pos++];
  }

  private findSequence(a: number, b: number, from: number): number {
    for (let i = from; i + 1 < this.cp.length; i++) if (this.cp[i] === a && this.cp[i + 1] === b) return i;
    return -1;
  }
}

function concat(items: Node[]): Node {
  if (items.length === 0) return { t: 'empty' };
  return items.length === 1 ? items[0] : { t: 'cat', items };
}

function charNode(ranges: Range[], fold: boolean): Node {
  return { t: 'char', set: { ranges, props: [], negated: false, fold } };
}

function literal(c: number, flags: Flags): Node {
  if (!flags.fold) return charNode([[c, c]], false);
  const variants = new Set([c, otherCase(c, false), otherCase(c, true)]);
  return charNode(
    [...variants].map((v) => [v, v] as const),
    false,
  );
}

/** Go's rule: nested counted repetitions may not exceed 1000 copies of the innermost thing. */
function repeatIsValid(node: Node, n: number): boolean {
  let limit = n;
  if (node.t === 'rep' && node.counted) {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > limit) return false;
    if (m > 0) limit = Math.floor(limit / m);
  }
  switch (node.t) {
    case 'rep':
      return repeatIsValid(node.sub, limit);
    case 'cat':
    case 'alt':
      return node.items.every((i) => repeatIsValid(i, limit));
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Compilation to a Pike VM program

const enum Op {
  Char,
  Split,
  Jmp,
  Assert,
  Match,
}

interface Inst {
  op: Op;
  /** Split: both targets; Jmp: x. Char/Assert continue at the next instruction. */
  x: number;
  y: number;
  /** Char: the set, and for a plain range (no case folding, classes or negation) its bounds. */
  set: CharSet | null;
  lo: number;
  hi: number;
  kind: AssertKind | null;
}

function inst(op: Op, x = 0, y = 0): Inst {
  return { op, x, y, set: null, lo: -1, hi: -1, kind: null };
}

function charInst(set: CharSet): Inst {
  const i = inst(Op.Char);
  i.set = set;
  if (!set.negated && !set.fold && set.props.length === 0 && set.ranges.length === 1) [i.lo, i.hi] = set.ranges[0];
  return i;
}

function programSize(node: Node): number {
  switch (node.t) {
    case 'empty':
      return 0;
    case 'char':
    case 'assert':
      return 1;
    case 'cat':
      return node.items.reduce((n, i) => n + programSize(i), 0);
    case 'alt':
      return node.items.reduce((n, i) => n + programSize(i), 0) + 2 * (node.items.length - 1);
    case 'rep': {
      const sub = programSize(node.sub);
      const optional = node.max < 0 ? sub + 2 : (node.max - node.min) * (sub + 1);
      return node.min * sub + optional;
    }
  }
}

function compileProgram(node: Node): Inst[] {
  const prog: Inst[] = [];
  const emit = (inst: Inst): number => prog.push(inst) - 1;
  const gen = (n: Node): void => {
    switch (n.t) {
      case 'empty':
        return;
      case 'char':
        emit(charInst(n.set));
        return;
      case 'assert':
        prog[emit(inst(Op.Assert))].kind = n.kind;
        return;
      case 'cat':
        for (const item of n.items) gen(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.items.forEach((item, i) => {
          if (i < n.items.length - 1) {
            const split = emit(inst(Op.Split));
            prog[split].x = prog.length;
            gen(item);
            jumps.push(emit(inst(Op.Jmp)));
            prog[split].y = prog.length;
          } else {
            gen(item);
          }
        });
        for (const j of jumps) prog[j].x = prog.length;
        return;
      }
      case 'rep': {
        for (let i = 0; i < n.min; i++) gen(n.sub);
        if (n.max < 0) {
          const split = emit(inst(Op.Split));
          prog[split].x = prog.length;
          gen(n.sub);
          emit(inst(Op.Jmp, split));
          prog[split].y = prog.length;
        } else {
          for (let i = n.min; i < n.max; i++) {
            const split = emit(inst(Op.Split));
            prog[split].x = prog.length;
            gen(n.sub);
            prog[split].y = prog.length;
          }
        }
        return;
      }
    }
  };
  gen(node);
  emit(inst(Op.Match));
  return prog;
}

const isWordChar = (c: number | undefined) => c !== undefined && (isAlnum(c) || c === 95);

/** Full-match simulation: every thread advances in lockstep, so time is O(|input| · |program|). */
function fullMatch(prog: readonly Inst[], input: string): boolean {
  const length = input.length;
  const size = prog.length;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  let currentCount = 0;
  let nextCount = 0;
  const mark = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size + 1);
  let generation = 0;

  // Positions are UTF-16 offsets; assertions only look at ASCII neighbours ('\n', word
  // characters), which a surrogate half never is, so charCodeAt is enough here.
  const holds = (kind: AssertKind, pos: number): boolean => {
    const before = pos > 0 ? input.charCodeAt(pos - 1) : undefined;
    const after = pos < length ? input.charCodeAt(pos) : undefined;
    switch (kind) {
      case 'beginText':
        return pos === 0;
      case 'endText':
        return pos === length;
      case 'beginLine':
        return pos === 0 || before === 10;
      case 'endLine':
        return pos === length || after === 10;
      case 'wordBoundary':
        return isWordChar(before) !== isWordChar(after);
      case 'noWordBoundary':
        return isWordChar(before) === isWordChar(after);
    }
  };

  // Adds the epsilon closure of `pc` at `pos` to `list`; returns the new count.
  const addClosure = (list: Int32Array, count: number, pc: number, pos: number): number => {
    let sp = 0;
    if (mark[pc] === generation) return count;
    mark[pc] = generation;
    stack[sp++] = pc;
    while (sp > 0) {
      const at = stack[--sp];
      const inst = prog[at];
      let a = -1;
      let b = -1;
      if (inst.op === Op.Jmp) a = inst.x;
      else if (inst.op === Op.Split) {
        a = inst.y;
        b = inst.x;
      } else if (inst.op === Op.Assert) {
        if (holds(inst.kind!, pos)) a = at + 1;
      } else {
        list[count++] = at;
      }
      // Each instruction enters the stack at most once per position, so it never overflows.
      if (a >= 0 && mark[a] !== generation) {
        mark[a] = generation;
        stack[sp++] = a;
      }
      if (b >= 0 && mark[b] !== generation) {
        mark[b] = generation;
        stack[sp++] = b;
      }
    }
    return count;
  };

  currentCount = addClosure(current, 0, 0, 0);
  for (let pos = 0; pos < length; ) {
    if (currentCount === 0) return false;
    generation++;
    nextCount = 0;
    const c = input.codePointAt(pos)!;
    const after = pos + (c > 0xffff ? 2 : 1);
    for (let i = 0; i < currentCount; i++) {
      const inst = prog[current[i]];
      if (inst.op !== Op.Char) continue;
      const hit = inst.lo >= 0 ? c >= inst.lo && c <= inst.hi : setHas(inst.set!, c);
      if (hit) nextCount = addClosure(next, nextCount, current[i] + 1, after);
    }
    pos = after;
    const swap = current;
    current = next;
    next = swap;
    currentCount = nextCount;
  }
  for (let i = 0; i < currentCount; i++) if (prog[current[i]].op === Op.Match) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Public API

export type CompiledHttpRegex = { readonly ok: true; test(input: string): boolean } | { readonly ok: false; readonly error: string };

const cache = new Map<string, CompiledHttpRegex>();
const CACHE_LIMIT = 500;

/** Parses and compiles a Cilium HTTP regex; never throws. */
export function compileHttpRegex(re: string): CompiledHttpRegex {
  const cached = cache.get(re);
  if (cached) return cached;
  let result: CompiledHttpRegex;
  try {
    const ast = new Parser(re).parse();
    if (programSize(ast) > MAX_INSTRUCTIONS) throw new RegexError(ERR.large, '');
    const prog = compileProgram(ast);
    result = { ok: true, test: (input: string) => fullMatch(prog, input) };
  } catch (e) {
    if (e instanceof RegexError) result = { ok: false, error: e.message };
    else if (e instanceof RangeError) result = { ok: false, error: ERR.nesting }; // call stack exhausted
    else throw e;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(re, result);
  return result;
}

/** Go regexp's complaint about `re` (e.g. "missing closing ): `(a`"), or null when it compiles. */
export function validateHttpRegex(re: string): string | null {
  const compiled = compileHttpRegex(re);
  return compiled.ok ? null : compiled.error;
}

/** Whether `input` matches `re` in full (Envoy semantics). An invalid regex matches nothing. */
export function httpRegexMatches(re: string, input: string): boolean {
  const compiled = compileHttpRegex(re);
  return compiled.ok && compiled.test(input);
}
