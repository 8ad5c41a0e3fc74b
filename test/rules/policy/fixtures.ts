/** Workloads the policy rule tests share, written as users write them. */
import { yaml } from '../../support/text';

/** Deployment `shop/web` (app=web, container port `http` 8080). */
export const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx
            ports:
              - name: http
                containerPort: 8080
`;

/** Deployment `shop/api` (app=api, container port `grpc` 9090) and its Service `shop/api`. */
export const API = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: shop
  spec:
    selector:
      matchLabels:
        app: api
    template:
      metadata:
        labels:
          app: api
      spec:
        containers:
          - name: api
            image: api
            ports:
              - name: grpc
                containerPort: 9090
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: api
    namespace: shop
  spec:
    selector:
      app: api
    ports:
      - port: 9090
        targetPort: grpc
`;

/** The workloads as a separate workspace file, so fixtures hold only the policy under test. */
export const WORKLOADS_URI = 'file:///test/workloads.yaml';
export const workloads = (...docs: string[]) => ({ [WORKLOADS_URI]: docs.join('---\n') });
