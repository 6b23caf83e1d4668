// Hostile manifests shared by the parse, CLI and LSP tests: alias bombs, self-referencing
// anchors, and a small workspace in which they sit beside files that must still be checked.

/** A "billion laughs": `a` holds nine strings, each later anchor nine aliases of the one before (9^levels nodes expanded). */
export function billionLaughs(levels = 10): string {
  const names = 'abcdefghijklmnop';
  let text = `a: &a [${Array(9).fill('lol').join(', ')}]\n`;
  for (let i = 1; i < levels; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return text;
}

/** An anchor whose value holds an alias to itself. */
export const SELF_REFERENCE = 'a: &x [*x]\n';

/**
 * Files in the order a folder listing reads them: the bad ones first. The Ingress refers to
 * Services defined in the files before and after it (`web` beside a self-referencing label
 * anchor, `api` last) and has one real error (a relative path).
 */
export function hostileWorkspace(): Record<string, string> {
  return {
    'a-self.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: &l\n    app: web\n    again: *l\nspec:\n  ports: [{port: 80}]\n',
    'b-bomb.yaml': `apiVersion: v1\nkind: Service\nmetadata: {name: bomb}\n${billionLaughs()}`,
    'c-ingress.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop}\nspec:\n  rules:\n    - http:\n        paths:\n' +
      '          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n' +
      '          - {path: api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}\n',
    'd-services.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: 80}]\n',
    'e-self.yaml': SELF_REFERENCE,
  };
}
