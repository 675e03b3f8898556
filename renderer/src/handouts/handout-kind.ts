/** The printable handouts a course offers, in the order the overview lists them. */
export const HANDOUT_KINDS = ['students', 'plan-template', 'run-sheet', 'session-summary'] as const;

/**
 * One printable handout: the students' sheet before class, the individual plan template, the lecturer's run
 * sheet, and the summary of a session held.
 */
export type HandoutKind = (typeof HANDOUT_KINDS)[number];
