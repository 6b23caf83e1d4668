// The workspace's Gateway API objects (HTTPRoute, Gateway) as the project holds their files:
// read once with their documents and kept by their chunks (Project.gatewayObjects), never parsed
// again. Not part of the object index (no object rule refers to them across files). No I/O.
import type { GatewayObject } from '../gateway/model';
import type { Project } from './project';

export function gatewayObjectsOf(project: Project): GatewayObject[] {
  return project.gatewayObjects();
}
