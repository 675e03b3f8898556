import { createUiHandler } from '../app/ui-handler';

/** Where the host's client (out/renderer/plenum-client.js, built from renderer/src/host-client) is served. */
export const CLIENT_SCRIPT_PATH = '/plenum-client.js';

const HEAD_TAG = /<head(\s[^>]*)?>/i;

/** The page with the client script as the first thing in its <head>, before every script of the app. */
export function withClientScript(html: string): string {
  return html.replace(HEAD_TAG, (tag) => `${tag}<script src="${CLIENT_SCRIPT_PATH}"></script>`);
}

function isHtml(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/**
 * The UI as the loopback host serves it: the renderer folder through the same handler Electron uses (GET and
 * HEAD only, the CSP on every response, nothing outside the folder, symbolic links included), with the client
 * script put into every HTML page, since a browser has no preload to define window.plenum.
 */
export function createHostPages(rendererDir: string): (request: Request) => Promise<Response> {
  const ui = createUiHandler(rendererDir);
  return async (request) => {
    const response = await ui(request);
    if (response.status !== 200 || !isHtml(response)) return response;
    // A HEAD answer has no body to change, and its length must be the changed page's: read the page itself.
    const page = request.method === 'HEAD' ? await ui(new Request(request.url)) : response;
    if (page.status !== 200) return page;
    const body = new TextEncoder().encode(withClientScript(await page.text()));
    const headers = new Headers(page.headers);
    headers.set('Content-Length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
