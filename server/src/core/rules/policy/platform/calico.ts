/** Calico's own API groups (`projectcalico.org/v3`, and the internal `crd.projectcalico.org/v1`). */
export function isCalicoApiVersion(apiVersion: string): boolean {
  return apiVersion.startsWith('projectcalico.org/') || apiVersion.startsWith('crd.projectcalico.org/');
}
