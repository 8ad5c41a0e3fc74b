import { checkFile, type CheckOptions } from '../analysis/checkFile';
import type { Resource } from '../k8s/resources';
import { ALL_RULES } from '../rules/index';
import type { Finding, Rule, WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { YNode } from '../yaml/nodes';
import type { YamlDocument } from '../yaml/parseYaml';
import type { ManifestFile } from './manifestFile';

/** Findings of one rule on one document, and whether they may change when other documents change. */
interface RuleResult {
  readonly rule: Rule;
  readonly findings: readonly Finding[];
  /** The rule read the workspace or the rest of the file: valid only for `revision`. */
  readonly dependent: boolean;
  readonly revision: number;
}

/** The revision of a dependent rule left out by a quick pass: never current. */
const NOT_COMPUTED = -1;

/** What is remembered of one document: its findings at the offset they were computed for. */
interface DocumentEntry {
  readonly offset: number;
  readonly syntax: readonly Finding[];
  readonly rules: readonly RuleResult[];
}

/**
 * Entries by document: its parsed tree when it has one (the parse cache hands the same tree to
 * the same text, and object keys hash cheaply), else its text. A queue: a file may repeat a document.
 */
type DocumentEntries = Map<YNode | string, DocumentEntry[]>;

function documentKey(doc: YamlDocument): YNode | string {
  return doc.root ?? doc.text;
}

type Options = Pick<CheckOptions, 'onRuleError'>;

/** Whether the rule being run reached beyond its document; in a quick pass, reaching stops it. */
interface Probe {
  inRule: boolean;
  dependent: boolean;
  readonly defer: boolean;
}

/** Thrown into a rule that reaches for the workspace during a quick pass (and caught around it). */
const DEFERRED = new Error('deferred: the rule reads the workspace');

function reached(probe: Probe | null): void {
  if (!probe?.inRule) return;
  probe.dependent = true;
  if (probe.defer) throw DEFERRED;
}

/**
 * The workspace as rules see it, noting when the rule being run reaches for it. One per workspace
 * view, so what rules memoise per view (WeakMaps keyed by `context.workspace`) is shared by every
 * document and pass of that revision.
 */
class TrackedView implements WorkspaceView {
  probe: Probe | null = null;

  constructor(private readonly inner: WorkspaceView) {}

  get resources() {
    reached(this.probe);
    return this.inner.resources;
  }

  get files() {
    reached(this.probe);
    return this.inner.files;
  }

  policyModel() {
    reached(this.probe);
    return this.inner.policyModel();
  }
}

/**
 * `checkFile` made incremental: findings are remembered per document text and per rule. After an
 * edit, a document whose text did not change reuses the findings of every rule that looked only
 * at that document (moved with the document); rules that read the workspace (or other documents
 * of the file) run again when the workspace revision changed. The results are exactly what
 * `checkFile` gives (same rules, settings, order), because each piece is computed by `checkFile`.
 */
export class IncrementalChecker {
  private readonly files = new Map<string, DocumentEntries>();
  private settings: AnalysisSettings | null = null;
  private readonly views = new WeakMap<WorkspaceView, TrackedView>();
  /**
   * Rules seen reading the workspace on any document: they count as dependent everywhere, since
   * a rule may read it once into a per-view memo and then answer other documents from the memo
   * without touching the view again.
   */
  private readonly dependentRules = new Set<Rule>();

  constructor(private readonly rules: readonly Rule[] = ALL_RULES) {}

  /** Findings of `file` against `workspace` at `revision` (bump it whenever any file changes). */
  check(file: ManifestFile, workspace: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options = {}): Finding[] {
    return drain(this.steps(file, workspace, settings, revision, options, false)).findings;
  }

  /**
   * `check` (or with `quick`, `checkOwnDocuments`) one document at a time: each `next()` checks
   * one document, so a host can answer requests in between. Abandoning the generator midway
   * changes nothing: what it learnt is kept only when it finishes.
   */
  *steps(file: ManifestFile, workspace: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options = {}, quick = false): Generator<void, { findings: Finding[]; complete: boolean }> {
    return yield* this.run(file, workspace, settings, revision, options, quick);
  }

  /**
   * A quick first pass: syntax and every rule that looks only at its own document; a rule that
   * reaches for the workspace (or the rest of the file) is stopped there, and its findings are
   * left out (`complete` false) until `check` computes them. What this pass computed is kept,
   * so the `check` that follows runs only what was left out.
   */
  checkOwnDocuments(file: ManifestFile, workspace: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options = {}): { findings: Finding[]; complete: boolean } {
    return drain(this.steps(file, workspace, settings, revision, options, true));
  }

  /** Forgets a file (closed or deleted). */
  forget(uri: string): void {
    this.files.delete(uri);
  }

  private *run(file: ManifestFile, inner: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options, defer: boolean): Generator<void, { findings: Finding[]; complete: boolean }> {
    let workspace = this.views.get(inner);
    if (!workspace) {
      workspace = new TrackedView(inner);
      this.views.set(inner, workspace);
    }
    if (settings !== this.settings) {
      this.files.clear();
      this.settings = settings;
    }
    if (file.skipped || !file.isKubernetes || file.problems.length > 0) {
      this.files.delete(file.uri);
      return { findings: checkFile(file, workspace, settings, { rules: this.rules, onRuleError: options.onRuleError }), complete: true };
    }
    const groups = resourcesByDocument(file);
    const previous = this.files.get(file.uri);
    // How many entries of each key were taken (not shifted out: an abandoned run leaves them).
    const taken = new Map<YNode | string, number>();
    const next: DocumentEntries = new Map();
    const findings: Finding[] = [];
    let complete = true;
    for (let i = 0; i < file.documents.length; i++) {
      const doc = file.documents[i];
      const key = documentKey(doc);
      if (i > 0) yield;
      const n = taken.get(key) ?? 0;
      taken.set(key, n + 1);
      const old = previous?.get(key)?.[n];
      const entry = this.checkDocument(file, doc, groups[i], old, workspace, settings, revision, options, defer);
      const queue = next.get(key);
      if (queue) queue.push(entry);
      else next.set(key, [entry]);
      const delta = doc.offset - entry.offset;
      for (const f of entry.syntax) findings.push(delta ? moved(f, file.uri, delta) : f);
      for (const r of entry.rules) {
        if (r.revision === NOT_COMPUTED || (r.revision !== revision && (r.dependent || this.dependentRules.has(r.rule)))) {
          // Only a quick pass gets here: left out until computed.
          complete = false;
          continue;
        }
        for (const f of r.findings) findings.push(delta ? moved(f, file.uri, delta) : f);
      }
    }
    this.files.set(file.uri, next);
    return { findings: findings.sort((a, b) => a.location.start - b.location.start || a.location.end - b.location.end || a.ruleId.localeCompare(b.ruleId)), complete };
  }

  private checkDocument(
    file: ManifestFile,
    doc: YamlDocument,
    resources: readonly Resource[],
    old: DocumentEntry | undefined,
    workspace: TrackedView,
    settings: AnalysisSettings,
    revision: number,
    options: Options,
    defer: boolean,
  ): DocumentEntry {
    if (old) {
      const current = (r: RuleResult) => r.revision === revision || (!r.dependent && !this.dependentRules.has(r.rule));
      if (defer || old.rules.every(current)) return old;
      // Same text: rules that looked only at this document keep their findings (at the old
      // offset); the others, known to read the workspace, run again together in one pass.
      const stale = old.rules.filter((r) => !current(r)).map((r) => r.rule);
      const found = checkFile(restricted(file, [], resources, null), workspace, settings, { rules: stale, onRuleError: options.onRuleError });
      const delta = old.offset - doc.offset;
      const rules = old.rules.map((r): RuleResult => {
        if (current(r)) return r;
        const own = found.filter((f) => f.ruleId === r.rule.id);
        return { rule: r.rule, findings: delta ? own.map((f) => moved(f, file.uri, delta)) : own, dependent: true, revision };
      });
      return { offset: old.offset, syntax: old.syntax, rules };
    }
    const syntax = checkFile(restricted(file, [doc], [], null), workspace, settings, { rules: [] });
    const kinds = new Set(resources.map((r) => r.kind));
    const rules: RuleResult[] = [];
    for (const rule of this.rules) {
      if (!rule.kinds.includes('*') && !rule.kinds.some((k) => kinds.has(k))) continue;
      rules.push(this.runRule(file, resources, rule, workspace, settings, revision, options, defer));
    }
    return { offset: doc.offset, syntax, rules };
  }

  /** One rule over one document's resources, recording whether it read beyond the document. */
  private runRule(
    file: ManifestFile,
    resources: readonly Resource[],
    rule: Rule,
    workspace: TrackedView,
    settings: AnalysisSettings,
    revision: number,
    options: Options,
    defer: boolean,
  ): RuleResult {
    const probe: Probe = { inRule: false, dependent: false, defer };
    const wrapped: Rule = {
      ...rule,
      check(resource, context) {
        probe.inRule = true;
        try {
          rule.check(resource, context);
        } finally {
          probe.inRule = false;
        }
      },
    };
    workspace.probe = probe;
    let found: Finding[];
    try {
      found = checkFile(restricted(file, [], resources, probe), workspace, settings, {
        rules: [wrapped],
        onRuleError: (_r, resource, error) => {
          if (error !== DEFERRED) options.onRuleError?.(rule, resource, error);
        },
      });
    } finally {
      workspace.probe = null;
    }
    if (probe.dependent) this.dependentRules.add(rule);
    // Stopped by a quick pass: known to read the workspace, and not computed yet.
    if (probe.defer && probe.dependent) return { rule, findings: [], dependent: true, revision: NOT_COMPUTED };
    return { rule, findings: found, dependent: probe.dependent || this.dependentRules.has(rule), revision };
  }
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Each document's resources (readManifestFile lists them in document order). */
function resourcesByDocument(file: ManifestFile): Resource[][] {
  const groups: Resource[][] = file.documents.map(() => []);
  let d = 0;
  for (const r of file.resources) {
    while (d < file.documents.length && file.documents[d] !== r.source.document) d++;
    if (d === file.documents.length) {
      // Not in document order after all: group by lookup instead.
      const index = new Map(file.documents.map((doc, i) => [doc, i]));
      for (const g of groups) g.length = 0;
      for (const x of file.resources) groups[index.get(x.source.document) ?? 0]?.push(x);
      return groups;
    }
    groups[d].push(r);
  }
  return groups;
}

/**
 * The file as `checkFile` should walk it (only these documents and resources, no file problems),
 * while a rule reading `context.file` still sees the whole file — and is then marked dependent.
 */
function restricted(file: ManifestFile, documents: readonly YamlDocument[], resources: readonly Resource[], probe: Probe | null): ManifestFile {
  const own: Record<string, unknown> = { documents, resources, problems: [] };
  return new Proxy(file, {
    get(target, property) {
      if (typeof property === 'string' && property in own) {
        if (!probe?.inRule) return own[property];
        reached(probe);
      }
      // Getters (lines) run on the real file, so its cached line index is shared.
      return Reflect.get(target, property, target);
    },
  });
}

/** A finding moved by `delta` characters with its document (edits and related places in the same file too). */
function moved(f: Finding, uri: string, delta: number): Finding {
  const shift = <T extends { uri: string; start: number; end: number }>(l: T): T => (l.uri === uri ? { ...l, start: l.start + delta, end: l.end + delta } : l);
  return {
    ...f,
    location: shift(f.location),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, location: shift(r.location) })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map(shift) })) } : {}),
  };
}
