// Routing: the route table, the one matcher, conflict analysis and the route tree.
export { buildRouteTable, ingressClassOf, type RouteEntry, type RouteTable, type RouteTableOptions, type HostGroup } from './table';
export { lookup, describeEntry, type LookupOptions, type RouteResult, type RouteMatch, type TraceStep, type TraceCandidate } from './match';
export { analyzeRoutes, routeAnalysisFor, type RouteAnalysis, type DuplicateRoute, type ShadowedRoute } from './analysis';
export { buildRouteTree, type RouteTree, type RouteHostNode, type RoutePathNode, type RouteDefaultNode } from './tree';
export { backendJson, backendLabel, type BackendJson } from './backend';
export { ingressRef, compareIngresses, ownCreationTimestamp, type CreatedAt } from './order';
export { hostMatches, hostKey } from './hosts';
export { TlsIndex, ruleServesHost, type TlsClaim } from './tls';
export { selectHost, whyPathWins } from './match';
export { memoize } from './memo';
