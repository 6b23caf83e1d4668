// Family tls/: the Secrets named in spec.tls and the certificates they hold, checked against
// the workspace and, when connected, the cluster.
import type { Rule } from '../rule';
import { certHost } from './cert-host';
import { certValidity } from './cert-validity';
import { secretExists } from './secret-exists';
import { secretKeys } from './secret-keys';
import { secretType } from './secret-type';

export const TLS_RULES: readonly Rule[] = [secretExists, secretType, secretKeys, certHost, certValidity];
