/**
 * One piece of a film as HLS needs it: the init segment (ftyp + moov: codec setup, no samples) or one media
 * segment (moof + mdat, and any styp/sidx/prft/emsg boxes that came just before the moof).
 * `startSeconds` is the video track's baseMediaDecodeTime (tfdt) in seconds; `durationSeconds` is the sum
 * of the fragment's video sample durations, so it is exact and known as soon as the fragment is complete.
 */
export type FilmPart =
  | { kind: 'init'; data: Buffer }
  | { kind: 'segment'; data: Buffer; startSeconds: number; durationSeconds: number };
