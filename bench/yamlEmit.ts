/**
 * A tiny block-style YAML emitter that writes what `kubectl get -o yaml` writes (sigs.k8s.io/yaml
 * over go-yaml v2): map keys sorted, sequences not indented under their key, `{}` / `[]` for
 * empty collections, strings quoted only when a plain scalar would read differently, and
 * multi-line strings as `|` literals. Deterministic: the same value always gives the same text.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** Plain scalars that YAML 1.1 (what Kubernetes decodes) would not read as a string. */
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+|[-+]?\.inf|\.nan|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|\d+:\d+(?::\d+)?|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/;
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (value === '' || NOT_A_STRING.test(value) || SPECIAL_START.test(value) || /[:]\s|\s#|:$|\s$|[\u0000-\u001f]/.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

function isEmptyCollection(v: YamlValue): string | null {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : null;
  return null;
}

function emitInto(value: YamlValue, indent: string, out: string[], firstLinePrefix: string | null): void {
  // `firstLinePrefix` is the "- " of a sequence item: the first key goes on the dash's line.
  if (Array.isArray(value)) {
    let first = firstLinePrefix;
    for (const item of value) {
      const lead = first ?? indent;
      first = null;
      const empty = isEmptyCollection(item);
      if (item !== null && typeof item === 'object' && !empty) emitInto(item, indent + '  ', out, `${lead}- `);
      else out.push(`${lead}- ${empty ?? scalar(item as string)}`);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    let first = firstLinePrefix;
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      const lead = first ?? indent;
      first = null;
      const k = scalar(key);
      const empty = isEmptyCollection(v);
      if (empty) out.push(`${lead}${k}: ${empty}`);
      else if (Array.isArray(v)) {
        out.push(`${lead}${k}:`);
        emitInto(v, indent, out, null);
      } else if (v !== null && typeof v === 'object') {
        out.push(`${lead}${k}:`);
        emitInto(v, indent + '  ', out, null);
      } else if (typeof v === 'string' && v.includes('\n')) {
        out.push(`${lead}${k}: |`);
        for (const line of v.replace(/\n$/, '').split('\n')) out.push(`${indent}  ${line}`);
      } else {
        out.push(`${lead}${k}: ${scalar(v)}`);
      }
    }
    return;
  }
  out.push(`${firstLinePrefix ?? indent}${scalar(value)}`);
}

/** One YAML document (no `---`), ending with a newline. */
export function toYaml(value: YamlValue): string {
  const out: string[] = [];
  emitInto(value, '', out, null);
  return out.join('\n') + '\n';
}
