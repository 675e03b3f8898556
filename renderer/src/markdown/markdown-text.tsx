import type { ReactElement } from 'react';
import { markdownBlocks } from './markdown-blocks';

/** Props of {@link MarkdownText}. */
export interface MarkdownTextProps {
  source: string;
  /** The heading level of the surrounding section, so headings inside the text nest below it. */
  baseLevel?: number;
}

const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Course Markdown shown as plain text blocks (no HTML from the course ever reaches the DOM as markup). */
export function MarkdownText({ source, baseLevel = 2 }: MarkdownTextProps): ReactElement {
  return (
    <div className="markdown">
      {markdownBlocks(source).map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = HEADING_TAGS[Math.min(baseLevel + block.level, 6) - 2] ?? 'h6';
            return <Tag key={index}>{block.text}</Tag>;
          }
          case 'paragraph':
            return <p key={index}>{block.text}</p>;
          case 'quote':
            return <blockquote key={index}>{block.text}</blockquote>;
          case 'table':
            return (
              <table key={index} className="markdown-table">
                {block.header !== null && (
                  <thead>
                    <tr>
                      {block.header.map((cell, cellIndex) => (
                        <th key={cellIndex} scope="col">
                          {cell}
                        </th>
                      ))}
                    </tr>
                  </thead>
                )}
                <tbody>
                  {block.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </List>
            );
          }
        }
      })}
    </div>
  );
}
