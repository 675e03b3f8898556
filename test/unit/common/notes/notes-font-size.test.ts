import {
  DEFAULT_NOTES_FONT_SIZE,
  NOTES_FONT_SIZES,
  notesFontSizeSchema,
  stepNotesFontSize,
} from '../../../../src/common/notes/notes-font-size';

describe("the notes' font size", () => {
  it('steps up and down through the sizes and stops at either end', () => {
    expect(stepNotesFontSize(16, 1)).toBe(18);
    expect(stepNotesFontSize(16, -1)).toBe(14);
    const smallest = NOTES_FONT_SIZES[0];
    const largest = NOTES_FONT_SIZES.at(-1)!;
    expect(stepNotesFontSize(smallest, -1)).toBe(smallest);
    expect(stepNotesFontSize(largest, 1)).toBe(largest);
    // Pressing "larger" as often as there are sizes visits each once, in order, and ends at the largest.
    const visited: number[] = [smallest];
    for (let press = 0; press < NOTES_FONT_SIZES.length + 2; press += 1)
      visited.push(stepNotesFontSize(visited.at(-1)!, 1));
    expect([...new Set(visited)]).toEqual([...NOTES_FONT_SIZES]);
  });

  it('moves a size between the steps to the nearest step in the direction asked', () => {
    expect(stepNotesFontSize(19, 1)).toBe(21);
    expect(stepNotesFontSize(19, -1)).toBe(18);
  });

  it('stores only whole sizes within the steps, and the default is one of them', () => {
    expect(NOTES_FONT_SIZES).toContain(DEFAULT_NOTES_FONT_SIZE);
    expect(notesFontSizeSchema.safeParse(DEFAULT_NOTES_FONT_SIZE).success).toBe(true);
    expect(notesFontSizeSchema.safeParse(NOTES_FONT_SIZES[0] - 1).success).toBe(false);
    expect(notesFontSizeSchema.safeParse(NOTES_FONT_SIZES.at(-1)! + 1).success).toBe(false);
    expect(notesFontSizeSchema.safeParse(16.5).success).toBe(false);
  });
});
