// Family ingress/: the API server's own validation of Ingress and IngressClass objects
// (kubernetes pkg/apis/networking/validation and apimachinery's ObjectMeta validation).
import type { Rule } from '../rule';
import { annotationKeyInvalid } from './annotation-key-invalid';
import { annotationsTooLong } from './annotations-too-long';
import { backendExactlyOne } from './backend-exactly-one';
import { classAnnotationAndField } from './class-annotation-and-field';
import { classNameInvalid } from './class-name-invalid';
import { dryRunServer } from './dry-run-server';
import { hostInvalid } from './host-invalid';
import { hostIpAddress } from './host-ip-address';
import { ingressClassControllerInvalid } from './ingressclass-controller-invalid';
import { ingressClassControllerRequired } from './ingressclass-controller-required';
import { ingressClassParametersInvalid } from './ingressclass-parameters-invalid';
import { labelInvalid } from './label-invalid';
import { metadataNameInvalid } from './metadata-name-invalid';
import { metadataNamespaceInvalid } from './metadata-namespace-invalid';
import { pathAbsolute } from './path-absolute';
import { pathInvalidSequence } from './path-invalid-sequence';
import { pathTypeRequired } from './path-type-required';
import { pathTypeValue } from './path-type-value';
import { pathsEmpty } from './paths-empty';
import { portNameInvalid } from './port-name-invalid';
import { portNumberRange } from './port-number-range';
import { resourceBackendInvalid } from './resource-backend-invalid';
import { rulesOrDefaultBackend } from './rules-or-default-backend';
import { serviceNameInvalid } from './service-name-invalid';
import { servicePortExactlyOne } from './service-port-exactly-one';
import { tlsHostInvalid } from './tls-host-invalid';
import { tlsSecretNameInvalid } from './tls-secret-name-invalid';

export const INGRESS_RULES: readonly Rule[] = [
  metadataNameInvalid, metadataNamespaceInvalid, labelInvalid, annotationKeyInvalid, annotationsTooLong,
  rulesOrDefaultBackend, hostIpAddress, hostInvalid, pathsEmpty,
  pathTypeRequired, pathTypeValue, pathAbsolute, pathInvalidSequence,
  backendExactlyOne, serviceNameInvalid, servicePortExactlyOne, portNameInvalid, portNumberRange, resourceBackendInvalid,
  tlsHostInvalid, tlsSecretNameInvalid, classNameInvalid, classAnnotationAndField,
  ingressClassControllerRequired, ingressClassControllerInvalid, ingressClassParametersInvalid, dryRunServer,
];
