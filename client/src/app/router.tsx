import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A history-API router: a handful of fixed paths needs no library. */
const listeners = new Set<() => void>();
let navigations = 0;

function notify(): void {
  navigations += 1;
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentHref = () => location.pathname + location.search;

export interface Location {
  path: string;
  query: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, location.origin);
  return { path: url.pathname, query: url.searchParams };
}

/** True once the user has moved within the app: only then does a new screen take the focus. */
export const hasNavigated = () => navigations > 0;

export function Link({ to, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...props} />;
}
