/** The Ingress rules (ingress classes, AGIC and application-routing annotations, Key Vault TLS, backends, paths and hosts), in listing order. */
import type { Rule } from '../types';
import { agicBackendProtocolPort } from './agicBackendProtocolPort';
import { agicInvalidValue } from './agicInvalidValue';
import { agicPathPattern } from './agicPathPattern';
import { agicSslCertificateIgnored } from './agicSslCertificateIgnored';
import { agicUnknownAnnotation } from './agicUnknownAnnotation';
import { ingressAnnotationNotString } from './annotationNotString';
import { ingressBackendService } from './backendService';
import { ingressClassConflict } from './classConflict';
import { ingressForeignAnnotation } from './foreignAnnotation';
import { ingressHostSyntax } from './hostSyntax';
import { appRoutingKeyVaultUri } from './keyVaultUri';
import { appRoutingKeyVaultVersionPinned } from './keyVaultVersionPinned';
import { ingressLegacyClassAnnotation } from './legacyClassAnnotation';
import { appRoutingNginxBlockedWord } from './nginxBlockedWord';
import { appRoutingNginxInvalidValue } from './nginxInvalidValue';
import { appRoutingNginxRetirement } from './nginxRetirement';
import { appRoutingNginxUnknownAnnotation } from './nginxUnknownAnnotation';
import { ingressPathSyntax } from './pathSyntax';
import { ingressPathType } from './pathType';
import { ingressTlsHostNotCovered } from './tlsHostNotCovered';
import { appRoutingTlsMissing } from './tlsMissing';
import { appRoutingTlsSecretName } from './tlsSecretName';
import { ingressUnknownClass } from './unknownClass';

export const INGRESS_RULES: readonly Rule[] = [
  ingressClassConflict,
  ingressLegacyClassAnnotation,
  ingressUnknownClass,
  ingressForeignAnnotation,
  ingressAnnotationNotString,
  agicUnknownAnnotation,
  agicInvalidValue,
  agicSslCertificateIgnored,
  agicBackendProtocolPort,
  agicPathPattern,
  appRoutingKeyVaultUri,
  appRoutingKeyVaultVersionPinned,
  appRoutingTlsSecretName,
  appRoutingTlsMissing,
  appRoutingNginxRetirement,
  appRoutingNginxUnknownAnnotation,
  appRoutingNginxInvalidValue,
  appRoutingNginxBlockedWord,
  ingressBackendService,
  ingressPathType,
  ingressPathSyntax,
  ingressHostSyntax,
  ingressTlsHostNotCovered,
];
