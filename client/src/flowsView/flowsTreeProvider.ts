import * as vscode from 'vscode';
import type { FlowsParams, FlowsResult } from '../../../server/src/protocol/protocol';
import { buildTree, message, type FlowNode, type FlowTree, type WorkloadNode } from './nodes';
import { toTreeItem } from './treeItems';

/** Fetches one answer from the server for the current filters. */
export type FlowsLoader = (params: FlowsParams) => Promise<FlowsResult>;

/**
 * The Network Flows tree. Data is loaded lazily: `invalidate` only marks it stale and tells VS
 * Code, which asks for the roots again when (and only when) the view is visible; that request
 * loads the new answer. So a hidden view costs nothing while the user types.
 */
export class FlowsTreeProvider implements vscode.TreeDataProvider<FlowNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: FlowTree | null = null;
  private result: FlowsResult | null = null;
  private error: string | null = null;
  private requested = 0;
  private loaded = -1;
  private loading: Promise<void> | null = null;
  private readonly loadedEmitter = new vscode.EventEmitter<FlowsResult | null>();
  /** Fires after each load with the server's answer (null when the request failed). */
  readonly onDidLoad = this.loadedEmitter.event;

  constructor(
    private readonly load: FlowsLoader,
    private params: () => FlowsParams,
    private readonly withProgress: <T>(task: () => Promise<T>) => Thenable<T>,
  ) {}

  /** The data (or the filters) changed: reload on the next look at the tree. */
  invalidate(): void {
    this.requested++;
    this.changed.fire();
  }

  get current(): FlowsResult | null {
    return this.result;
  }

  /** The workload node of an id in the loaded tree (after loading if stale). */
  async workloadNode(id: string): Promise<WorkloadNode | undefined> {
    await this.ensureLoaded();
    return this.tree?.workloads.get(id);
  }

  getTreeItem(node: FlowNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: FlowNode): Promise<FlowNode[]> {
    if (node) return node.type === 'rule' || node.type === 'message' ? [] : [...node.children];
    await this.ensureLoaded();
    if (this.error !== null) return [message('error', 'Could not load the flows (see the AKS Netlens output).', this.error)];
    if (!this.result || !this.tree) return [];
    // No manifests at all: return nothing so the view's welcome content shows.
    if (this.result.fileCount === 0 && !this.result.indexing) return [];
    if (!this.tree.roots.some((n) => n.type === 'namespace')) {
      if (this.result.indexing) return [message('indexing', 'Indexing manifests…')];
      return [message('empty', 'No workload matches the filters.', 'Workloads are Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods.')];
    }
    return [...this.tree.roots];
  }

  getParent(node: FlowNode): FlowNode | undefined {
    return node.type === 'namespace' || node.type === 'message' || node.type === 'notes' ? undefined : node.parent;
  }

  private async ensureLoaded(): Promise<void> {
    while (this.loaded !== this.requested) {
      if (!this.loading) this.loading = this.reload().finally(() => (this.loading = null));
      await this.loading;
    }
  }

  private async reload(): Promise<void> {
    const generation = this.requested;
    try {
      const result = await this.withProgress(() => this.load(this.params()));
      this.result = result;
      this.tree = buildTree(result);
      this.error = null;
      this.loadedEmitter.fire(result);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.loadedEmitter.fire(null);
    }
    this.loaded = generation;
  }

  dispose(): void {
    this.changed.dispose();
    this.loadedEmitter.dispose();
  }
}
