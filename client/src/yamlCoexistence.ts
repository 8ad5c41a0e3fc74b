import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** Red Hat's YAML extension reports YAML syntax errors itself. */
export const RED_HAT_YAML = 'redhat.vscode-yaml';
const SYNTAX_RULE = 'yaml/syntax';

/**
 * Settings middleware: when the Red Hat YAML extension is installed and the user keeps
 * `aksNetlens.yamlSyntaxErrors` on `auto`, our own YAML syntax diagnostic is turned off so the
 * same error is not listed twice. Everything Kubernetes-specific is still reported.
 */
export const yamlCoexistence: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const results = await next(params, token);
      if (!Array.isArray(results)) return results;
      return results.map((section, i) => hideDuplicateSyntaxErrors(section, params.items[i]?.scopeUri));
    },
  },
};

function hideDuplicateSyntaxErrors(section: unknown, scopeUri: string | undefined): unknown {
  if (!section || typeof section !== 'object' || !vscode.extensions.getExtension(RED_HAT_YAML)) return section;
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const mode = vscode.workspace.getConfiguration('aksNetlens', scope).get<string>('yamlSyntaxErrors', 'auto');
  const current = section as { rules?: Record<string, string> };
  if (mode !== 'auto' || current.rules?.[SYNTAX_RULE] !== undefined) return section;
  return { ...current, rules: { ...(current.rules ?? {}), [SYNTAX_RULE]: 'off' } };
}
