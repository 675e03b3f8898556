/**
 * The file segments a UI URL path names inside the renderer folder, or null when the path is refused.
 * `/` is the entry page. Refused: empty, `.` and `..` segments (also when percent-encoded), encoded
 * slashes or backslashes, NUL, and `:` (a Windows drive or stream name). The caller still checks that the
 * resolved file lies inside the folder, so this is the first of two fences, not the only one.
 */
export function uiPathSegments(pathname: string): string[] | null {
  if (pathname === '/' || pathname === '') return ['index.html'];
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}
