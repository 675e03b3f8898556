import type { ReactElement } from 'react';

/** Props of {@link WriteLines}. */
export interface WriteLinesProps {
  count: number;
}

/** Blank ruled lines to write on by hand; hidden from screen readers, which have nothing to read there. */
export function WriteLines({ count }: WriteLinesProps): ReactElement {
  return (
    <div className="write-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="write-line" />
      ))}
    </div>
  );
}
