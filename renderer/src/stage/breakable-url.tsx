import { Fragment, type ReactElement } from 'react';

/** Props of {@link BreakableUrl}. */
export interface BreakableUrlProps {
  url: string;
}

/**
 * An address shown large, with line-break chances after each `/`, `?`, `&` and `=` (a `<wbr>` adds no text),
 * so a long one wraps where a reader expects it rather than inside a number.
 */
export function BreakableUrl({ url }: BreakableUrlProps): ReactElement {
  return (
    <>
      {url.split(/(?<=[/?&=])/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
