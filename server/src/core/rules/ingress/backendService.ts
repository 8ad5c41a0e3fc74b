import { locate } from '../../analysis/locate';
import type { Rule } from '../types';
import { asIngress, INGRESS_KINDS } from './common';
import { backendService, serviceBackends } from './model';

/** Backend Services: absent from the workspace (information) or present without the port (warning). */
export const ingressBackendService: Rule = {
  id: 'ingress/backend-service',
  defaultSeverity: 'warning',
  title: 'Backend Service or port not found',
  docs: [
    'Each backend names a Service in the Ingress\'s namespace and one of its ports, by number (the Service `port`, not the `targetPort`) or by name.',
    '',
    '- **Information** when the workspace has no such Service: it may be defined elsewhere (another repository, a Helm chart), but if it does not exist the controller answers 503/502 for these paths.',
    '- **Warning** when the Service is in the workspace but has no port with that number or name: the controller finds no endpoints for the backend.',
  ].join('\n'),
  kinds: INGRESS_KINDS,
  check(resource, ctx) {
    const ingress = asIngress(resource);
    if (!ingress) return;
    for (const backend of serviceBackends(ingress)) {
      if (!backend.name || !backend.nameNode) continue;
      const service = backendService(ctx.workspace, ingress.namespace, backend.name);
      if (!service) {
        ctx.report({
          message: `No Service "${backend.name}" in namespace "${ingress.namespace}" in the workspace. If it is not defined elsewhere, the controller has no backend for these paths.`,
          severity: 'information',
          location: locate(ingress, backend.nameNode),
        });
        continue;
      }
      const known = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
      const related = [{ location: locate(service, service.node), message: `Service ${service.namespace}/${service.name}` }];
      if (backend.portNumberNode && backend.portNumber !== null && !service.ports.some((p) => p.port === backend.portNumber)) {
        const byTarget = service.ports.find((p) => p.targetPort === backend.portNumber);
        ctx.report({
          message: `Service ${service.name} has no port ${backend.portNumber} (its ports: ${known}).${byTarget ? ` ${backend.portNumber} is the targetPort of port ${byTarget.port}; an Ingress names the Service port.` : ''}`,
          location: locate(ingress, backend.portNumberNode),
          related,
        });
      } else if (backend.portNameNode && backend.portName !== null && !backend.portNumberNode && !service.ports.some((p) => p.name === backend.portName)) {
        ctx.report({
          message: `Service ${service.name} has no port named "${backend.portName}" (its ports: ${known}).`,
          location: locate(ingress, backend.portNameNode),
          related,
        });
      }
    }
  },
};
