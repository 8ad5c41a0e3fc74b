/**
 * Hover dispatcher: finds the resource under the cursor and asks the provider for its kind
 * (policies, Ingress). A provider that throws costs only its own hover.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { WorkspaceView } from '../core/rules/types';
import type { ManifestFile } from '../core/workspace/manifestFile';
import { ingressHover } from './ingress/hover';
import { kindAt, POLICY_KINDS } from './policy/documentAt';
import { policyHover } from './policy/hover';

export type Log = (message: string) => void;

/** Hover at an absolute offset of a file, or null. */
export function hoverAt(file: ManifestFile, offset: number, view: WorkspaceView, log: Log = () => undefined): Hover | null {
  const kind = kindAt(file, offset)?.kind;
  const provider = kind === undefined ? null : POLICY_KINDS.includes(kind) ? policyHover : kind === 'Ingress' ? ingressHover : null;
  if (!provider) return null;
  try {
    return provider(file, offset, view);
  } catch (error) {
    log(`Hover on ${kind} in ${file.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  }
}
