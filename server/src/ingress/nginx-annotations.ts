// ingress-nginx annotation keys with their documentation and allowed values, for completion
// and hover (summarised from kubernetes.github.io/ingress-nginx user guide, annotations). Data only.

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

export interface AnnotationDoc {
  /** Key without the `nginx.ingress.kubernetes.io/` prefix. */
  name: string;
  doc: string;
  /** Allowed values when the set is closed (booleans are "true"/"false"). */
  values?: string[];
  /** An example value when the set is open. */
  example?: string;
}

const BOOL = ['true', 'false'];

export const NGINX_ANNOTATIONS: readonly AnnotationDoc[] = [
  { name: 'rewrite-target', doc: 'Target URI where the traffic must be redirected; use capture groups ($1) with use-regex.', example: '/$1' },
  { name: 'use-regex', doc: 'Treat the paths of this Ingress as regular expressions (also for other Ingresses of the same host).', values: BOOL },
  { name: 'ssl-redirect', doc: 'Redirect HTTP to HTTPS when the Ingress has TLS (default true).', values: BOOL },
  { name: 'force-ssl-redirect', doc: 'Redirect HTTP to HTTPS even when TLS is terminated outside the controller.', values: BOOL },
  { name: 'backend-protocol', doc: 'Protocol used to talk to the backend.', values: ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'FCGI', 'AUTO_HTTP'] },
  { name: 'proxy-body-size', doc: 'Maximum allowed size of the client request body (client_max_body_size); 0 disables the check.', example: '8m' },
  { name: 'proxy-connect-timeout', doc: 'Timeout in seconds for establishing a connection with the upstream.', example: '5' },
  { name: 'proxy-read-timeout', doc: 'Timeout in seconds for reading a response from the upstream.', example: '60' },
  { name: 'proxy-send-timeout', doc: 'Timeout in seconds for transmitting a request to the upstream.', example: '60' },
  { name: 'proxy-buffering', doc: 'Enable or disable buffering of responses from the upstream.', values: ['on', 'off'] },
  { name: 'proxy-buffer-size', doc: 'Size of the buffer used for the first part of the response.', example: '8k' },
  { name: 'enable-cors', doc: 'Enable Cross-Origin Resource Sharing headers.', values: BOOL },
  { name: 'cors-allow-origin', doc: 'Origins allowed for CORS (comma-separated, or *).', example: 'https://example.com' },
  { name: 'cors-allow-methods', doc: 'Methods allowed for CORS.', example: 'GET, PUT, POST, DELETE, PATCH, OPTIONS' },
  { name: 'cors-allow-headers', doc: 'Headers allowed for CORS.', example: 'DNT,Keep-Alive,User-Agent,Content-Type,Authorization' },
  { name: 'cors-allow-credentials', doc: 'Whether credentials are allowed in CORS requests.', values: BOOL },
  { name: 'whitelist-source-range', doc: 'Client IP source ranges (CIDR, comma-separated) allowed to access the Ingress.', example: '10.0.0.0/8' },
  { name: 'denylist-source-range', doc: 'Client IP source ranges (CIDR, comma-separated) denied access.', example: '192.168.0.0/16' },
  { name: 'auth-type', doc: 'Type of basic authentication.', values: ['basic', 'digest'] },
  { name: 'auth-secret', doc: 'Secret (name or namespace/name) holding the htpasswd file for basic auth.', example: 'basic-auth' },
  { name: 'auth-realm', doc: 'Realm shown in the basic-auth prompt.', example: 'Authentication Required' },
  { name: 'auth-url', doc: 'URL of an external authentication service; a 2xx answer lets the request through.', example: 'https://auth.example.com/verify' },
  { name: 'auth-signin', doc: 'Location to redirect to when external authentication answers 401.', example: 'https://auth.example.com/start' },
  { name: 'auth-tls-secret', doc: 'Secret (namespace/name) with the CA certificate used to verify client certificates.', example: 'default/ca-secret' },
  { name: 'auth-tls-verify-client', doc: 'Client certificate verification.', values: ['on', 'off', 'optional', 'optional_no_ca'] },
  { name: 'affinity', doc: 'Session affinity type.', values: ['cookie'] },
  { name: 'affinity-mode', doc: 'How sticky sessions react to scaling.', values: ['balanced', 'persistent'] },
  { name: 'session-cookie-name', doc: 'Name of the affinity cookie.', example: 'INGRESSCOOKIE' },
  { name: 'load-balance', doc: 'Load-balancing algorithm for this Ingress.', values: ['round_robin', 'ewma'] },
  { name: 'upstream-hash-by', doc: 'Consistent hashing key (nginx variable, text or both), e.g. $request_uri.', example: '$request_uri' },
  { name: 'canary', doc: 'Mark this Ingress as a canary of another Ingress with the same host and path.', values: BOOL },
  { name: 'canary-weight', doc: 'Percentage (0-100) of requests routed to the canary.', example: '10' },
  { name: 'canary-by-header', doc: 'Header that routes a request to the canary when set to "always".', example: 'X-Canary' },
  { name: 'canary-by-header-value', doc: 'With canary-by-header: the header value that routes a request to the canary (instead of "always").', example: 'beta' },
  { name: 'canary-by-header-pattern', doc: 'With canary-by-header and no canary-by-header-value: a PCRE regex; a header value it matches routes the request to the canary.', example: '^beta-.*' },
  { name: 'canary-by-cookie', doc: 'Cookie that routes a request to the canary when set to "always".', example: 'canary' },
  { name: 'limit-rps', doc: 'Requests per second accepted from one client IP.', example: '10' },
  { name: 'limit-connections', doc: 'Concurrent connections allowed from one client IP.', example: '10' },
  { name: 'app-root', doc: 'Redirect requests for "/" to this path.', example: '/app' },
  { name: 'permanent-redirect', doc: 'Answer every request with a 301 to this URL.', example: 'https://www.example.com' },
  { name: 'temporal-redirect', doc: 'Answer every request with a 302 to this URL.', example: 'https://www.example.com' },
  { name: 'from-to-www-redirect', doc: 'Redirect between www.host and host.', values: BOOL },
  { name: 'server-snippet', doc: 'Custom nginx configuration in the server block (often disabled by the controller for security).', example: '' },
  { name: 'configuration-snippet', doc: 'Custom nginx configuration in the location block (often disabled by the controller for security).', example: '' },
  { name: 'ssl-passthrough', doc: 'Pass TLS through to the backend without terminating it (needs --enable-ssl-passthrough).', values: BOOL },
  { name: 'default-backend', doc: 'Service (in the Ingress namespace) that answers when the backend has no endpoints.', example: 'default-http-backend' },
  { name: 'custom-http-errors', doc: 'Status codes to be served by the default backend (comma-separated).', example: '404,503' },
  { name: 'x-forwarded-prefix', doc: 'Add an X-Forwarded-Prefix header with this value to the upstream request.', example: '/api' },
  { name: 'service-upstream', doc: 'Proxy to the Service ClusterIP instead of the pod endpoints.', values: BOOL },
];

export function nginxAnnotation(key: string): AnnotationDoc | undefined {
  if (!key.startsWith(NGINX_PREFIX)) return undefined;
  const name = key.slice(NGINX_PREFIX.length);
  return NGINX_ANNOTATIONS.find((a) => a.name === name);
}
