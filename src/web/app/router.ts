// The app's pages as locations: a hash route (#/w/acme/risks/R-001) for each screen, so a page can be
// bookmarked and reloaded, and the server needs to know only index.html.
import { useMemo, useSyncExternalStore } from "react";

export const sections = [
  "dashboard",
  "scope",
  "risks",
  "soa",
  "objectives",
  "evidence",
  "documents",
  "audits",
  "reviews",
  "people",
  "suppliers",
  "calendar",
  "collection",
] as const;
export type Section = (typeof sections)[number];

export type Route =
  | { page: "workspaces" }
  | { page: "section"; workspace: string; section: Section; item?: string }
  | { page: "not-found"; hash: string };

const isSection = (text: string): text is Section => sections.some((s) => s === text);

/** "#/w/acme/risks/R-001" → the risks section of workspace acme with R-001 open. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map(decodeURIComponent);
  if (parts.length === 0) return { page: "workspaces" };
  const [w, workspace, section = "dashboard", item, ...rest] = parts;
  if (w === "w" && workspace && isSection(section) && rest.length === 0) return { page: "section", workspace, section, ...(item ? { item } : {}) };
  return { page: "not-found", hash };
}

export function hrefOf(route: Route): string {
  if (route.page === "workspaces") return "#/";
  if (route.page === "not-found") return route.hash;
  const path = ["w", route.workspace, route.section, ...(route.item ? [route.item] : [])].map(encodeURIComponent).join("/");
  return `#/${path}`;
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (options.replace) {
    window.history.replaceState(null, "", href);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = href;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current route, following the address bar (also changes made before this component subscribed). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
