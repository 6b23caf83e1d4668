// Readable lines for network error codes (undici's and the OS's) in status messages.
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (ECONNREFUSED)',
  ECONNRESET: 'connection reset (ECONNRESET)',
  UND_ERR_SOCKET: 'connection closed by the server (UND_ERR_SOCKET)',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out (UND_ERR_CONNECT_TIMEOUT)',
  ENOTFOUND: 'host not found (ENOTFOUND)',
  EAI_AGAIN: 'host name lookup failed (EAI_AGAIN)',
  EHOSTUNREACH: 'host unreachable (EHOSTUNREACH)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server\'s certificate is self-signed and not trusted by the kubeconfig',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server\'s certificate is not trusted by the kubeconfig',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server\'s certificate chain is not trusted by the kubeconfig',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server\'s certificate does not match its address',
};

/** A readable line for a network error code (undici's or the OS's). */
export function networkMessage(code: string): string {
  return NET_ERRORS[code] ?? code;
}
