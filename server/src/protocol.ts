// The custom part of the protocol between the Ingress Lab editor client and its language
// server, declared once and imported by both sides. Each message says which side sends it.
// Plain data only: ranges are LSP ranges, locations carry the document URI.
import { NotificationType, RequestType, type Diagnostic, type Location } from 'vscode-languageserver-protocol';

// ── Settings (section `ingressLab`, read by the server through workspace/configuration) ──

export const SETTINGS_SECTION = 'ingressLab';

export type RuleSeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface IngressLabSettings {
  /** `ingressLab.defaultNamespace`: namespace of objects that do not name one. */
  defaultNamespace: string;
  /** `ingressLab.rules`: per-rule severity overrides keyed by registered rule id, e.g. `{"ref/backend-service": "off"}`. */
  rules: Record<string, RuleSeverityOverride>;
  cluster: {
    /** `ingressLab.cluster.enabled`: read live cluster state (Services, Secrets, pods...). */
    enabled: boolean;
    /** `ingressLab.cluster.context`: kubeconfig context; empty means the current context. */
    context: string;
    /** `ingressLab.cluster.dryRun`: ask the API server to validate manifests with a server-side dry run. */
    dryRun: boolean;
  };
  /** `ingressLab.controllerProfile`: how routes are explained: auto (ingress-nginx for an IngressClass with controller k8s.io/ingress-nginx or nginx annotations), spec-only or ingress-nginx. */
  controllerProfile: 'auto' | 'spec-only' | 'ingress-nginx';
  trace: {
    /** `ingressLab.trace.server`: read by the client's LanguageClient to trace the protocol. */
    server: 'off' | 'messages' | 'verbose';
  };
}

export const DEFAULT_SETTINGS: IngressLabSettings = {
  defaultNamespace: 'default',
  rules: {},
  cluster: { enabled: false, context: '', dryRun: false },
  controllerProfile: 'auto',
  trace: { server: 'off' },
};

/** Sent by the client in `initializationOptions` (all optional). */
export interface InitializationOptions {
  settings?: Partial<IngressLabSettings>;
  /** A cluster snapshot file (YAML of objects) used instead of a live cluster (tests, demos). */
  clusterSnapshot?: string;
}

// ── Commands the server puts on CodeLenses (executed by the client) ──

export const TRY_ROUTE_COMMAND = 'ingressLab.tryRoute';

/** The single argument of `ingressLab.tryRoute`: everything the client needs to send the request. */
export interface TryRouteArgs {
  /** Full URL to request, e.g. `https://shop.example.com/api`. */
  url: string;
  scheme: 'http' | 'https';
  /** Host header / SNI name to use (a concrete example for a wildcard host). */
  host: string;
  /** The host as written in the rule (`*.example.com`, or '' for any host). */
  ruleHost: string;
  path: string;
  pathType: string;
  namespace: string;
  ingress: string;
  service?: { name: string; port?: number | string };
  /** Where the path (or defaultBackend) is written. */
  location: Location;
  isDefaultBackend: boolean;
}

// ── Requests (client → server) ──

export interface RouteTableParams {
  /** Limit to the Ingresses of one document; all workspace Ingresses when absent. */
  uri?: string;
  /** Also send the project's route table as data (`table`): the editor's proxy routes with it. */
  withTable?: boolean;
}

/** One object as plain JSON (its namespace filled in), with the document it is written in. Never a Secret. */
export interface RouteObject {
  uri: string;
  json: unknown;
  /** Index of the document in its file (ties between two definitions of one Ingress). */
  docIndex?: number;
  /** 'cluster' for a live Ingress the workspace does not redefine. */
  origin?: 'workspace' | 'cluster';
}

/**
 * The server's route table as data (server/src/proxy/objects-table.ts): its Ingresses (workspace
 * and live) with the creationTimestamp precedence was decided on, the default IngressClass, and
 * the Services (port names). The proxy rebuilds it with tableFromData and routes exactly as the
 * server's diagnostics, Explain route and the Routes view say.
 */
export interface RouteTableData {
  ingresses: (RouteObject & { created: string | null })[];
  defaultClass: string | null;
  services: RouteObject[];
  /** The controller profile the Ingresses are routed with (the proxy applies its redirects, rewrites, canaries). */
  profile?: { id: 'spec-only' | 'ingress-nginx'; reason: string };
  /** The Gateway API set the proxy serves on `X-Ingress-Lab-As: gateway-api` (server/src/gateway/served.ts): HTTPRoutes and Gateways. */
  gateway?: RouteObject[];
}

/** One path of a workspace Ingress as the client lists it (not the route table's RouteEntry). */
export interface RouteListEntry {
  host: string;
  path: string;
  pathType: string;
  namespace: string;
  ingress: string;
  ingressClass?: string;
  tls: boolean;
  service?: { name: string; port?: number | string };
  location: Location;
}

export interface RouteTableResult {
  routes: RouteListEntry[];
  /** With `withTable`: the route table itself, for the proxy in the client process (same matcher, same precedence, same winners). */
  table?: RouteTableData;
}

/** client → server: what the proxy serves (every host/path → backend of the workspace). */
export const RouteTableRequest = new RequestType<RouteTableParams, RouteTableResult, void>('ingressLab/routeTable');

export interface RouteTreePod {
  name: string;
  ready: boolean;
  /** The container port the backend's Service port reaches on this pod (targetPort resolved, from the EndpointSlice); ready pods only. */
  port?: number;
}

export interface RouteTreeBackend {
  service: string;
  port?: number | string;
  namespace: string;
  /** Ready/total endpoints when a cluster is connected. */
  ready?: number;
  total?: number;
  exists: boolean;
  location?: Location;
  /** The Service's endpoints (pod name, else address) with readiness, when a cluster is connected. */
  pods?: RouteTreePod[];
  /** An HTTPRoute backendRef's share of the traffic, in percent, when the rule has more than one. */
  share?: number;
}

/** Another Ingress path in a conflict or shadowing relation with this one. */
export interface RouteTreeOther {
  /** `namespace/name` of its Ingress. */
  ingress: string;
  path: string;
  pathType: string;
  backend: string;
  location: Location;
}

export interface RouteTreePath {
  path: string;
  pathType: string;
  ingress: string;
  namespace: string;
  backend?: RouteTreeBackend;
  /** Rule ids and messages of findings on this path (conflicts, shadowing, missing refs). */
  problems: { code: string; message: string; severity: RuleSeverityOverride }[];
  location: Location;
  /** active: receives traffic; conflict: another Ingress claims the same host+path+pathType; shadowed: never reached. */
  status?: 'active' | 'conflict' | 'shadowed';
  /** For conflict and shadowed: the other claimants, the winner first. */
  others?: RouteTreeOther[];
  /** Why it is shadowed or how the duplicate claim is decided. */
  reason?: string;
  /** The Ingress's spec.defaultBackend (listed under the host `''`), not a path. */
  isDefaultBackend?: boolean;
  /** The Ingress is live in the cluster only (no workspace file defines it); location is its read-only live view. */
  live?: boolean;
  /**
   * An HTTPRoute match (Gateway API), not an Ingress path: `ingress` is then the HTTPRoute's
   * name, `pathType` the match's path type (Exact, PathPrefix, RegularExpression).
   */
  gatewayApi?: RouteTreeGatewayMatch;
  /** Every backendRef of an HTTPRoute rule, with its share (`backend` is the first). */
  backends?: RouteTreeBackend[];
}

export interface RouteTreeGatewayMatch {
  /** `spec.rules[0].matches[1]`. */
  field: string;
  /** The criteria beyond the path (`GET`, `header x-env=canary`, `query v=2`). */
  conditions: string[];
  /** What the rule's filters do (`RequestRedirect 301 to https`, `URLRewrite path /v2`). */
  filters: string[];
  /** The listeners the route is attached through. */
  listeners: string[];
  /** False when an earlier match with the same criteria takes every request (shadowed, or the loser of a conflict). */
  reachable: boolean;
  /** The request Try and Explain send for this match (a concrete host and path). */
  request: TryRouteArgs;
}

export interface RouteTreeHost {
  /** The rule's host; '*' for rules without host; '' holds the Ingresses' defaultBackends. */
  host: string;
  tls: boolean;
  paths: RouteTreePath[];
  /** Where the host is first written. */
  location?: Location;
  /** The hostname of HTTPRoutes (Gateway API), '*' when they accept any host; its paths are HTTPRoute matches. */
  gatewayApi?: boolean;
}

export interface RouteTreeResult {
  hosts: RouteTreeHost[];
  cluster: ClusterStatusParams;
}

/** client → server: the side panel's data, host → path → Service:port → readiness. */
export const RouteTreeRequest = new RequestType<RouteTableParams, RouteTreeResult, void>('ingressLab/routeTree');

export interface ExplainRouteParams {
  host: string;
  path: string;
  /** Treat the request as HTTPS (affects TLS checks). */
  https?: boolean;
  /** Route it with the Gateway API matcher over the workspace's HTTPRoutes instead of the Ingresses. */
  gatewayApi?: boolean;
}

export interface ExplainRouteResult {
  /** The route that wins, or undefined when nothing matches (404 or defaultBackend). */
  route?: RouteListEntry;
  decision: string;
  /** One line per step of the matcher, in order. */
  trace: string[];
}

/** client → server: which rule a request for host+path would use, and why. */
export const ExplainRouteRequest = new RequestType<ExplainRouteParams, ExplainRouteResult, void>('ingressLab/explainRoute');

/** URI scheme of the read-only views of live cluster objects: `ingress-lab-live:/namespaces/NS/services/NAME.yaml`. */
export const LIVE_OBJECT_SCHEME = 'ingress-lab-live';

export interface LiveObjectParams {
  /** An `ingress-lab-live:` URI, as returned by go to definition. */
  uri: string;
}

export interface LiveObjectResult {
  /** YAML of the object as the cluster has it, without managedFields and the last-applied annotation. */
  text: string;
}

/** client → server: the text of a live object's read-only view (null: unknown URI, or a Secret, which is never served). */
export const LiveObjectRequest = new RequestType<LiveObjectParams, LiveObjectResult | null, void>('ingressLab/liveObject');

/** The Service port a routed request goes to, as the backend writes it (number or name). */
export interface OpenUpstreamParams {
  namespace: string;
  service: string;
  port: number | string;
  /** Upstream labels that already failed for this request (another pod, please). */
  avoid?: string[];
}

export type OpenUpstreamResult =
  /** A ready pod of the Service, reachable through a port-forward the server listens for on 127.0.0.1:port. */
  | { ok: true; label: string; namespace: string; pod: string; podPort: number; host: '127.0.0.1'; port: number }
  /** Nothing to send to (503: no cluster, no ready pods, no such port) or the backend cannot be proxied (502). */
  | { ok: false; status: 502 | 503; reason: string };

/**
 * client → server: a ready pod of a Service, through a port-forward the server opens (the one
 * cluster connection of the window). The editor's proxy connects only to the loopback address
 * answered. DESIGN: see server/src/lsp/upstreams.ts.
 */
export const OpenUpstreamRequest = new RequestType<OpenUpstreamParams, OpenUpstreamResult, void>('ingressLab/openUpstream');

export interface UpstreamFailureParams {
  /** The port-forward listener's port (from openUpstream). */
  port: number;
  /** The local port of the proxy's connection to it. */
  clientPort: number;
}

export interface UpstreamFailureResult {
  /** Why the port-forward behind that connection failed (the API server's or kubelet's words), if it did. */
  reason?: string;
  /** The pod refused the connection on that port. */
  refused?: boolean;
}

/** client → server: why a connection to an openUpstream listener closed before the pod answered. */
export const UpstreamFailureRequest = new RequestType<UpstreamFailureParams, UpstreamFailureResult, void>('ingressLab/upstreamFailure');

// ── Notifications (server → client) ──

/** The cluster connection as the status bar shows it (not the server's ClusterState class). 401: unauthorized; 403: forbidden. */
export type ClusterConnectionState = 'disabled' | 'connecting' | 'connected' | 'unreachable' | 'unauthorized' | 'forbidden';

export interface ClusterStatusParams {
  state: ClusterConnectionState;
  /** kubeconfig context or snapshot file the facts come from. */
  source?: string;
  /** Why, in one sentence (shown in the status bar tooltip). */
  message: string;
}

/** server → client: the cluster connection changed (status bar). */
export const ClusterStatusNotification = new NotificationType<ClusterStatusParams>('ingressLab/clusterStatus');

export interface RoutesChangedParams {
  /** Documents whose Ingresses changed. */
  uris: string[];
}

/** server → client: the route table changed (refresh the tree, reload the proxy). */
export const RoutesChangedNotification = new NotificationType<RoutesChangedParams>('ingressLab/routesChanged');

// ── Gateway API preview ──

export interface ConvertToGatewayParams {
  /** Convert the Ingresses of one document; all workspace Ingresses when absent. */
  uri?: string;
}

/** A request the Ingresses and the converted HTTPRoutes send to different places. */
export interface GatewayDifference {
  /** e.g. `http://shop.example.com/api/x` (with the headers that matter). */
  request: string;
  /** Where the Ingresses send it, with their controller profile (`200 shop/web:80 path /x`). */
  ingress: string;
  /** Where the converted HTTPRoutes send it. */
  gateway: string;
  /** What differs, and why the request was checked. */
  why: string;
}

export interface ConvertToGatewayResult {
  /** The converted HTTPRoutes as YAML documents ('' when there is no Ingress). */
  yaml: string;
  /** The controller profile the Ingresses were read with, and why (`ingress-nginx (…)`). */
  profile: string;
  /** Per Ingress (`namespace/name`): what changes or has no equivalent. */
  notes: { ingress: string; severity: 'warning' | 'info'; message: string }[];
  /** How many requests the equivalence check sent through both. */
  checked: number;
  differences: GatewayDifference[];
  /**
   * The differences (gateway/route-differs, on the HTTPRoute match that answers each request) and
   * the notes (gateway/not-converted, on the route converted from the Ingress), ranges in `yaml`:
   * whoever shows `yaml` below other lines shifts them by as many lines.
   */
  diagnostics: Diagnostic[];
}

/** URI scheme of the read-only Gateway API preview: `ingress-lab-gateway:/path/of/source.yaml?<source uri>`. */
export const GATEWAY_PREVIEW_SCHEME = 'ingress-lab-gateway';

/** client → server: the Ingresses of a document (or the workspace) converted to Gateway API, with the report and the equivalence check. */
export const ConvertToGatewayRequest = new RequestType<ConvertToGatewayParams, ConvertToGatewayResult, void>('ingressLab/convertToGateway');
