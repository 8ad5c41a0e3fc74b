import { checkFile, type CheckOptions } from '../analysis/checkFile';
import type { Resource } from '../k8s/resources';
import { ALL_RULES } from '../rules/index';
import type { Finding, Rule, WorkspaceView } from '../rules/types';
import type { AnalysisSettings } from '../settings/analysisSettings';
import type { YamlDocument } from '../yaml/parseYaml';
import { groupBy } from '../lists';
import { FacetLog, isScoped, OWN_FILE, RuleReads, type Facet } from './facets';
import { anchorFindings, NO_FINDINGS, type AnchoredFindings } from './anchors';
import type { ManifestFile } from './manifestFile';

/** Findings of one rule on one document, computed at one workspace revision. */
interface RuleResult {
  readonly rule: Rule;
  /** What the rule read, on this document and others (shared by all its results). */
  readonly reads: RuleReads;
  /** Scoped facets the rule read on this document (resources of one namespace). */
  readonly scoped: readonly Facet[] | null;
  readonly found: AnchoredFindings;
  readonly revision: number;
}

/** The revision of a rule left out by a quick pass: never current. */
const NOT_COMPUTED = -1;

/** What is remembered of one document: its syntax findings and each rule's. */
interface DocumentEntry {
  /** The checker's generation (settings) the entry was made under. */
  readonly generation: number;
  /** The document the findings are anchored to (the same object while its text is unchanged). */
  readonly doc: YamlDocument;
  readonly syntax: AnchoredFindings;
  readonly rules: readonly RuleResult[];
  /** The document's findings as last handed out, when they were all current (they follow their documents). */
  placed?: readonly Finding[];
}

/** Documents checked between two steps of `steps` (a step stays well under a millisecond). */
const DOCUMENTS_PER_STEP = 32;

type Options = Pick<CheckOptions, 'onRuleError'>;

/** What the rule being run read beyond its document; in a quick pass, reading stops it. */
interface Probe {
  inRule: boolean;
  /** Made on the first read: most rules read nothing beyond their document. */
  facets: Set<Facet> | null;
  readonly defer: boolean;
}

/** Thrown into a rule that reaches for the workspace during a quick pass (and caught around it). */
const DEFERRED = new Error('deferred: the rule reads the workspace');

function reached(probe: Probe | null, facet: Facet): void {
  if (!probe?.inRule) return;
  (probe.facets ??= new Set()).add(facet);
  if (probe.defer) throw DEFERRED;
}

/**
 * The workspace as rules see it, noting what the rule being run reads. One per workspace view,
 * so what rules memoise per view (WeakMaps keyed by `context.workspace`) is shared by every
 * document and pass of that revision.
 */
class TrackedView implements WorkspaceView {
  probe: Probe | null = null;

  constructor(readonly inner: WorkspaceView) {}

  get resources() {
    reached(this.probe, 'all');
    return this.inner.resources;
  }

  get files() {
    reached(this.probe, 'files');
    return this.inner.files;
  }

  get uris() {
    reached(this.probe, 'uris');
    return this.inner.uris;
  }

  ofKinds(kinds: readonly string[]) {
    reached(this.probe, `kinds:${kinds.join(',')}`);
    return this.inner.ofKinds(kinds);
  }

  ofKindsIn(kinds: readonly string[], namespace: string) {
    reached(this.probe, `kinds:${kinds.join(',')}@${namespace}`);
    return this.inner.ofKindsIn(kinds, namespace);
  }

  policyModel() {
    reached(this.probe, 'model');
    return this.inner.policyModel();
  }
}

/**
 * `checkFile` made incremental. Findings are remembered per document and per rule, with what
 * each rule read of the workspace (its facets: resources of some kinds or of one namespace, the
 * policy model, the rest of its file...). After an edit, a document whose text did not change
 * keeps the findings of every rule none of whose facets changed; only the others run again. So
 * an edit to a Service re-runs the rules that looked up Services in its namespace, not the
 * policy rules; an edit that leaves the policy model's inputs alone keeps the model and
 * everything computed from it. Locations are anchored to the documents they point into and
 * follow them when they move. The results are exactly what `checkFile` gives (same rules,
 * settings, order), because each piece is computed by `checkFile`.
 */
export class IncrementalChecker {
  /**
   * What is remembered of each document, by document object (an unchanged document keeps its
   * object across edits, an edited one is a new object): a property under this checker's own
   * symbol, which dies with the document like a WeakMap entry. A WeakMap lookup cost ~8 ms per
   * keystroke in a 20,000-document file, one lookup per document; a property read costs ~nothing.
   */
  private readonly entryKey = Symbol('incremental check entry');
  /** Entries of an earlier generation (other settings) are not read. */
  private generation = 0;
  private settings: AnalysisSettings | null = null;
  private readonly views = new WeakMap<WorkspaceView, TrackedView>();
  /** Everything each rule was seen reading, on any document. */
  private readonly ruleReads = new Map<Rule, RuleReads>();
  private facets = new FacetLog();
  /** The probes of the rules running now, by rule. */
  private probes: { readonly map: Map<Rule, Probe>; readonly defer: boolean } | null = null;
  private readonly wrappers = new Map<Rule, Rule>();
  private readonly rulesByKinds = new Map<string, readonly Rule[]>();
  /** Per rule, its result with nothing found and nothing read, at the latest revision: most results are that one. */
  private readonly emptyResults = new Map<Rule, RuleResult>();
  /** Rules a quick pass stopped because they read the workspace; later quick passes leave them out. */
  private readonly stoppedInQuickPass = new Set<Rule>();
  private readonly notComputedResults = new Map<Rule, RuleResult>();

  constructor(private readonly rules: readonly Rule[] = ALL_RULES) {}

  /** Findings of `file` against `workspace` at `revision` (bump it whenever any file changes). */
  check(file: ManifestFile, workspace: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options = {}): Finding[] {
    return drain(this.steps(file, workspace, settings, revision, options, false)).findings;
  }

  /**
   * `check` (or with `quick`, `checkOwnDocuments`) a few documents at a time: each `next()`
   * checks up to DOCUMENTS_PER_STEP documents, so a host can answer requests in between. A run
   * abandoned midway keeps what it computed (each result is reused only while it is current).
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

  /** Forgets a file (closed or deleted): its documents' entries go with the documents. */
  forget(file: ManifestFile | undefined): void {
    for (const doc of file?.documents ?? []) this.setEntry(doc, undefined);
  }

  private *run(file: ManifestFile, inner: WorkspaceView, settings: AnalysisSettings, revision: number, options: Options, defer: boolean): Generator<void, { findings: Finding[]; complete: boolean }> {
    let workspace = this.views.get(inner);
    if (!workspace) {
      workspace = new TrackedView(inner);
      this.views.set(inner, workspace);
    }
    if (settings !== this.settings) {
      this.generation++;
      this.ruleReads.clear();
      this.emptyResults.clear();
      this.notComputedResults.clear();
      this.facets = new FacetLog();
      this.settings = settings;
    }
    if (file.skipped || !file.isKubernetes || file.problems.length > 0) {
      return { findings: checkFile(file, workspace, settings, { rules: this.rules, onRuleError: options.onRuleError }), complete: true };
    }
    this.facets.observeFile(file, revision);
    const groups = file.resourcesByDocument;
    const findings: Finding[] = [];
    let complete = true;
    for (let i = 0; i < file.documents.length; i++) {
      const doc = file.documents[i];
      if (i > 0 && i % DOCUMENTS_PER_STEP === 0) yield;
      const old = this.entryOf(doc);
      const entry = this.checkDocument(file, doc, groups[i], old, workspace, settings, revision, options, defer);
      if (entry !== old) this.setEntry(doc, entry);
      // Unchanged since last handed out (checkDocument checked every rule): as it was.
      if (!defer && entry === old && entry.placed) {
        for (const f of entry.placed) findings.push(f);
        continue;
      }
      const own: Finding[] = [...entry.syntax.findings];
      let cacheable = true;
      for (const r of entry.rules) {
        if (!this.isCurrent(r, file, inner, revision)) {
          // Only a quick pass gets here: left out until computed.
          complete = false;
          cacheable = false;
          continue;
        }
        for (const f of r.found.findings) own.push(f);
      }
      entry.placed = cacheable ? own : undefined;
      for (const f of own) findings.push(f);
    }
    return { findings: findings.sort((a, b) => a.location.start - b.location.start || a.location.end - b.location.end || a.ruleId.localeCompare(b.ruleId)), complete };
  }

  private entryOf(doc: YamlDocument): DocumentEntry | undefined {
    const entry = (doc as unknown as Record<symbol, DocumentEntry | undefined>)[this.entryKey];
    return entry?.generation === this.generation ? entry : undefined;
  }

  private setEntry(doc: YamlDocument, entry: DocumentEntry | undefined): void {
    (doc as unknown as Record<symbol, DocumentEntry | undefined>)[this.entryKey] = entry;
  }

  /** Whether a remembered result still holds: computed, nothing it read changed, its anchors still in place. */
  private isCurrent(r: RuleResult, file: ManifestFile, view: WorkspaceView, revision: number): boolean {
    if (r.revision === NOT_COMPUTED) return false;
    if (r.revision !== revision) {
      if (r.reads.facets.size > 0 && this.facets.changedSince(r.reads, r.revision, file, view, revision)) return false;
      if (r.scoped && r.scoped.some((f) => this.facets.changedAfter(f, r.revision, view, revision))) return false;
    }
    return r.found.anchoredElsewhere === 0 || r.found.anchorsHold(view);
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
      if (defer) return old;
      // Same text: rules whose facets did not change keep their findings; the others run again.
      // (A loop, not a filter: on every edit this runs for each of 20,000 documents.)
      let stale: Rule[] | null = null;
      for (const r of old.rules) if (!this.isCurrent(r, file, workspace.inner, revision)) (stale ??= []).push(r.rule);
      if (!stale) return old;
      const rerun = this.runRules(file, doc, resources, stale, workspace, settings, revision, options, false);
      return { generation: this.generation, doc, syntax: old.syntax, rules: old.rules.map((r) => rerun.get(r.rule) ?? r) };
    }
    // Syntax findings come from the document's problems alone: most documents have none.
    const syntax = doc.problems.length === 0 ? NO_FINDINGS : anchorFindings(checkFile(restricted(file, [doc], [], () => null), workspace, settings, { rules: [] }), doc, file, workspace.inner);
    const wanted = this.rulesFor(resources);
    // A quick pass does not start again, document after document, a rule it has seen reach for
    // the workspace: it would be stopped again (its findings come with the complete check).
    const run = defer ? wanted.filter((rule) => !this.stoppedInQuickPass.has(rule)) : wanted;
    const results = this.runRules(file, doc, resources, run, workspace, settings, revision, options, defer);
    return { generation: this.generation, doc, syntax, rules: wanted.map((rule) => results.get(rule) ?? this.notComputed(rule)) };
  }

  /** The rules that apply to some of these resources (the same list for the same kinds). */
  private rulesFor(resources: readonly Resource[]): readonly Rule[] {
    const kinds = [...new Set(resources.map((r) => r.kind))].sort();
    const key = kinds.join(',');
    let wanted = this.rulesByKinds.get(key);
    if (!wanted) {
      wanted = this.rules.filter((rule) => rule.kinds.includes('*') || rule.kinds.some((k) => kinds.includes(k)));
      this.rulesByKinds.set(key, wanted);
    }
    return wanted;
  }

  /**
   * Rules over one document's resources, in one walk of the document, recording per rule what it
   * read beyond the document (each rule runs with its own probe).
   */
  private runRules(
    file: ManifestFile,
    doc: YamlDocument,
    resources: readonly Resource[],
    rules: readonly Rule[],
    workspace: TrackedView,
    settings: AnalysisSettings,
    revision: number,
    options: Options,
    defer: boolean,
  ): Map<Rule, RuleResult> {
    // A probe per rule that runs (made when it first runs, in `tracked`).
    const probes = new Map<Rule, Probe>();
    this.probes = { map: probes, defer };
    let found: Finding[];
    try {
      found = checkFile(restricted(file, [], resources, () => workspace.probe), workspace, settings, {
        rules: rules.map((rule) => this.tracked(rule)),
        onRuleError: (wrapped, resource, error) => {
          // The wrapper carries the rule's id and fields: reported as the rule itself.
          if (error !== DEFERRED) options.onRuleError?.(wrapped, resource, error);
        },
      });
    } finally {
      this.probes = null;
      workspace.probe = null;
    }
    const byRule = groupBy(found, (f) => f.ruleId);
    const out = new Map<Rule, RuleResult>();
    for (const rule of rules) {
      const facets = probes.get(rule)?.facets ?? null;
      const reads = this.readsOf(rule);
      let scoped: Facet[] | null = null;
      for (const facet of facets ?? []) {
        if (isScoped(facet)) (scoped ??= []).push(facet);
        else reads.facets.add(facet);
        // What the rule read is recorded as of this revision, to tell later whether it changed
        // (not when a quick pass stopped it: that would compile the model the pass avoids).
        if (!defer) this.facets.record(facet, file, workspace.inner, revision);
      }
      // Stopped by a quick pass: known to read the workspace, and not computed yet.
      const stopped = defer && facets !== null;
      if (stopped) this.stoppedInQuickPass.add(rule);
      const computed = stopped ? [] : (byRule.get(rule.id) ?? []);
      if (!stopped && !scoped && computed.length === 0) {
        out.set(rule, this.emptyResult(rule, reads, revision));
        continue;
      }
      out.set(rule, { rule, reads, scoped, found: anchorFindings(computed, doc, file, workspace.inner), revision: stopped ? NOT_COMPUTED : revision });
    }
    return out;
  }

  /** A rule a quick pass left out: never current, so the complete check runs it. */
  private notComputed(rule: Rule): RuleResult {
    let result = this.notComputedResults.get(rule);
    if (!result) {
      result = { rule, reads: this.readsOf(rule), scoped: null, found: NO_FINDINGS, revision: NOT_COMPUTED };
      this.notComputedResults.set(rule, result);
    }
    return result;
  }

  private readsOf(rule: Rule): RuleReads {
    let reads = this.ruleReads.get(rule);
    if (!reads) this.ruleReads.set(rule, (reads = new RuleReads()));
    return reads;
  }

  private emptyResult(rule: Rule, reads: RuleReads, revision: number): RuleResult {
    const known = this.emptyResults.get(rule);
    if (known && known.revision === revision && known.reads === reads) return known;
    const result: RuleResult = { rule, reads, scoped: null, found: NO_FINDINGS, revision };
    this.emptyResults.set(rule, result);
    return result;
  }

  /** The rule with its reads attributed to it while it runs (one wrapper per rule, made once). */
  private tracked(rule: Rule): Rule {
    let wrapped = this.wrappers.get(rule);
    if (!wrapped) {
      const probeOf = (): Probe | null => {
        const running = this.probes;
        if (!running) return null;
        let probe = running.map.get(rule);
        if (!probe) running.map.set(rule, (probe = { inRule: false, facets: null, defer: running.defer }));
        return probe;
      };
      wrapped = {
        ...rule,
        check(resource, context) {
          const probe = probeOf();
          const view = context.workspace as TrackedView;
          view.probe = probe;
          if (probe) probe.inRule = true;
          try {
            rule.check(resource, context);
          } finally {
            if (probe) probe.inRule = false;
            view.probe = null;
          }
        },
      };
      this.wrappers.set(rule, wrapped);
    }
    return wrapped;
  }
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The properties of a file that show more than the document being checked. */
const WHOLE_FILE = new Set(['documents', 'resources', 'problems', 'text', 'source', 'textLength', 'lines']);

/**
 * The file as `checkFile` should walk it (only these documents and resources, no file problems),
 * while a rule reading `context.file` still sees the whole file — and then depends on all of it.
 */
function restricted(file: ManifestFile, documents: readonly YamlDocument[], resources: readonly Resource[], currentProbe: () => Probe | null): ManifestFile {
  const own: Record<string, unknown> = { documents, resources, problems: [] };
  return new Proxy(file, {
    get(target, property) {
      if (typeof property === 'string' && WHOLE_FILE.has(property)) {
        const probe = currentProbe();
        if (probe?.inRule) reached(probe, OWN_FILE);
        else if (property in own) return own[property];
      }
      // Getters (lines) run on the real file, so its cached line index is shared.
      return Reflect.get(target, property, target);
    },
  });
}
