/**
 * Which controller owns an Ingress: AGIC, the AKS application routing add-on (managed NGINX),
 * Application Gateway for Containers (AGC), something else, or nobody.
 *
 * The order follows the controllers' code: AGIC honours the legacy `kubernetes.io/ingress.class`
 * annotation first and then ignores `spec.ingressClassName` (IsIngressClass); the application
 * routing operator decides only from `spec.ingressClassName` (IsIngressManaged); AGC uses the
 * class `azure-alb-external`. An Ingress without either is given the cluster's default class
 * when it is created.
 */

/** The legacy annotation naming the class (deprecated, still honoured by AGIC). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** Marks an IngressClass as the cluster default. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** AGIC's controller name: the annotation value it claims and its IngressClass `spec.controller`. */
export const AGIC_CONTROLLER = 'azure/application-gateway';
/** The IngressClass AGIC's Helm chart creates (`kubernetes.ingressClassResource.name`). */
export const AGIC_INGRESS_CLASS = 'azure-application-gateway';

/** The class of the add-on's default NginxIngressController (`default`). */
export const APP_ROUTING_DEFAULT_CLASS = 'webapprouting.kubernetes.azure.com';
export const APP_ROUTING_DEFAULT_CONTROLLER = 'webapprouting.kubernetes.azure.com/nginx';
/** Extra NginxIngressControllers get `spec.controller: approuting.kubernetes.azure.com/<name>`. */
export const APP_ROUTING_CONTROLLER_PREFIX = 'approuting.kubernetes.azure.com/';

/** Application Gateway for Containers' class, for Ingress and Gateway API alike. */
export const AGC_INGRESS_CLASS = 'azure-alb-external';

export type IngressControllerKind = 'agic' | 'app-routing' | 'agc' | 'unknown' | 'none';

export interface IngressClassInfo {
  readonly name: string;
  readonly controller: string;
  readonly isDefault: boolean;
}

export interface NginxIngressControllerInfo {
  readonly name: string;
  readonly ingressClassName: string;
}

export interface OwnerInput {
  readonly ingressClassName?: string;
  /** The value of `kubernetes.io/ingress.class`. */
  readonly classAnnotation?: string;
  /** IngressClass objects known (from the workspace or the cluster). */
  readonly ingressClasses: readonly IngressClassInfo[];
  /** NginxIngressController objects known. */
  readonly nginxIngressControllers: readonly NginxIngressControllerInfo[];
}

export interface IngressOwner {
  readonly controller: IngressControllerKind;
  readonly via: 'annotation' | 'ingressClassName' | 'default-class' | null;
  /** The class that decided: the annotation value, `spec.ingressClassName` or the default class. */
  readonly className: string | null;
  readonly notes: readonly string[];
}

/** Decides which controller serves an Ingress. Pure: everything it knows comes from `input`. */
export function decideIngressOwner(input: OwnerInput): IngressOwner {
  const notes: string[] = [];
  const annotation = nonEmpty(input.classAnnotation);
  const className = nonEmpty(input.ingressClassName);

  if (annotation !== null && className !== null) {
    notes.push(
      `Both ${INGRESS_CLASS_ANNOTATION} and spec.ingressClassName are set: the API server rejects creating such an Ingress. Keep spec.ingressClassName and remove the annotation.`,
    );
  }

  if (annotation !== null) {
    if (annotation === AGIC_CONTROLLER) {
      if (className !== null) {
        notes.push(`AGIC decides from the annotation and ignores spec.ingressClassName "${className}".`);
        if (classOwner(className, input, []).controller === 'app-routing') {
          notes.push('The application routing operator decides from spec.ingressClassName only, so it treats this Ingress as its own too.');
        }
      }
      return { controller: 'agic', via: 'annotation', className: annotation, notes };
    }
    if (className === null) {
      notes.push(annotationOnlyNote(annotation));
      return { controller: 'unknown', via: 'annotation', className: annotation, notes };
    }
    // AGIC passes on it (annotation not its own); the others decide from spec.ingressClassName.
  }

  if (className !== null) {
    const owner = classOwner(className, input, notes);
    if (annotation !== null && owner.controller === 'agic') {
      notes.push(
        `AGIC reads the annotation first: "${annotation}" is not "${AGIC_CONTROLLER}", so AGIC ignores this Ingress despite spec.ingressClassName.`,
      );
      return { controller: 'none', via: 'annotation', className: annotation, notes };
    }
    return { ...owner, via: 'ingressClassName', className, notes };
  }

  const defaults = input.ingressClasses.filter((c) => c.isDefault);
  if (defaults.length > 1) {
    notes.push(
      `Several IngressClasses are marked default (${defaults.map((c) => c.name).join(', ')}): Kubernetes then refuses to create an Ingress without spec.ingressClassName. Set spec.ingressClassName.`,
    );
    return { controller: 'none', via: null, className: null, notes };
  }
  if (defaults.length === 1) {
    const name = defaults[0].name;
    notes.push(`No class is set, so Kubernetes fills in the default IngressClass "${name}" when the Ingress is created.`);
    const owner = classOwner(name, input, notes);
    return { ...owner, via: 'default-class', className: name, notes };
  }
  notes.push(
    `Neither spec.ingressClassName nor ${INGRESS_CLASS_ANNOTATION} is set and no IngressClass is marked default, so no known controller serves this Ingress. For application routing set spec.ingressClassName: ${APP_ROUTING_DEFAULT_CLASS}.`,
  );
  return { controller: 'none', via: null, className: null, notes };
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim().length > 0 ? value : null;
}

function annotationOnlyNote(annotation: string): string {
  const isAppRoutingClass = annotation === APP_ROUTING_DEFAULT_CLASS;
  if (isAppRoutingClass) {
    return `Application routing decides only from spec.ingressClassName and ignores ${INGRESS_CLASS_ANNOTATION}: set spec.ingressClassName: ${APP_ROUTING_DEFAULT_CLASS} instead.`;
  }
  if (annotation === AGC_INGRESS_CLASS) {
    return `Application Gateway for Containers is selected with spec.ingressClassName: ${AGC_INGRESS_CLASS}.`;
  }
  return `"${annotation}" is not a class this tool knows; AGIC claims only "${AGIC_CONTROLLER}" and application routing reads only spec.ingressClassName.`;
}

/** The controller behind a class name; adds notes to `notes`. */
function classOwner(className: string, input: OwnerInput, notes: string[]): { controller: IngressControllerKind } {
  if (className === AGC_INGRESS_CLASS) return { controller: 'agc' };

  const nic = input.nginxIngressControllers.find((n) => n.ingressClassName === className);
  if (className === APP_ROUTING_DEFAULT_CLASS || nic) return { controller: 'app-routing' };

  const ingressClass = input.ingressClasses.find((c) => c.name === className);
  if (ingressClass) {
    if (ingressClass.controller === AGIC_CONTROLLER) {
      if (className !== AGIC_INGRESS_CLASS) {
        notes.push(
          `AGIC claims this class only if its Helm value kubernetes.ingressClassResource.name is "${className}" (the default is "${AGIC_INGRESS_CLASS}").`,
        );
      }
      return { controller: 'agic' };
    }
    if (
      ingressClass.controller === APP_ROUTING_DEFAULT_CONTROLLER ||
      ingressClass.controller.startsWith(APP_ROUTING_CONTROLLER_PREFIX)
    ) {
      notes.push(
        `IngressClass "${className}" belongs to an application routing NGINX controller, but no NginxIngressController with ingressClassName "${className}" is known; the operator treats the Ingress as managed only when one exists.`,
      );
      return { controller: 'app-routing' };
    }
    notes.push(`IngressClass "${className}" is served by controller "${ingressClass.controller}", which this tool does not check.`);
    return { controller: 'unknown' };
  }

  if (className === AGIC_INGRESS_CLASS) {
    notes.push(
      `AGIC also needs the IngressClass "${AGIC_INGRESS_CLASS}" with spec.controller ${AGIC_CONTROLLER} to exist (its Helm chart creates it); it is not among the known IngressClasses.`,
    );
    return { controller: 'agic' };
  }
  notes.push(`No IngressClass named "${className}" is known, so no known controller serves this Ingress.`);
  return { controller: 'unknown' };
}
