/** What was wrong with an (f)MP4 byte stream. */
export type Mp4FormatProblem =
  | 'truncated' // the stream ended inside a box, or a fragment had no mdat
  | 'bad-box-size' // a size smaller than the box header, or a child box running past its parent
  | 'box-too-large' // a box larger than the splitter is willing to hold in memory
  | 'unbounded-box' // size 0 ("to end of file"), which a stream cannot honour
  | 'missing-box' // a trak without tkhd/mdhd/hdlr, a traf without tfhd
  | 'missing-moov' // media data before the movie header
  | 'no-video-track' // no track with a 'vide' handler
  | 'bad-fragment' // a moof without the video track, tfdt or a usable sample duration
  | 'unexpected-box'; // a box where the layout does not allow one (a second moov, mdat without moof)

/** A typed error for malformed fragmented-MP4 input. */
export class Mp4FormatError extends Error {
  override readonly name = 'Mp4FormatError';

  constructor(
    readonly problem: Mp4FormatProblem,
    message: string,
  ) {
    super(message);
  }
}
