import { isCiliumPolicy, isNetworkPolicy, isWorkload, type Resource } from '../k8s/resources';
import { sameItems } from '../lists';
import type { EngineSettings } from './types';

/**
 * What a policy model is compiled from: the pods and their controllers, Namespace objects, the
 * policies, the Services when a Cilium `toServices` rule looked them up, and the names of all
 * namespaces any resource lives in. Nothing else of a resource reaches the model, so a model may
 * be reused for a workspace whose inputs are the same objects (resources are immutable, and
 * their locations follow their documents).
 */
export interface ModelInputs {
  readonly resources: readonly Resource[];
  /** Sorted, without duplicates. */
  readonly namespaces: readonly string[];
  readonly settings: EngineSettings;
  /** Services are inputs (a `toServices` rule looked them up). */
  readonly withServices: boolean;
}

export function isModelInput(r: Resource, withServices: boolean): boolean {
  return isWorkload(r) || r.kind === 'Namespace' || isNetworkPolicy(r) || isCiliumPolicy(r) || (withServices && r.kind === 'Service');
}

export function modelInputsOf(resources: readonly Resource[], settings: EngineSettings, withServices: boolean, extraNamespaces: readonly string[] = []): ModelInputs {
  const names = new Set<string>(extraNamespaces);
  const inputs: Resource[] = [];
  for (const r of resources) {
    if (r.namespace) names.add(r.namespace);
    if (isModelInput(r, withServices)) inputs.push(r);
  }
  return { resources: inputs, namespaces: [...names].sort(), settings, withServices };
}

export function sameSettings(a: EngineSettings, b: EngineSettings): boolean {
  return a.engine === b.engine && a.ciliumMinor === b.ciliumMinor;
}

export function sameInputs(a: ModelInputs, b: ModelInputs): boolean {
  return (
    sameSettings(a.settings, b.settings) &&
    a.withServices === b.withServices &&
    sameItems(a.resources, b.resources) &&
    sameItems(a.namespaces, b.namespaces)
  );
}
