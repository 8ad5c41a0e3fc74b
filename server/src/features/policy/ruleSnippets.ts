/**
 * Whole rules offered in an `ingress:` / `egress:` list: allow DNS to CoreDNS, allow from (or
 * to) pods of another namespace in the AND form, a Cilium L7 HTTP GET rule, and FQDN egress
 * with the DNS rule that makes it work. The DNS rules are the ones the quick-fixes insert
 * (core/rules/fixes/dnsRule.ts); all are rendered by the quick-fix YAML writer in the
 * document's indentation style.
 */
import { ciliumDnsEgressRule, npDnsEgressRule } from '../../core/rules/fixes/dnsRule';
import { renderItemLines, type YamlMap } from '../../core/rules/fixes/emit';
import type { YamlStyle } from '../../core/rules/fixes/style';
import { NAMESPACE_NAME_LABEL } from '../../core/engine/groups';
import type { WorkspaceFacts } from './workspaceFacts';

export interface RuleSnippet {
  readonly label: string;
  /** Markdown: what the rule does and why. */
  readonly why: string;
  /** The list items the snippet inserts (placeholders as `SNIPPETn`; `@SNIPPETn` forces quotes). */
  readonly items: readonly YamlMap[];
  readonly placeholders: readonly Placeholder[];
}

type Placeholder = { readonly default: string } | { readonly choices: readonly string[] };

const MAX_CHOICES = 15;
const NS_LABEL = 'k8s:io.kubernetes.pod.namespace';

/** The snippets for a rule list of a policy kind; `namespace` is the policy's own (other namespaces are offered first). */
export function ruleSnippets(kind: string, direction: 'ingress' | 'egress', facts: WorkspaceFacts, namespace: string): RuleSnippet[] {
  const cilium = kind !== 'NetworkPolicy';
  const others = facts.namespaces.filter((n) => n !== namespace && n !== 'kube-system');
  const choices = [...others, ...facts.namespaces.filter((n) => !others.includes(n))].slice(0, MAX_CHOICES);
  const ns: Placeholder = choices.length ? { choices } : { default: 'frontend' };
  const app: Placeholder = { default: appLabelIn(facts, choices[0]) ?? 'web' };
  const out: RuleSnippet[] = [];
  if (direction === 'egress') {
    out.push({
      label: 'Allow DNS to kube-dns',
      why:
        'Pods whose egress is restricted must be allowed to reach CoreDNS (the `k8s-app: kube-dns` pods of `kube-system`) on port 53, UDP and TCP, or they cannot resolve any name.',
      items: [cilium ? ciliumDnsEgressRule() : npDnsEgressRule()],
      placeholders: [],
    });
  }
  const toFrom = direction === 'ingress' ? 'from' : 'to';
  if (cilium) {
    out.push({
      label: `Allow ${toFrom} pods of a namespace`,
      why: `Pods with a label in another namespace, on one TCP port. Without ${code(NS_LABEL)} the selector would only match pods of the policy's own namespace.`,
      items: [
        {
          [direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints']: [{ matchLabels: { [NS_LABEL]: 'SNIPPET1', app: 'SNIPPET2' } }],
          toPorts: [{ ports: [{ port: '@SNIPPET3', protocol: 'TCP' }] }],
        },
      ],
      placeholders: [ns, app, { default: '8080' }],
    });
    if (direction === 'ingress') {
      out.push({
        label: 'Allow HTTP GET (L7 rule)',
        why: 'Pods of this namespace with a label may send only GET requests on matching paths; other requests on the port get HTTP 403. `method` and `path` are regular expressions matched against the whole value. On AKS this needs ACNS with L7 policies.',
        items: [
          {
            fromEndpoints: [{ matchLabels: { app: 'SNIPPET1' } }],
            toPorts: [{ ports: [{ port: '@SNIPPET2', protocol: 'TCP' }], rules: { http: [{ method: '@SNIPPET3', path: '@SNIPPET4' }] } }],
          },
        ],
        placeholders: [app, { default: '80' }, { default: 'GET' }, { default: '/public/.*' }],
      });
    } else {
      out.push({
        label: 'Allow a domain name (toFQDNs + DNS rule)',
        why: 'Cilium learns the addresses of a `toFQDNs` name only from DNS answers that pass its DNS proxy, so the name needs both rules: DNS to kube-dns with a `rules.dns` entry for it, and the `toFQDNs` rule. On AKS this needs ACNS FQDN filtering.',
        items: [
          ciliumDnsEgressRule([{ kind: 'name', value: '@SNIPPET1' }]),
          { toFQDNs: [{ matchName: '@SNIPPET1' }], toPorts: [{ ports: [{ port: '@SNIPPET2', protocol: 'TCP' }] }] },
        ],
        placeholders: [{ default: 'api.example.com' }, { default: '443' }],
      });
    }
  } else {
    out.push({
      label: `Allow ${toFrom} pods of a namespace (AND)`,
      why:
        `One peer with both \`namespaceSelector\` and \`podSelector\`: pods with the label **in** that namespace. Written as two separate \`- \` items they would mean OR: every pod of the namespace, or labelled pods of the policy's own namespace. ${code(NAMESPACE_NAME_LABEL)} selects a namespace by name.`,
      items: [
        {
          [toFrom]: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'SNIPPET1' } }, podSelector: { matchLabels: { app: 'SNIPPET2' } } }],
          ports: [{ protocol: 'TCP', port: 'SNIPPET3' }],
        },
      ],
      placeholders: [ns, app, { default: '8080' }],
    });
  }
  return out;
}

function appLabelIn(facts: WorkspaceFacts, namespace: string | undefined): string | null {
  const values = facts.podLabels.get('app');
  if (!values) return null;
  for (const [value, owners] of values) if (!namespace || owners.some((o) => o.startsWith(`${namespace}/`))) return value;
  return null;
}

function code(text: string): string {
  return `\`${text}\``;
}

/**
 * The snippet as LSP snippet text: the items rendered with the dash at `dashColumn`; the first
 * line without its indentation (it goes where the cursor is) and, when the user already typed
 * the `- `, without the dash.
 */
export function snippetText(snippet: RuleSnippet, dashColumn: number, style: YamlStyle, dashTyped: boolean): string {
  const lines = snippet.items.flatMap((item) => renderItemLines(item, dashColumn, style));
  lines[0] = lines[0].slice(dashColumn + (dashTyped ? 2 : 0));
  const seen = new Set<number>();
  return escapeSnippet(lines.join('\n')).replace(/@?SNIPPET(\d+)/g, (_, n: string) => {
    const index = Number(n);
    const p = snippet.placeholders[index - 1];
    if (seen.has(index) || !p) return `\${${index}}`;
    seen.add(index);
    return 'choices' in p ? `\${${index}|${p.choices.map(escapeChoice).join(',')}|}` : `\${${index}:${escapeSnippet(p.default)}}`;
  });
}

/** The snippet with its defaults filled in, as plain YAML (for the documentation). */
export function snippetPreview(snippet: RuleSnippet, style: YamlStyle): string {
  const lines = snippet.items.flatMap((item) => renderItemLines(item, 0, style));
  return lines.join('\n').replace(/@?SNIPPET(\d+)/g, (_, n: string) => {
    const p = snippet.placeholders[Number(n) - 1];
    return p ? ('choices' in p ? p.choices[0] : p.default) : '';
  });
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (c) => `\\${c}`);
}
