/**
 * Kubernetes label selectors (`matchLabels` / `matchExpressions`): reading them from the YAML
 * tree with exact spans for every mistake, and matching them against label sets.
 *
 * Semantics (policy-semantics.md K12): requirements are ANDed; an empty selector matches
 * everything; `NotIn` and `DoesNotExist` match objects that lack the key. Validation follows
 * apimachinery's ValidateLabelSelector (label keys/values) and, for Cilium selectors, the CRD
 * schema (matchLabels values validated, keys free-form because of `k8s:`-style source prefixes).
 */
import { asMap, asScalar, asSeq, deref, getPair, isNullish, type Span, type YNode } from '../yaml/nodes';
import { suggestClosest } from '../text/didYouMean';

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
export const SELECTOR_OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export interface Requirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly requirements: readonly Requirement[];
}

export const EMPTY_SELECTOR: LabelSelector = { requirements: [] };

export interface SelectorProblem {
  /** The exact node at fault (document-relative offsets). */
  readonly span: Span;
  readonly message: string;
  readonly code: SelectorProblemCode;
  readonly severity: 'error' | 'warning';
}

export type SelectorProblemCode =
  | 'selector-not-a-map'
  | 'selector-match-labels-not-a-map'
  | 'selector-match-expressions-not-a-list'
  | 'selector-expression-not-a-map'
  | 'selector-key-missing'
  | 'selector-operator-missing'
  | 'selector-unknown-operator'
  | 'selector-values-required'
  | 'selector-values-forbidden'
  | 'selector-values-not-a-list'
  | 'selector-value-not-string'
  | 'selector-label-value-empty'
  | 'label-key-invalid'
  | 'label-value-invalid';

export type SelectorDialect = 'kubernetes' | 'cilium';

export interface ParseSelectorOptions {
  /**
   * `kubernetes` (default): keys and values checked like the API server does.
   * `cilium`: CiliumNetworkPolicy endpoint selectors; keys may carry a source prefix
   * (`k8s:app`, `any:app`) so only emptiness is checked, `matchLabels` values are checked
   * (the CRD pattern), `matchExpressions` values are not.
   */
  readonly dialect?: SelectorDialect;
}

export interface ParsedSelector {
  /** Null when the node is absent or null; otherwise the best reading of what is written. */
  readonly selector: LabelSelector | null;
  readonly problems: SelectorProblem[];
}

/** A selector made of `matchLabels` only. */
export function selectorFromLabels(labels: Labels): LabelSelector {
  return {
    requirements: Object.keys(labels)
      .sort()
      .map((key) => ({ key, operator: 'In' as const, values: [labels[key]] })),
  };
}

export function matchesRequirement(req: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

export function matchesSelector(sel: LabelSelector, labels: Labels): boolean {
  return sel.requirements.every((req) => matchesRequirement(req, labels));
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return sel.requirements.length === 0;
}

/** `app=payment-service, env notin (prod), has tier, lacks canary`; `emptyText` (default `all pods`) when empty. */
export function describeSelector(sel: LabelSelector, emptyText = 'all pods'): string {
  if (sel.requirements.length === 0) return emptyText;
  return sel.requirements.map(describeRequirement).join(', ');
}

export function describeRequirement(req: Requirement): string {
  switch (req.operator) {
    case 'In':
      return req.values.length === 1 ? `${req.key}=${req.values[0]}` : `${req.key} in (${req.values.join(', ')})`;
    case 'NotIn':
      return `${req.key} notin (${req.values.join(', ')})`;
    case 'Exists':
      return `has ${req.key}`;
    case 'DoesNotExist':
      return `lacks ${req.key}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes label key / value rules (apimachinery IsQualifiedName, IsValidLabelValue)

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_RULE = "alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character";

/** Why `key` is not a valid Kubernetes label key, or null when it is. */
export function validateLabelKey(key: string): string | null {
  const parts = key.split('/');
  if (parts.length > 2) {
    return `label key "${key}" has more than one '/': use an optional DNS prefix, '/', and a name (e.g. 'example.com/my-name')`;
  }
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return `label key "${key}": the prefix before '/' must not be empty`;
    if (prefix.length > 253) return `label key "${key}": the prefix must be at most 253 characters (it has ${prefix.length})`;
    if (!DNS1123_SUBDOMAIN_RE.test(prefix)) {
      return `label key "${key}": the prefix "${prefix}" must be a lowercase DNS subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)`;
    }
  }
  if (name.length === 0) return `label key "${key}": the name part must not be empty`;
  if (name.length > 63) return `label key "${key}": the name part must be at most 63 characters (it has ${name.length})`;
  if (!NAME_RE.test(name)) return `label key "${key}": the name part must consist of ${NAME_RULE}`;
  return null;
}

/** Why `value` is not a valid Kubernetes label value, or null when it is (empty is valid). */
export function validateLabelValue(value: string): string | null {
  if (value.length > 63) return `label value "${value}" must be at most 63 characters (it has ${value.length})`;
  if (value.length > 0 && !NAME_RE.test(value)) {
    return `label value "${value}" must be empty or consist of ${NAME_RULE}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a selector from the YAML tree

/**
 * Reads `matchLabels` / `matchExpressions` from `node`. Requirements that cannot be read
 * (unknown operator, missing key) are left out of the selector and reported; the API server
 * would reject the whole object, so the selector only shows what the author evidently meant.
 */
export function parseLabelSelector(node: YNode | null, options: ParseSelectorOptions = {}): ParsedSelector {
  const problems: SelectorProblem[] = [];
  const dialect = options.dialect ?? 'kubernetes';
  const target = deref(node);
  if (!target || isNullish(target)) return { selector: null, problems };
  const map = asMap(target);
  if (!map) {
    problems.push(error(target.span, 'selector-not-a-map', 'a label selector must be a map with matchLabels and/or matchExpressions'));
    return { selector: null, problems };
  }
  const requirements: Requirement[] = [];
  for (const pair of map.pairs) {
    if (pair.keyText === 'matchLabels') readMatchLabels(pair.value, dialect, requirements, problems);
    else if (pair.keyText === 'matchExpressions') readMatchExpressions(pair.value, dialect, requirements, problems);
  }
  return { selector: { requirements }, problems };
}

function readMatchLabels(node: YNode | null, dialect: SelectorDialect, out: Requirement[], problems: SelectorProblem[]): void {
  const target = deref(node);
  if (!target || isNullish(target)) return;
  const map = asMap(target);
  if (!map) {
    problems.push(error(target.span, 'selector-match-labels-not-a-map', 'matchLabels must be a map of label keys to values'));
    return;
  }
  // Later duplicates win, as in the Kubernetes decoder.
  const byKey = new Map<string, Requirement>();
  for (const pair of map.pairs) {
    const key = pair.keyText;
    checkKey(key, pair.key.span, dialect, problems);
    const valueNode = deref(pair.value);
    let value = '';
    if (!valueNode || isNullish(valueNode)) {
      problems.push({
        span: (valueNode ?? pair.key).span,
        code: 'selector-label-value-empty',
        severity: 'warning',
        message: `matchLabels "${key}" has no value, so it selects only pods whose "${key}" label is the empty string`,
      });
    } else {
      const text = scalarString(valueNode, problems, `the value of matchLabels "${key}"`);
      if (text === null) continue;
      value = text;
      const invalid = validateLabelValue(value);
      if (invalid) problems.push(error(valueNode.span, 'label-value-invalid', invalid));
    }
    byKey.set(key, { key, operator: 'In', values: [value] });
  }
  out.push(...byKey.values());
}

function readMatchExpressions(node: YNode | null, dialect: SelectorDialect, out: Requirement[], problems: SelectorProblem[]): void {
  const target = deref(node);
  if (!target || isNullish(target)) return;
  const seq = asSeq(target);
  if (!seq) {
    problems.push(error(target.span, 'selector-match-expressions-not-a-list', 'matchExpressions must be a list of {key, operator, values} entries'));
    return;
  }
  for (const item of seq.items) {
    const req = readExpression(item, dialect, problems);
    if (req) out.push(req);
  }
}

function readExpression(node: YNode, dialect: SelectorDialect, problems: SelectorProblem[]): Requirement | null {
  const map = asMap(node);
  if (!map) {
    problems.push(error(node.span, 'selector-expression-not-a-map', 'each matchExpressions entry must be a map with key, operator and values'));
    return null;
  }
  const keyPair = getPair(map, 'key');
  const operatorPair = getPair(map, 'operator');
  const valuesPair = getPair(map, 'values');

  let key: string | null = null;
  const keyNode = deref(keyPair?.value);
  if (!keyNode || isNullish(keyNode)) {
    problems.push(error((keyNode ?? keyPair?.key ?? map).span, 'selector-key-missing', 'this expression needs a `key`'));
  } else {
    key = scalarString(keyNode, problems, 'the expression key');
    if (key !== null) checkKey(key, keyNode.span, dialect, problems);
  }

  let operator: SelectorOperator | null = null;
  const operatorNode = deref(operatorPair?.value);
  if (!operatorNode || isNullish(operatorNode)) {
    problems.push(error((operatorNode ?? operatorPair?.key ?? map).span, 'selector-operator-missing', 'this expression needs an `operator`: In, NotIn, Exists or DoesNotExist'));
  } else {
    const text = asScalar(operatorNode)?.value;
    if (typeof text === 'string' && (SELECTOR_OPERATORS as readonly string[]).includes(text)) {
      operator = text as SelectorOperator;
    } else {
      const written = typeof text === 'string' ? text : String(text ?? '');
      const suggestion = typeof text === 'string' ? suggestOperator(text) : null;
      problems.push(
        error(
          operatorNode.span,
          'selector-unknown-operator',
          `unknown operator "${written}"` +
            (suggestion ? `; did you mean "${suggestion}"? (operators are case-sensitive)` : ': use In, NotIn, Exists or DoesNotExist'),
        ),
      );
    }
  }

  const values: string[] = [];
  const valuesNode = deref(valuesPair?.value);
  const valuesWritten = valuesNode !== null && !isNullish(valuesNode);
  const valuesSeq = asSeq(valuesNode);
  if (valuesNode && valuesWritten) {
    const seq = valuesSeq;
    if (!seq) {
      problems.push(error(valuesNode.span, 'selector-values-not-a-list', '`values` must be a list of strings'));
    } else {
      for (const item of seq.items) {
        const itemNode = deref(item) ?? item;
        const text = scalarString(itemNode, problems, 'each entry of `values`');
        if (text === null) continue;
        values.push(text);
        if (dialect === 'kubernetes') {
          const invalid = validateLabelValue(text);
          if (invalid) problems.push(error(itemNode.span, 'label-value-invalid', invalid));
        }
      }
    }
  }

  if (operator === 'In' || operator === 'NotIn') {
    // A non-list `values` was reported above; an empty or missing list is this problem.
    if (values.length === 0 && (!valuesWritten || valuesSeq)) {
      const span = valuesSeq ? valuesSeq.span : operatorNode!.span;
      problems.push(error(span, 'selector-values-required', `operator ${operator} needs at least one value in \`values\``));
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (valuesSeq && valuesSeq.items.length > 0) {
      problems.push(error(valuesSeq.span, 'selector-values-forbidden', `operator ${operator} takes no \`values\`; remove them`));
    }
  }

  if (key === null || operator === null) return null;
  return { key, operator, values: operator === 'In' || operator === 'NotIn' ? values : [] };
}

function checkKey(key: string, span: Span, dialect: SelectorDialect, problems: SelectorProblem[]): void {
  if (dialect === 'cilium') {
    if (key.length === 0) problems.push(error(span, 'label-key-invalid', 'a label key must not be empty'));
    return;
  }
  const invalid = validateLabelKey(key);
  if (invalid) problems.push(error(span, 'label-key-invalid', invalid));
}

/** The text of a scalar that should be a string; numbers and booleans are reported (the API rejects them) but read. */
function scalarString(node: YNode, problems: SelectorProblem[], what: string): string | null {
  const scalar = asScalar(node);
  if (!scalar) {
    problems.push(error(node.span, 'selector-value-not-string', `${what} must be a string, not a ${node.kind === 'seq' ? 'list' : 'map'}`));
    return null;
  }
  if (typeof scalar.value === 'string') return scalar.value;
  const text = String(scalar.value);
  problems.push(error(node.span, 'selector-value-not-string', `${what} must be a string: quote it ("${scalar.source}")`));
  return text;
}

function suggestOperator(text: string): string | null {
  const folded = text.replace(/[\s_-]/g, '').toLowerCase();
  const exact = SELECTOR_OPERATORS.find((op) => op.toLowerCase() === folded);
  if (exact) return exact;
  if (folded === 'notexists' || folded === 'doesnotexists' || folded === 'notexist') return 'DoesNotExist';
  return suggestClosest(text, SELECTOR_OPERATORS);
}

function error(span: Span, code: SelectorProblemCode, message: string): SelectorProblem {
  return { span, code, message, severity: 'error' };
}
