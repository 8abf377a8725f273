/**
 * What a flow declares on the client: its subpackage, its pages, the catalogue services it
 * serves and, for each, the page the hub's tile opens. app.config.ts's subPackages, the browser
 * scan's page list and the simulated-WeChat page list are derived from these declarations
 * (flows/index.ts), so a page cannot be added without being built, scanned and simulated.
 *
 * Pure data and string helpers only: app.config.ts imports it at build time, outside Taro.
 */
export interface FlowDeclaration<Root extends string = string, Pages extends Record<string, string> = Record<string, string>> {
  /** The subpackage's folder under client/src (and its root in app.json). */
  root: Root;
  /** What a resident does here, in a line (app.config's comment, the docs). */
  title: string;
  /** Page name → its path under the root (`pages/<name>/index`). */
  pages: Pages;
  /**
   * The catalogue's services this flow serves, each with the page the hub's tile opens for it
   * (core's services.json `path`, which a test holds equal). A flow the hub does not list (the
   * message centre) serves none.
   */
  services: Readonly<Record<string, keyof Pages & string>>;
}

/** Any flow, as the lists that derive from all of them take it. */
export interface AnyFlow {
  root: string;
  title: string;
  pages: Readonly<Record<string, string>>;
  services: Readonly<Record<string, string>>;
}

export function defineFlow<const Root extends string, const Pages extends Record<string, string>>(flow: FlowDeclaration<Root, Pages>): FlowDeclaration<Root, Pages> {
  return flow;
}

/** `root/pages/x/index` for every page of a flow: the routes as app.json and getCurrentPages() name them. */
export type RoutesOf<F> = F extends FlowDeclaration<infer R, infer P> ? `${R}/${P[keyof P]}` : never;

/** Each page's absolute path, for navigateTo: `{ bill: '/bills/pages/bill/index', … }`. */
export function pathsOf<const R extends string, const P extends Record<string, string>>(flow: FlowDeclaration<R, P>): { readonly [K in keyof P]: `/${R}/${P[K]}` } {
  const out: Record<string, string> = {};
  for (const [name, page] of Object.entries(flow.pages)) out[name] = `/${flow.root}/${page}`;
  return out as { readonly [K in keyof P]: `/${R}/${P[K]}` };
}

/** A path with its query, values encoded; empty values left out. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}
