/** Small manifest trees shared by the CLI tests (written to temporary folders). */
export const SHOP_WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
`;

export const SHOP_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-8080
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - port: 8080
`;

export const SHOP_NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Namespace
metadata:
  name: quiet
`;

export const SHOP_TREE = { 'namespaces.yaml': SHOP_NAMESPACES, 'workloads.yaml': SHOP_WORKLOADS, 'policies/allow.yaml': SHOP_POLICY };
