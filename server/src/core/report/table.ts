/**
 * Left-aligned columns separated by two spaces. Columns empty in every row are left out, and
 * trailing spaces dropped, so lines compare exactly in tests and diffs.
 */
export function alignRows(rows: readonly (readonly string[])[], indent = ''): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const kept: number[] = [];
  for (let i = 0; i < columns; i++) if (rows.some((r) => (r[i] ?? '') !== '')) kept.push(i);
  const widths = kept.map((i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((row) => {
    const cells = kept.map((i, k) => {
      const cell = row[i] ?? '';
      return cell + ' '.repeat(widths[k] - width(cell));
    });
    return (indent + cells.join('  ')).replace(/\s+$/, '');
  });
}

/** Characters as a terminal shows them (code points, not UTF-16 units). */
function width(text: string): number {
  return [...text].length;
}
