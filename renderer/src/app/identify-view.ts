/**
 * The display number this page shows when it is one of the room check's badges (`?view=identify&display=N`,
 * opened by main on each display), else null. Only small whole numbers are taken.
 */
export function identifyDisplayNumber(): number | null {
  const query = new URLSearchParams(window.location.search);
  if (query.get('view') !== 'identify') return null;
  const text = query.get('display') ?? '';
  return /^[1-9][0-9]?$/.test(text) ? Number(text) : null;
}
