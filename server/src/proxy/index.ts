// The proxy engine behind `ingress-lab serve` and the editor's "Try this route".
export { IngressProxy, requestLogLine, type ProxyOptions, type RequestLog, type Listening } from './proxy';
export { chainResolvers, targetKey, type ServiceTarget, type Upstream, type UpstreamResolver, type Resolution } from './upstream';
export { LocalMapResolver, mappingOf, parseMapping, MappingError, type LocalMapping } from './local-map';
export { PodResolver } from './pods';
export { loadOrCreateCa, type CaFiles } from './certs';
export { ROUTE_HEADER, REASON_HEADER, UPSTREAM_HEADER, UPSTREAM_PATH_HEADER, UPSTREAM_HOST_HEADER } from './explain';
export { AS_HEADER, type RouteSetId } from './route-sets';
export { servicePorts } from './service-ports';
export { tableFromData, routeTableData, routeObjectOf, type ObjectRoutes } from './objects-table';
