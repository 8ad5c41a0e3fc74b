import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LocationDto, PeerDto, WorkloadDto } from '../../../server/src/protocol/protocol';
import type { DirectionNode, FlowNode, NamespaceNode, PeerNode, RuleNode, WorkloadNode } from './nodes';

/** Command that opens a protocol location (also the target of clicks on rules). */
export const OPEN_LOCATION_COMMAND = 'aksNetlens.openLocation';

/** How each node looks: label, description, icon, tooltip, click and context menu. */
export function toTreeItem(node: FlowNode): vscode.TreeItem {
  switch (node.type) {
    case 'namespace':
      return namespaceItem(node);
    case 'workload':
      return workloadItem(node);
    case 'direction':
      return directionItem(node);
    case 'peer':
      return peerItem(node);
    case 'rule':
      return ruleItem(node);
    case 'notes': {
      const item = new vscode.TreeItem('Notes on the model', vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = String(node.children.length);
      item.iconPath = new vscode.ThemeIcon('info');
      item.tooltip = 'Assumptions the flows rest on (engine, Cilium version, unconfirmed semantics).';
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.iconPath = node.id.startsWith('msg:note:') ? undefined : new vscode.ThemeIcon('info');
      item.tooltip = node.tooltip;
      return item;
    }
  }
}

function namespaceItem(node: NamespaceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.namespace, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  const n = node.children.length;
  item.description = `${n} ${n === 1 ? 'workload' : 'workloads'}`;
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.contextValue = 'namespace';
  return item;
}

function workloadItem(node: WorkloadNode): vscode.TreeItem {
  const w = node.workload;
  const item = new vscode.TreeItem(w.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = w.implicit ? `${w.summary} · implicit` : w.summary;
  item.iconPath = isolationIcon(w);
  item.tooltip = workloadTooltip(w);
  item.contextValue = w.location ? 'workload.located' : 'workload';
  return item;
}

/** Locked both ways, half-locked (one direction isolated, in yellow), or no policy at all. */
function isolationIcon(w: WorkloadDto): vscode.ThemeIcon {
  if (w.ingress.isolated && w.egress.isolated) return new vscode.ThemeIcon('lock');
  if (w.ingress.isolated || w.egress.isolated) return new vscode.ThemeIcon('unlock', new vscode.ThemeColor('charts.yellow'));
  return new vscode.ThemeIcon('circle-large-outline');
}

function workloadTooltip(w: WorkloadDto): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(w.id)}** (${escape(w.kind)})`);
  if (w.implicit) md.appendMarkdown(" — not in the manifests: the cluster's own CoreDNS, assumed so DNS rules have a target");
  md.appendMarkdown('\n\n');
  for (const [direction, isolation] of [['Ingress', w.ingress], ['Egress', w.egress]] as const) {
    const by = isolation.policies.map((p) => `\`${p}\``).join(', ');
    md.appendMarkdown(`- ${direction}: ${isolation.isolated ? `isolated by ${by}` : 'open (no policy isolates it)'}\n`);
  }
  return md;
}

function directionItem(node: DirectionNode): vscode.TreeItem {
  const isolation = node.direction === 'ingress' ? node.workload.ingress : node.workload.egress;
  const peers = node.children.length;
  const item = new vscode.TreeItem(node.direction === 'ingress' ? 'Ingress' : 'Egress', peers > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  if (!isolation.isolated) item.description = 'open: no policy isolates it';
  else if (peers === 0) item.description = 'everything denied';
  else item.description = `${peers} allowed ${peers === 1 ? 'peer' : 'peers'}; the rest denied`;
  item.iconPath = new vscode.ThemeIcon(node.direction === 'ingress' ? 'sign-in' : 'sign-out');
  item.tooltip = isolation.isolated ? `Isolated by ${isolation.policies.join(', ')}` : undefined;
  return item;
}

function peerItem(node: PeerNode): vscode.TreeItem {
  const peer = node.peer;
  const item = new vscode.TreeItem(peer.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = peerDescription(peer);
  item.iconPath = peerIcon(peer);
  item.tooltip = peerTooltip(node);
  item.contextValue = peer.kind === 'workload' ? `peer.workload.${node.direction}` : 'peer';
  return item;
}

function peerDescription(peer: PeerDto): string {
  if (peer.state === 'blocked-by-peer') return `${peer.detail} · blocked by peer's policies`;
  if (peer.state === 'partial') return `${peer.detail} · peer's policies allow only part`;
  return peer.detail;
}

function peerIcon(peer: PeerDto): vscode.ThemeIcon {
  switch (peer.state) {
    case 'both':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'blocked-by-peer':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconFailed'));
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.yellow'));
    case 'external':
      return new vscode.ThemeIcon(EXTERNAL_ICONS[peer.kind]);
  }
}

const EXTERNAL_ICONS: Record<PeerDto['kind'], string> = {
  workload: 'server-process',
  namespace: 'symbol-namespace',
  cidr: 'globe',
  entity: 'cloud',
  fqdn: 'link',
  any: 'circle-large-filled',
};

function peerTooltip(node: PeerNode): string {
  const verb = node.direction === 'ingress' ? `${node.peer.label} may connect to ${node.workload.id}` : `${node.workload.id} may connect to ${node.peer.label}`;
  const side =
    node.peer.state === 'both'
      ? "Both ends allow it: this side's policies and the peer's."
      : node.peer.state === 'blocked-by-peer'
        ? "Allowed by this side's policies, but the peer's own policies block it: the connection fails."
        : node.peer.state === 'partial'
          ? "Allowed by this side's policies; the peer's own policies allow only part of it."
          : 'Only this side decides (the peer is not a single workload of the manifests).';
  return `${verb} on ${node.peer.detail}.\n${side}`;
}

function ruleItem(node: RuleNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.rule.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const location = node.rule.location;
  item.iconPath = new vscode.ThemeIcon('law');
  item.contextValue = 'rule';
  if (location) {
    item.description = `${fileName(location)}:${location.range.start.line + 1}`;
    item.command = { command: OPEN_LOCATION_COMMAND, title: 'Open Rule', arguments: [location] };
    item.tooltip = `${node.rule.label}\n${vscode.Uri.parse(location.uri).fsPath}:${location.range.start.line + 1}`;
  }
  return item;
}

function fileName(location: LocationDto): string {
  return path.posix.basename(vscode.Uri.parse(location.uri).path);
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** Opens a protocol location in an editor with its range selected. */
export async function openLocation(location: LocationDto): Promise<void> {
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, preview: true });
}
