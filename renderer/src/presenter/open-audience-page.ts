/** The name of the audience page's browser window, so opening it again focuses the one already open. */
const AUDIENCE_WINDOW_NAME = 'plenum-audience';

/**
 * Opens the audience view as a second page of the same origin (the loopback host has no native windows):
 * the person drags it to the projector and presses F there. Called from a click, so no popup blocker
 * objects. `noopener` is left out on purpose: the same name must find the page already open.
 */
export function openAudiencePage(): void {
  const url = new URL(window.location.href);
  url.search = '?view=audience';
  url.hash = '';
  window.open(url.toString(), AUDIENCE_WINDOW_NAME)?.focus();
}
