import { locate } from '../../analysis/locate';
import { AGIC_PREFIX } from '../../ingress/agicAnnotations';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { annotation, backendService, ingressOwner, serviceBackends } from './model';

const KEY = `${AGIC_PREFIX}backend-protocol`;

/** Port 80 is plain HTTP and 443 is HTTPS almost everywhere: the other protocol cannot work there. */
const WRONG_PORT: Record<string, { port: number; expected: string }> = {
  https: { port: 80, expected: 'http' },
  http: { port: 443, expected: 'https' },
};

/** `backend-protocol: https` toward port 80, or `http` toward 443. */
export const agicBackendProtocolPort: Rule = {
  id: 'agic/backend-protocol-port',
  defaultSeverity: 'warning',
  title: 'AGIC backend protocol does not match the port',
  docs: [
    '`appgw.ingress.kubernetes.io/backend-protocol` sets the protocol Application Gateway speaks to the pods. AGIC\'s documentation warns not to pair `https` with port 80 or `http` with port 443: the gateway would speak TLS to a plain-HTTP server (or the reverse), the health probe fails and clients get 502.',
    '',
    'Checked against the backend Service port written in the Ingress and, when the Service is in the workspace, its `targetPort` (Application Gateway connects to the pods directly).',
    '',
    'Fix: change the protocol, or point the backend at the port that speaks it.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    const entry = annotation(ingress, KEY);
    const protocol = entry?.text?.toLowerCase();
    if (!entry || !protocol || !(protocol in WRONG_PORT)) return;
    const owner = ingressOwner(ingress, ctx.workspace).controller;
    if (owner === 'app-routing' || owner === 'agc') return;
    const { port: badPort, expected } = WRONG_PORT[protocol];
    for (const backend of serviceBackends(ingress)) {
      const portNode = backend.portNumberNode ?? backend.portNameNode;
      if (!portNode) continue;
      const service = backend.name ? backendService(ctx.workspace, ingress.namespace, backend.name) : null;
      const servicePort = service?.ports.find((p) => (backend.portNumber !== null ? p.port === backend.portNumber : p.name === backend.portName));
      const number = backend.portNumber ?? servicePort?.port ?? null;
      const target = typeof servicePort?.targetPort === 'number' ? servicePort.targetPort : null;
      let where: string | null = null;
      if (number === badPort) where = `Service port ${badPort}`;
      else if (target === badPort) where = `port ${number ?? backend.portName} of Service ${backend.name}, whose targetPort is ${badPort}`;
      if (!where) continue;
      ctx.report({
        message: `backend-protocol is "${entry.text}", but the backend is ${where}, which normally speaks ${expected.toUpperCase()}: Application Gateway's requests and health probes would fail (502). Use "${expected}" or a port that speaks ${protocol.toUpperCase()}.`,
        location: locate(ingress, portNode),
        related: [{ location: locate(ingress, entry.pair), message: 'backend-protocol is set here' }],
      });
    }
  },
};
