/**
 * An SVG document as a `data:` URL for an `<img>`: the picture is drawn as an image, so nothing in it is
 * ever parsed into the page as markup. Base64 of the UTF-8 bytes keeps any character safe.
 */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
