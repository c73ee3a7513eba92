import type { ReactNode } from 'react';

/**
 * Renders the privacy text an admin wrote, with a few plain-text marks and never as HTML: "# " and "## "
 * headings, "- " list items, blank lines between paragraphs, **bold**, and http(s) addresses and e-mail
 * addresses as links. Everything else — tags included — is shown as the text it is (React escapes it).
 */
export function NoticeText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(<p key={blocks.length}>{inline(para.join(' '))}</p>);
    if (list.length) blocks.push(<ul key={blocks.length}>{list.map((l, i) => <li key={i}>{inline(l)}</li>)}</ul>);
    para = [];
    list = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const h = /^(#{1,2})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const Tag = (h[1].length === 1 ? `h${headingLevel}` : `h${headingLevel + 1}`) as 'h2' | 'h3' | 'h4';
      blocks.push(<Tag key={blocks.length}>{inline(h[2])}</Tag>);
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (para.length) flush();
      list.push(line.replace(/^\s*[-*]\s+/, ''));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return <div className="notice-text">{blocks}</div>;
}

const TOKEN = /(\*\*[^*]+\*\*|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

function inline(s: string): ReactNode[] {
  return s.split(TOKEN).map((part, i) => {
    if (i % 2 === 0) return part;
    if (part.startsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (/^https?:\/\//.test(part)) return <a key={i} href={part} rel="noopener noreferrer">{part}</a>;
    return <a key={i} href={`mailto:${part}`}>{part}</a>;
  });
}
