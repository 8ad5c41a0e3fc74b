/**
 * Expands a TextMate/VS Code snippet body the way accepting every default does: `${1:x}` → x,
 * `$1`/`${1}` → the default given to 1 elsewhere, `${1|a,b|}` → a, `$0` → ''. Variables are
 * not used by our snippets, so meeting one is an error.
 */
type Part = string | { readonly index: number; readonly body?: Part[]; readonly choice?: string };

export function expandSnippet(text: string): string {
  const [parts] = parse(text, 0, false);
  const defaults = new Map<number, Part[] | string>();
  collectDefaults(parts, defaults);
  return render(parts, defaults);
}

function parse(text: string, start: number, inPlaceholder: boolean): [Part[], number] {
  const parts: Part[] = [];
  let literal = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      literal += text[i + 1];
      i += 2;
    } else if (c === '}' && inPlaceholder) {
      break;
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(text.slice(i));
      const braced = /^\$\{(\d+)(:|\||\})/.exec(text.slice(i));
      if (simple) {
        parts.push(literal, { index: Number(simple[1]) });
        literal = '';
        i += simple[0].length;
      } else if (braced) {
        parts.push(literal);
        literal = '';
        const index = Number(braced[1]);
        i += braced[0].length;
        if (braced[2] === '}') parts.push({ index });
        else if (braced[2] === '|') {
          const end = text.indexOf('|}', i);
          if (end < 0) throw new Error(`unclosed choice at ${i}`);
          parts.push({ index, choice: text.slice(i, end).split(',')[0] });
          i = end + 2;
        } else {
          const [body, next] = parse(text, i, true);
          if (text[next] !== '}') throw new Error(`unclosed placeholder at ${i}`);
          parts.push({ index, body });
          i = next + 1;
        }
      } else {
        throw new Error(`snippet variable or stray $ at ${i}: ${text.slice(i, i + 20)}`);
      }
    } else {
      literal += c;
      i++;
    }
  }
  parts.push(literal);
  return [parts, i];
}

function collectDefaults(parts: Part[], defaults: Map<number, Part[] | string>): void {
  for (const p of parts) {
    if (typeof p === 'string') continue;
    if (!defaults.has(p.index) && (p.body || p.choice !== undefined)) defaults.set(p.index, p.body ?? p.choice ?? '');
    if (p.body) collectDefaults(p.body, defaults);
  }
}

function render(parts: Part[], defaults: Map<number, Part[] | string>): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const value = p.body ?? p.choice ?? defaults.get(p.index) ?? '';
      return typeof value === 'string' ? value : render(value, defaults);
    })
    .join('');
}
