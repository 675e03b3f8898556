/** Whether this page is the audience window (`?view=audience`): the room's view, with no controls. */
export function isAudienceView(): boolean {
  return new URLSearchParams(window.location.search).get('view') === 'audience';
}
