import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  type CanReachParams,
  type CanReachResult,
  type DefaultDenyParams,
  type DefaultDenyResult,
  type EndpointsResult,
  type ExplainPolicyParams,
  type ExplainPolicyResult,
  type ExportFlowsParams,
  type ExportFlowsResult,
  type FlowsParams,
  type FlowsResult,
  type WorkloadAtParams,
  type WorkloadAtResult,
} from '../../server/src/protocol/protocol';

/**
 * The typed custom requests of the language server. Every call waits until the client has
 * started, so views and commands can be registered before the server is up.
 */
export class ServerApi {
  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  private async request<P, R>(method: string, params: P, token?: vscode.CancellationToken): Promise<R> {
    await this.ready;
    // Pass the token only when there is one: an `undefined` third argument would make the
    // connection send the parameters by position ([params, null]) instead of as one object.
    return token ? this.client.sendRequest<R>(method, params, token) : this.client.sendRequest<R>(method, params);
  }

  flows(params: FlowsParams, token?: vscode.CancellationToken): Promise<FlowsResult> {
    return this.request(Methods.flows, params, token);
  }

  endpoints(): Promise<EndpointsResult> {
    return this.request(Methods.endpoints, {});
  }

  canReach(params: CanReachParams): Promise<CanReachResult> {
    return this.request(Methods.canReach, params);
  }

  defaultDeny(params: DefaultDenyParams): Promise<DefaultDenyResult> {
    return this.request(Methods.defaultDeny, params);
  }

  explainPolicy(params: ExplainPolicyParams): Promise<ExplainPolicyResult> {
    return this.request(Methods.explainPolicy, params);
  }

  exportFlows(params: ExportFlowsParams): Promise<ExportFlowsResult> {
    return this.request(Methods.exportFlows, params);
  }

  workloadAt(params: WorkloadAtParams, token?: vscode.CancellationToken): Promise<WorkloadAtResult> {
    return this.request(Methods.workloadAt, params, token);
  }

  /** The server analysed a change; handlers run on every notification (debounce on your side). */
  onFlowsChanged(handler: () => void): vscode.Disposable {
    return this.client.onNotification(Methods.flowsChanged, handler);
  }
}
