// What the user is told about the cluster connection: one status, reported once (status bar,
// CLI stderr line), never as a diagnostic on every line. Never carries credentials.
export type ClusterStatus =
  | { state: 'off' }
  | { state: 'no-kubeconfig'; message: string }
  | { state: 'bad-kubeconfig'; message: string }
  | { state: 'connecting'; context: string; server: string }
  | { state: 'connected'; context: string; server: string; version: string; forbidden: string[] }
  | { state: 'unreachable'; context: string; server: string; message: string }
  | { state: 'unauthorized'; context: string; server: string; message: string };

/** One line for a status bar tooltip or the CLI. */
export function describeStatus(s: ClusterStatus): string {
  switch (s.state) {
    case 'off': return 'cluster: not used';
    case 'no-kubeconfig':
    case 'bad-kubeconfig': return `cluster: ${s.message}`;
    case 'connecting': return `cluster: connecting to context ${s.context} (${s.server})`;
    case 'connected': {
      const forbidden = s.forbidden.length ? `; not allowed to list ${s.forbidden.join(', ')} (checks on them use the workspace only)` : '';
      return `cluster: connected to context ${s.context} (${s.server}, Kubernetes ${s.version})${forbidden}`;
    }
    case 'unreachable': return `cluster: context ${s.context} (${s.server}) is unreachable: ${s.message}`;
    case 'unauthorized': return `cluster: context ${s.context} (${s.server}) cannot authenticate: ${s.message}`;
  }
}
