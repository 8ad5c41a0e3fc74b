/** Markdown fragments the documentation texts are written with. */

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ` ${text} ` : text}${fence}`;
}

/** `[Cilium documentation](url)` or `[Kubernetes documentation](url)`. */
export function docsLink(url: string): string {
  const site = url.includes('cilium.io') ? 'Cilium' : url.includes('kubernetes.io') ? 'Kubernetes' : 'the';
  return `[${site} documentation](${url})`;
}
