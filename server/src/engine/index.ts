// The headless project model: one factory, I/O injected. See project.ts.
export { createProject, Project, type ProjectOptions, type ClusterView, type LinesOf } from './project';
export { projectRouteTable, ingressesInScope, type RouteSources, type TableScope } from './routes';
export { FileModel, DocEntry, ChunkSpan, splitChunks, type Lines, type Anchor } from './file-model';
export { hostsOf, keysOf, referencesOf } from './object-index';
