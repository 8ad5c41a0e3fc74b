/**
 * Key Vault certificate URIs as written in `kubernetes.azure.com/tls-cert-keyvault-uri`.
 *
 * Key Vault identifiers are `https://<vault>.<suffix>/<type>/<name>[/<version>]`. The application
 * routing operator reads them leniently (Go url.Parse; vault name = first DNS label of the host;
 * path split on "/": part 2 is the name, part 3 the version) and ignores the scheme, the DNS
 * suffix (the cloud comes from its configuration) and the type segment (it always reads the
 * secret of that name). So this parser reports what the operator rejects or Key Vault cannot
 * resolve as errors, and what works only by that leniency as warnings.
 */
import { suggestClosest } from '../text/didYouMean';

export type KeyVaultCloud = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment' | 'AzureGermanCloud';

/** A piece of the URI with half-open offsets inside the parsed string. */
export interface UriPart {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface KeyVaultUriParts {
  readonly scheme: UriPart | null;
  readonly vaultName: UriPart | null;
  readonly dnsSuffix: UriPart | null;
  readonly cloud: KeyVaultCloud | null;
  readonly objectType: UriPart | null;
  readonly objectName: UriPart | null;
  readonly version: UriPart | null;
}

export type KeyVaultDefectCode =
  | 'kv-empty'
  | 'kv-whitespace'
  | 'kv-not-url'
  | 'kv-not-https'
  | 'kv-port'
  | 'kv-missing-vault-name'
  | 'kv-unknown-dns-suffix'
  | 'kv-managed-hsm'
  | 'kv-vault-name-length'
  | 'kv-vault-name-start'
  | 'kv-vault-name-end'
  | 'kv-vault-name-chars'
  | 'kv-vault-name-double-hyphen'
  | 'kv-missing-path'
  | 'kv-empty-segment'
  | 'kv-object-type'
  | 'kv-missing-object-name'
  | 'kv-object-name-length'
  | 'kv-object-name-chars'
  | 'kv-version-pinned'
  | 'kv-version-format'
  | 'kv-too-many-segments'
  | 'kv-query-or-fragment';

export interface KeyVaultUriDefect {
  readonly code: KeyVaultDefectCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning' | 'information';
}

export interface ParsedKeyVaultUri {
  readonly parts: KeyVaultUriParts;
  readonly defects: readonly KeyVaultUriDefect[];
}

export const KEY_VAULT_DNS_SUFFIXES: readonly { readonly suffix: string; readonly cloud: KeyVaultCloud; readonly label: string }[] = [
  { suffix: 'vault.azure.net', cloud: 'AzureCloud', label: 'Azure public cloud' },
  { suffix: 'vault.azure.cn', cloud: 'AzureChinaCloud', label: 'Azure operated by 21Vianet (China)' },
  { suffix: 'vault.usgovcloudapi.net', cloud: 'AzureUSGovernment', label: 'Azure US Government' },
  { suffix: 'vault.microsoftazure.de', cloud: 'AzureGermanCloud', label: 'Azure Germany (legacy cloud)' },
];

/** Managed HSM pools (public cloud) hold keys only, never certificates. */
export const MANAGED_HSM_DNS_SUFFIX = 'managedhsm.azure.net';

export const KEY_VAULT_OBJECT_TYPES: readonly string[] = ['keys', 'secrets', 'certificates', 'storage'];

const DOCUMENTED_FORM = 'https://<vault>.vault.azure.net/certificates/<certificate name>';
const MAX_VAULT_NAME = 24;
const MIN_VAULT_NAME = 3;
const MAX_OBJECT_NAME = 127;

/** Splits a Key Vault certificate URI into parts and lists everything wrong with it. Never throws. */
export function parseKeyVaultUri(text: string): ParsedKeyVaultUri {
  const defects: KeyVaultUriDefect[] = [];
  const parts: Mutable<KeyVaultUriParts> = {
    scheme: null,
    vaultName: null,
    dnsSuffix: null,
    cloud: null,
    objectType: null,
    objectName: null,
    version: null,
  };
  const add = (code: KeyVaultDefectCode, severity: KeyVaultUriDefect['severity'], start: number, end: number, message: string) =>
    defects.push({ code, severity, start, end, message });
  const done = (): ParsedKeyVaultUri => ({ parts, defects: defects.sort((a, b) => a.start - b.start || a.end - b.end) });

  let s = 0;
  let e = text.length;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) {
    add('kv-empty', 'error', 0, text.length, `The Key Vault URI is empty; write ${DOCUMENTED_FORM}.`);
    return done();
  }
  if (s > 0) add('kv-whitespace', 'error', 0, s, 'Remove the spaces before the URI: with them the add-on cannot parse it.');
  if (e < text.length) add('kv-whitespace', 'error', e, text.length, 'Remove the spaces after the URI: they would become part of the certificate name.');

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text.slice(s, e));
  if (!scheme) {
    add('kv-not-url', 'error', s, e, `Not a URL. A Key Vault certificate URI looks like ${DOCUMENTED_FORM}.`);
    return done();
  }
  parts.scheme = { value: scheme[1], start: s, end: s + scheme[1].length };
  if (scheme[1].toLowerCase() !== 'https') {
    add(
      'kv-not-https',
      'warning',
      s,
      s + scheme[1].length,
      `Key Vault is reached over HTTPS: write "https://". The add-on only reads the vault and certificate names, so "${scheme[1]}://" happens to work, but it is not the documented form.`,
    );
  }

  const authorityStart = s + scheme[0].length;
  const authorityEnd = indexOfAny(text, '/?#', authorityStart, e);
  parseHost(text, authorityStart, authorityEnd, parts, add);

  const pathEnd = indexOfAny(text, '?#', authorityEnd, e);
  if (pathEnd < e) {
    add('kv-query-or-fragment', 'warning', pathEnd, e, 'Key Vault identifiers have no query string or fragment; the add-on ignores it. Remove it.');
  }
  parsePath(text, authorityEnd, pathEnd, { start: s, end: e }, parts, add);
  return done();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Add = (code: KeyVaultDefectCode, severity: KeyVaultUriDefect['severity'], start: number, end: number, message: string) => void;

function indexOfAny(text: string, chars: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (chars.includes(text[i])) return i;
  return to;
}

function parseHost(text: string, start: number, end: number, parts: Mutable<KeyVaultUriParts>, add: Add): void {
  let hostEnd = end;
  const colon = text.lastIndexOf(':', end - 1);
  if (colon >= start) {
    hostEnd = colon;
    add('kv-port', 'warning', colon, end, 'Key Vault URIs carry no port; remove it.');
  }
  if (hostEnd === start) {
    add('kv-missing-vault-name', 'error', Math.max(0, start - 3), start, `The vault host is missing; write ${DOCUMENTED_FORM}.`);
    return;
  }
  const dot = text.indexOf('.', start);
  const nameEnd = dot >= 0 && dot < hostEnd ? dot : hostEnd;
  if (nameEnd === start) {
    add('kv-missing-vault-name', 'error', start, start + 1, 'The vault name is missing before the first ".".');
  } else {
    parts.vaultName = { value: text.slice(start, nameEnd), start, end: nameEnd };
    checkVaultName(parts.vaultName, add);
  }
  if (nameEnd === hostEnd) {
    add(
      'kv-unknown-dns-suffix',
      'warning',
      start,
      hostEnd,
      `"${text.slice(start, hostEnd)}" has no Key Vault DNS suffix such as "vault.azure.net". The add-on only uses the vault name and takes the cloud from its own configuration, so this may work, but write the full host.`,
    );
    return;
  }
  parts.dnsSuffix = { value: text.slice(nameEnd + 1, hostEnd), start: nameEnd + 1, end: hostEnd };
  const suffix = parts.dnsSuffix.value.toLowerCase();
  const known = KEY_VAULT_DNS_SUFFIXES.find((k) => k.suffix === suffix);
  if (known) {
    parts.cloud = known.cloud;
  } else if (suffix === MANAGED_HSM_DNS_SUFFIX) {
    parts.cloud = 'AzureCloud';
    add(
      'kv-managed-hsm',
      'error',
      parts.dnsSuffix.start,
      parts.dnsSuffix.end,
      'This is a Managed HSM, which holds keys only; certificates live in a key vault (<vault>.vault.azure.net).',
    );
  } else {
    const close = suggestClosest(suffix, KEY_VAULT_DNS_SUFFIXES.map((k) => k.suffix));
    add(
      'kv-unknown-dns-suffix',
      'warning',
      parts.dnsSuffix.start,
      parts.dnsSuffix.end,
      `"${parts.dnsSuffix.value}" is not a Key Vault DNS suffix${close ? ` (did you mean "${close}"?)` : ''}; known: ${KEY_VAULT_DNS_SUFFIXES.map((k) => k.suffix).join(', ')}. The add-on only uses the vault name and takes the cloud from its own configuration, so this may still work.`,
    );
  }
}

/** Vault names: 3–24 letters, digits and hyphens; start with a letter; end with a letter or digit; no "--". */
function checkVaultName(name: UriPart, add: Add): void {
  const { value, start, end } = name;
  if (value.length < MIN_VAULT_NAME) {
    add('kv-vault-name-length', 'error', start, end, `Vault names are ${MIN_VAULT_NAME} to ${MAX_VAULT_NAME} characters long; "${value}" has ${value.length}.`);
  } else if (value.length > MAX_VAULT_NAME) {
    add(
      'kv-vault-name-length',
      'error',
      start + MAX_VAULT_NAME,
      end,
      `Vault names are at most ${MAX_VAULT_NAME} characters long; "${value}" has ${value.length}.`,
    );
  }
  if (/[0-9-]/.test(value[0])) add('kv-vault-name-start', 'error', start, start + 1, 'A vault name must start with a letter.');
  if (value.endsWith('-')) add('kv-vault-name-end', 'error', end - 1, end, 'A vault name must end with a letter or a digit.');
  forEachRun(value, /[^A-Za-z0-9-]+/g, (index, run) =>
    add('kv-vault-name-chars', 'error', start + index, start + index + run.length, `"${run}" is not allowed in a vault name: use letters, digits and "-".`),
  );
  forEachRun(value, /-{2,}/g, (index, run) =>
    add('kv-vault-name-double-hyphen', 'error', start + index, start + index + run.length, 'A vault name cannot contain consecutive hyphens ("--").'),
  );
}

function forEachRun(value: string, pattern: RegExp, visit: (index: number, run: string) => void): void {
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) visit(m.index, m[0]);
}

function parsePath(
  text: string,
  start: number,
  end: number,
  whole: { readonly start: number; readonly end: number },
  parts: Mutable<KeyVaultUriParts>,
  add: Add,
): void {
  const path = text.slice(start, end);
  if (path.length <= 1) {
    add('kv-missing-path', 'error', whole.start, whole.end, `The URI stops after the host; add /certificates/<certificate name>: ${DOCUMENTED_FORM}.`);
    return;
  }
  // Like the operator: split on "/", so chunk 0 is the empty text before the leading slash.
  const chunks: UriPart[] = [];
  let at = start;
  for (const value of path.split('/')) {
    chunks.push({ value, start: at, end: at + value.length });
    at += value.length + 1;
  }
  const type = chunks[1];
  if (type.value.length === 0) {
    add('kv-empty-segment', 'error', type.start - 1, type.start + 1, 'Extra "/": the add-on counts segments, so the certificate name would be read from the wrong place.');
  } else {
    parts.objectType = type;
    checkObjectType(type, chunks[2]?.value ?? '', add);
  }
  const name = chunks[2];
  if (name === undefined || name.value.length === 0) {
    const anchor = type.value.length > 0 ? type : { start: whole.start, end: whole.end };
    add('kv-missing-object-name', 'error', anchor.start, anchor.end, `The certificate name is missing: write /certificates/<certificate name>.`);
    return;
  }
  parts.objectName = name;
  checkObjectName(name, add);
  const version = chunks[3];
  if (version !== undefined && version.value.length > 0) {
    parts.version = version;
    add(
      'kv-version-pinned',
      'information',
      version.start,
      version.end,
      'This version pins the certificate: rotation stops, because the add-on keeps reading this version. Remove it to always get the latest version.',
    );
    if (!/^[0-9a-fA-F]{32}$/.test(version.value)) {
      add('kv-version-format', 'warning', version.start, version.end, `Key Vault versions are 32 hexadecimal characters; "${version.value}" is not one.`);
    }
  }
  const extra = chunks.slice(4);
  if (extra.some((c) => c.value.length > 0)) {
    add(
      'kv-too-many-segments',
      'warning',
      extra[0].start - 1,
      end,
      'Too many segments: a Key Vault identifier ends with the name and an optional version. The add-on ignores the rest.',
    );
  }
}

function checkObjectType(type: UriPart, name: string, add: Add): void {
  const lower = type.value.toLowerCase();
  if (lower === 'certificates') return;
  const reads = `The add-on reads the secret named "${name || '<name>'}" whatever this segment says`;
  if (KEY_VAULT_OBJECT_TYPES.includes(lower)) {
    add(
      'kv-object-type',
      'warning',
      type.start,
      type.end,
      `${reads}, so /${type.value}/ works when a certificate of that name exists, but the documented form is /certificates/<name>.`,
    );
    return;
  }
  const close = suggestClosest(lower, KEY_VAULT_OBJECT_TYPES);
  add(
    'kv-object-type',
    'warning',
    type.start,
    type.end,
    `"${type.value}" is not a Key Vault object type${close ? ` (did you mean "${close}"?)` : ''}. ${reads}, but write /certificates/.`,
  );
}

/** Object names: 1–127 letters, digits and hyphens. */
function checkObjectName(name: UriPart, add: Add): void {
  if (name.value.length > MAX_OBJECT_NAME) {
    add(
      'kv-object-name-length',
      'error',
      name.start + MAX_OBJECT_NAME,
      name.end,
      `Certificate names are at most ${MAX_OBJECT_NAME} characters long; this one has ${name.value.length}.`,
    );
  }
  forEachRun(name.value, /[^0-9A-Za-z-]+/g, (index, run) =>
    add(
      'kv-object-name-chars',
      'error',
      name.start + index,
      name.start + index + run.length,
      `"${run}" is not allowed in a Key Vault name: use letters, digits and "-".`,
    ),
  );
}

/** Markdown lines for a hover over the URI. */
export function describeKeyVaultUri(parts: KeyVaultUriParts): string[] {
  const code = (v: string) => '`' + v.replace(/`/g, '') + '`';
  const lines: string[] = [];
  const cloud = KEY_VAULT_DNS_SUFFIXES.find((k) => k.cloud === parts.cloud);
  if (parts.dnsSuffix && parts.dnsSuffix.value.toLowerCase() === MANAGED_HSM_DNS_SUFFIX) {
    lines.push(`**Cloud:** Azure public cloud — Managed HSM (${code(parts.dnsSuffix.value)}), keys only`);
  } else if (cloud) {
    lines.push(`**Cloud:** ${cloud.label} (${code(cloud.suffix)})`);
  } else if (parts.dnsSuffix) {
    lines.push(`**Cloud:** unknown suffix ${code(parts.dnsSuffix.value)} — the add-on uses the cloud it is configured for`);
  }
  if (parts.vaultName) lines.push(`**Vault:** ${code(parts.vaultName.value)}`);
  if (parts.objectType) lines.push(`**Object type:** ${code(parts.objectType.value)}`);
  if (parts.objectName) lines.push(`**Name:** ${code(parts.objectName.value)}`);
  if (parts.version) {
    lines.push(`**Version:** ${code(parts.version.value)} — pinned: rotations are not picked up`);
  } else if (parts.objectName) {
    lines.push('**Version:** latest — rotates automatically');
  }
  return lines;
}

/**
 * The command that lets the application routing add-on read the vault (enables the Key Vault
 * CSI provider and grants the add-on identity access), with how to get the vault's resource ID.
 */
export function attachVaultCommand(vaultName: string): string {
  const vault = /^[A-Za-z0-9-]{1,24}$/.test(vaultName) ? vaultName : '<vault>';
  return [
    'az aks approuting update -g <rg> -n <cluster> --enable-kv --attach-kv <KEY_VAULT_RESOURCE_ID>',
    `# <KEY_VAULT_RESOURCE_ID>: az keyvault show --name ${vault} --query id -o tsv`,
  ].join('\n');
}
