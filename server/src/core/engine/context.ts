import type { Resource, ServiceResource } from '../k8s/resources';
import { get, type YNode } from '../yaml/nodes';
import { locationOf, type Universe } from './groups';
import type { SelectorIndex } from './selectors';
import type { Direction, EngineSettings, PolicyId, RuleRef } from './types';

/** What policy compilers need: the pods, the selector index, the settings and the Services. */
export interface CompileContext {
  readonly universe: Universe;
  readonly index: SelectorIndex;
  readonly settings: EngineSettings;
  readonly services: readonly ServiceResource[];
  /** Notes about the whole model (policies that cannot take part, unsupported kinds). */
  readonly modelNotes: Set<string>;
}

export function makeRuleRef(
  resource: Resource,
  policy: PolicyId,
  direction: Direction,
  section: RuleRef['section'],
  index: number,
  specIndex: number | null,
  node: YNode,
): RuleRef {
  return {
    policy,
    direction,
    section,
    index,
    specIndex,
    location: locationOf(resource, node),
    policyLocation: locationOf(resource, get(get(resource.node, 'metadata'), 'name')),
  };
}
