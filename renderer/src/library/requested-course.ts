/**
 * The library entry the page was asked to open (`plenum host --course <file>` adds `?course=<id>`), taken
 * once: the parameter is removed from the address so that going back to the library does not reopen it.
 */
export function takeRequestedCourse(): number | null {
  const url = new URL(window.location.href);
  const value = url.searchParams.get('course');
  if (value === null || !/^\d+$/.test(value)) return null;
  url.searchParams.delete('course');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return Number(value);
}
