// The IngressClass the API server gives an Ingress that names no class. The DefaultIngressClass
// admission plugin (plugin/pkg/admission/network/defaultingressclass) takes the classes annotated
// ingressclass.kubernetes.io/is-default-class: "true" and, when there are several, the newest
// (creationTimestamp, then name); releases before that change refused the Ingress. A workspace
// class not yet created counts as the newest. Pure.
import type { IngressClass } from './model';

function createdAt(c: IngressClass): number {
  const t = c.creationTimestamp ? Date.parse(c.creationTimestamp) : NaN;
  return Number.isNaN(t) ? Infinity : t;
}

function newestFirst(a: IngressClass, b: IngressClass): number {
  const ta = createdAt(a);
  const tb = createdAt(b);
  if (ta !== tb) return tb - ta;
  // Two definitions of one class (two files): in file order, so every face lists them alike.
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.uri.localeCompare(b.uri) || a.docIndex - b.docIndex;
}

/** The default classes, the one the API server picks first. */
export function defaultIngressClasses(classes: readonly IngressClass[]): IngressClass[] {
  return classes.filter((c) => c.isDefault).sort(newestFirst);
}

export function defaultIngressClass(classes: readonly IngressClass[]): IngressClass | undefined {
  return defaultIngressClasses(classes)[0];
}
