/**
 * The course file the page was asked to open (`plenum host --course <file>` adds `?course=<path>`), taken once:
 * the parameter is removed from the address so that going back to the library does not reopen it.
 */
export function takeRequestedCourse(): string | null {
  const url = new URL(window.location.href);
  const path = url.searchParams.get('course');
  if (path === null || path === '') return null;
  url.searchParams.delete('course');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return path;
}
