/**
 * Completion dispatcher: finds the resource (or, in a half-typed document, the kind written in
 * it) under the cursor and asks the provider for that kind. A provider that throws costs only
 * its own items.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import type { WorkspaceView } from '../core/rules/types';
import type { ManifestFile } from '../core/workspace/manifestFile';
import type { Log } from './hover';
import { ingressCompletions } from './ingress/completion';
import { policyCompletions } from './policy/completion';
import { kindAt, POLICY_KINDS } from './policy/documentAt';

/** Completion items at an absolute offset of a file. */
export function completionsAt(file: ManifestFile, offset: number, view: WorkspaceView, log: Log = () => undefined): CompletionItem[] {
  const kind = kindAt(file, offset)?.kind;
  const provider = kind === undefined ? null : POLICY_KINDS.includes(kind) ? policyCompletions : kind === 'Ingress' ? ingressCompletions : null;
  if (!provider) return [];
  try {
    return provider(file, offset, view);
  } catch (error) {
    log(`Completion in ${kind} of ${file.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
}
