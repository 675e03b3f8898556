/** Whether the presenter view runs a lecture, or a rehearsal at home. */
export type PresenterMode = 'lecture' | 'rehearsal';
