import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { checkFile } from '../../server/src/core/analysis/checkFile';
import { createWorkspaceView } from '../../server/src/core/analysis/workspaceView';
import { sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { repoRoot } from './repoRoot';
import { expandSnippet } from './snippetBody';

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string[];
}

const root = repoRoot();
const snippets = JSON.parse(readFileSync(path.join(root, 'snippets', 'kubernetes-networking.json'), 'utf8')) as Record<string, Snippet>;
const expanded = Object.entries(snippets).map(([name, s]) => ({ name, snippet: s, text: expandSnippet(s.body.join('\n')) }));

/** The snippet's single object, parsed with plain YAML semantics (what the API server would get). */
function objectOf(text: string): Record<string, any> {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors.map((e) => e.message), []);
  return doc.toJS() as Record<string, any>;
}

describe('snippets/kubernetes-networking.json', () => {
  test('the expander follows VS Code: defaults, mirrors, first choice, escapes', () => {
    assert.equal(expandSnippet('name: ${1:web}\nsecret: keyvault-${1}\nx: "${2|true,false|}"\ny: \\$HOME $0'), 'name: web\nsecret: keyvault-web\nx: "true"\ny: $HOME ');
  });

  test('covers the promised policies and Ingresses, with unique prefixes', () => {
    const prefixes = expanded.map((e) => e.snippet.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    const kinds = expanded.map((e) => objectOf(e.text).kind as string).sort();
    assert.deepEqual(kinds, [
      'CiliumClusterwideNetworkPolicy',
      'CiliumNetworkPolicy',
      'CiliumNetworkPolicy',
      'CiliumNetworkPolicy',
      'Ingress',
      'Ingress',
      'NetworkPolicy',
      'NetworkPolicy',
      'NetworkPolicy',
      'NetworkPolicy',
      'NetworkPolicy',
    ]);
  });

  for (const { name, text } of expanded) {
    test(`${name}: valid YAML with defaults filled in, and no error from our own checks`, () => {
      const object = objectOf(text);
      assert.ok(typeof object.metadata?.name === 'string' && object.metadata.name.length > 0);
      // Annotation values must be strings (metadata.annotations is map[string]string).
      for (const [key, value] of Object.entries(object.metadata?.annotations ?? {})) assert.equal(typeof value, 'string', `annotation ${key}`);
      const index = new WorkspaceIndex();
      const file = index.set('file:///snippet.yaml', text);
      assert.equal(file.resources.length, 1);
      const settings = sanitizeSettings({ cluster: { acns: 'l7' } });
      const errors = checkFile(file, createWorkspaceView(index, settings), settings).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  test('app routing Ingress: the TLS secret is keyvault-<Ingress name>, also after renaming', () => {
    const snippet = expanded.find((e) => e.snippet.prefix === 'ingress-app-routing-keyvault')!;
    const object = objectOf(snippet.text);
    assert.equal(object.spec.tls[0].secretName, `keyvault-${object.metadata.name}`);
    assert.match(object.metadata.annotations['kubernetes.azure.com/tls-cert-keyvault-uri'], /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\/certificates\/[A-Za-z0-9-]+$/);
    // Typing a new name into the first tab stop renames the secret too (the placeholder is mirrored).
    const renamed = objectOf(expandSnippet(snippet.snippet.body.join('\n').replace('${1:web}', '${1:shop}')));
    assert.equal(renamed.spec.tls[0].secretName, 'keyvault-shop');
  });

  test('FQDN egress: the DNS rule allows exactly the name the toFQDNs rule uses', () => {
    const object = objectOf(expanded.find((e) => e.snippet.prefix === 'cnp-fqdn-egress')!.text);
    const [dnsRule, fqdnRule] = object.spec.egress;
    assert.deepEqual(dnsRule.toPorts[0].rules.dns, [{ matchName: fqdnRule.toFQDNs[0].matchName }]);
  });
});
