/**
 * Matches a request against CENTRAL_ROUTES (the wire contract's table): a known path with another method is 405, an
 * unknown path 404. Path parameters are decoded and handed to the handler by name.
 */
import { CENTRAL_ROUTES, type CentralRoute } from './routes';

export interface RouteMatch {
  route: CentralRoute;
  params: Record<string, string>;
}

const compiled = CENTRAL_ROUTES.map((route) => {
  const names: string[] = [];
  const pattern = route[1].replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, re: new RegExp(`^${pattern}$`) };
});

export type RouteResult = { kind: 'match'; match: RouteMatch } | { kind: 'method'; allowed: string[] } | { kind: 'none' };

export function matchRoute(method: string, pathname: string): RouteResult {
  const allowed: string[] = [];
  for (const c of compiled) {
    const m = c.re.exec(pathname);
    if (!m) continue;
    if (c.route[0] !== method) {
      allowed.push(c.route[0]);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    } catch {
      return { kind: 'none' };
    }
    return { kind: 'match', match: { route: c.route, params } };
  }
  return allowed.length ? { kind: 'method', allowed } : { kind: 'none' };
}
