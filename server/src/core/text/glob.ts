/**
 * Minimal glob matching for exclude settings: `**` any number of path segments, `*` anything
 * but `/`, `?` one character, `{a,b}` alternatives. Compiled to a RegExp without nested
 * quantifiers, so matching is linear.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{' && !inBraces) {
      inBraces = true;
      out += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === ',' && inBraces) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  if (inBraces) out += ')';
  return new RegExp(`^${out}$`);
}

/** True when a workspace-relative path (with `/`) matches any glob; a glob without `/` matches any segment name. */
export function matchesAnyGlob(relativePath: string, globs: readonly RegExp[]): boolean {
  if (globs.length === 0) return false;
  const segments = relativePath.split('/');
  return globs.some((g) => g.test(relativePath) || segments.some((s) => g.test(s)));
}
