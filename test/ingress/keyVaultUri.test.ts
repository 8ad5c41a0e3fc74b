import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  attachVaultCommand,
  describeKeyVaultUri,
  parseKeyVaultUri,
  type KeyVaultDefectCode,
} from '../../server/src/core/ingress/keyVaultUri';

/** Offsets of the `occurrence`-th `piece` in `text` (0-based), to state expected ranges readably. */
function span(text: string, piece: string, occurrence = 0): [number, number] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(piece, index + 1);
  assert.ok(index >= 0, `"${piece}" not in "${text}"`);
  return [index, index + piece.length];
}

type Expected = [KeyVaultDefectCode, 'error' | 'warning' | 'information', number, number];

function defectsOf(uri: string): Expected[] {
  return parseKeyVaultUri(uri).defects.map((d) => [d.code, d.severity, d.start, d.end]);
}

const HEX = '0123456789abcdef0123456789abcdef';
const BASE = 'https://myvault.vault.azure.net/certificates/mycert';

describe('parseKeyVaultUri: valid URIs', () => {
  test('the documented form has no defects and exact part offsets', () => {
    const { parts, defects } = parseKeyVaultUri(BASE);
    assert.deepEqual(defects, []);
    assert.deepEqual(parts.scheme, { value: 'https', start: 0, end: 5 });
    assert.deepEqual(parts.vaultName, { value: 'myvault', start: 8, end: 15 });
    assert.deepEqual(parts.dnsSuffix, { value: 'vault.azure.net', start: 16, end: 31 });
    assert.equal(parts.cloud, 'AzureCloud');
    assert.deepEqual(parts.objectType, { value: 'certificates', start: 32, end: 44 });
    assert.deepEqual(parts.objectName, { value: 'mycert', start: 45, end: 51 });
    assert.equal(parts.version, null);
  });

  const clouds: [string, string][] = [
    ['https://contoso-kv.vault.azure.cn/certificates/web', 'AzureChinaCloud'],
    ['https://kv1.vault.usgovcloudapi.net/certificates/web', 'AzureUSGovernment'],
    ['https://legacy-kv.vault.microsoftazure.de/certificates/web', 'AzureGermanCloud'],
    ['HTTPS://MyVault.VAULT.AZURE.NET/Certificates/MyCert', 'AzureCloud'],
    ['https://my-vault-123.vault.azure.net/certificates/my-cert-456', 'AzureCloud'],
  ];
  for (const [uri, cloud] of clouds) {
    test(`${uri} → ${cloud}, no defects`, () => {
      const { parts, defects } = parseKeyVaultUri(uri);
      assert.equal(parts.cloud, cloud);
      assert.deepEqual(defects, []);
    });
  }

  test('a trailing slash after the name is not a version', () => {
    const { parts, defects } = parseKeyVaultUri(BASE + '/');
    assert.equal(parts.version, null);
    assert.deepEqual(defects, []);
  });
});

describe('parseKeyVaultUri: each defect with its exact range', () => {
  const cases: [string, string, Expected[]][] = [
    ['version pins the certificate', `${BASE}/${HEX}`, [['kv-version-pinned', 'information', 52, 84]]],
    [
      'non-hex version is also flagged',
      `${BASE}/abc123`,
      [
        ['kv-version-pinned', 'information', 52, 58],
        ['kv-version-format', 'warning', 52, 58],
      ],
    ],
    ['http instead of https', 'http://myvault.vault.azure.net/certificates/mycert', [['kv-not-https', 'warning', 0, 4]]],
    ['secrets object type', 'https://myvault.vault.azure.net/secrets/mycert', [['kv-object-type', 'warning', 32, 39]]],
    ['keys object type', 'https://myvault.vault.azure.net/keys/mycert', [['kv-object-type', 'warning', 32, 36]]],
    ['misspelt object type', 'https://myvault.vault.azure.net/certificate/mycert', [['kv-object-type', 'warning', 32, 43]]],
    ['consecutive hyphens', 'https://my--vault.vault.azure.net/certificates/c', [['kv-vault-name-double-hyphen', 'error', 10, 12]]],
    ['vault name starts with a digit', 'https://1vault.vault.azure.net/certificates/c', [['kv-vault-name-start', 'error', 8, 9]]],
    ['vault name starts with a hyphen', 'https://-vault.vault.azure.net/certificates/c', [['kv-vault-name-start', 'error', 8, 9]]],
    ['vault name ends with a hyphen', 'https://myvault-.vault.azure.net/certificates/c', [['kv-vault-name-end', 'error', 15, 16]]],
    ['25-character vault name: the 25th character', `https://${'a'.repeat(25)}.vault.azure.net/certificates/c`, [['kv-vault-name-length', 'error', 32, 33]]],
    ['2-character vault name', 'https://ab.vault.azure.net/certificates/c', [['kv-vault-name-length', 'error', 8, 10]]],
    ['underscore in vault name', 'https://my_vault.vault.azure.net/certificates/c', [['kv-vault-name-chars', 'error', 10, 11]]],
    ['managed HSM host', 'https://myhsm.managedhsm.azure.net/certificates/c', [['kv-managed-hsm', 'error', 14, 34]]],
    ['unknown DNS suffix', 'https://myvault.vault.azure.com/certificates/c', [['kv-unknown-dns-suffix', 'warning', 16, 31]]],
    ['no DNS suffix at all', 'https://myvault/certificates/c', [['kv-unknown-dns-suffix', 'warning', 8, 15]]],
    ['port in the host', 'https://myvault.vault.azure.net:443/certificates/c', [['kv-port', 'warning', 31, 35]]],
    ['missing name after the type', 'https://myvault.vault.azure.net/certificates', [['kv-missing-object-name', 'error', 32, 44]]],
    ['empty name after the type', 'https://myvault.vault.azure.net/certificates/', [['kv-missing-object-name', 'error', 32, 44]]],
    ['no path', 'https://myvault.vault.azure.net', [['kv-missing-path', 'error', 0, 31]]],
    ['no path, only a slash', 'https://myvault.vault.azure.net/', [['kv-missing-path', 'error', 0, 32]]],
    ['too many segments', `${BASE}/${HEX}/extra`, [['kv-version-pinned', 'information', 52, 84], ['kv-too-many-segments', 'warning', 84, 90]]],
    ['query string', `${BASE}?api-version=7.4`, [['kv-query-or-fragment', 'warning', 51, 67]]],
    ['fragment', `${BASE}#x`, [['kv-query-or-fragment', 'warning', 51, 53]]],
    ['not a URL', 'myvault.vault.azure.net/certificates/mycert', [['kv-not-url', 'error', 0, 43]]],
    ['empty', '', [['kv-empty', 'error', 0, 0]]],
    ['only spaces', '   ', [['kv-empty', 'error', 0, 3]]],
    ['missing vault host', 'https:///certificates/c', [['kv-missing-vault-name', 'error', 5, 8]]],
  ];
  for (const [name, uri, expected] of cases) {
    test(name, () => {
      assert.deepEqual(defectsOf(uri), expected);
    });
  }

  test('extra slash before the type: reported, and parts read the way the operator counts segments', () => {
    const uri = 'https://myvault.vault.azure.net//certificates/c';
    const { parts, defects } = parseKeyVaultUri(uri);
    assert.deepEqual([defects[0].code, defects[0].start, defects[0].end], ['kv-empty-segment', 31, 33]);
    assert.equal(parts.objectType, null);
    assert.equal(parts.objectName?.value, 'certificates');
    assert.equal(parts.version?.value, 'c');
  });

  test('surrounding whitespace: one defect per side, parts keep offsets in the original string', () => {
    const uri = `  ${BASE}  `;
    const { parts, defects } = parseKeyVaultUri(uri);
    assert.deepEqual(
      defects.map((d) => [d.code, d.start, d.end]),
      [
        ['kv-whitespace', 0, 2],
        ['kv-whitespace', 53, 55],
      ],
    );
    assert.deepEqual(parts.vaultName, { value: 'myvault', start: 10, end: 17 });
  });

  test('object name longer than 127 characters: the excess is marked', () => {
    const name = 'c'.repeat(130);
    const uri = `https://myvault.vault.azure.net/certificates/${name}`;
    assert.deepEqual(defectsOf(uri), [['kv-object-name-length', 'error', 45 + 127, 45 + 130]]);
  });

  test('invalid characters in the object name: one defect per run', () => {
    const uri = 'https://myvault.vault.azure.net/certificates/my_cert.pfx';
    assert.deepEqual(defectsOf(uri), [
      ['kv-object-name-chars', 'error', ...span(uri, '_')],
      ['kv-object-name-chars', 'error', span(uri, '.pfx')[0], span(uri, '.pfx')[0] + 1],
    ]);
  });

  test('several vault-name defects are each reported on their own sub-range', () => {
    const uri = 'https://1my--vault-.vault.azure.net/certificates/c';
    assert.deepEqual(defectsOf(uri), [
      ['kv-vault-name-start', 'error', 8, 9],
      ['kv-vault-name-double-hyphen', 'error', ...span(uri, '--')],
      ['kv-vault-name-end', 'error', 18, 19],
    ]);
  });

  test('messages say what to do', () => {
    const msg = (uri: string) => parseKeyVaultUri(uri).defects.map((d) => d.message).join(' | ');
    assert.match(msg(`${BASE}/${HEX}`), /rotation stops/);
    assert.match(msg('https://myvault.vault.azur.net/certificates/c'), /did you mean "vault\.azure\.net"/);
    assert.match(msg('https://myvault.vault.azure.net/certificate/c'), /did you mean "certificates"/);
    assert.match(msg('https://myvault.vault.azure.net/secrets/mycert'), /reads the secret named "mycert"/);
    assert.match(msg('https://myhsm.managedhsm.azure.net/keys/k'), /keys only/);
    assert.match(msg(`https://${'a'.repeat(25)}.vault.azure.net/certificates/c`), /has 25/);
  });

  test('never throws, and every range lies inside the input', () => {
    const pieces = fc.constantFrom('https://', 'http://', 'myvault', '.vault.azure.net', '/certificates/', '/', '--', ' ', '?', '#', ':', '.', 'x_y', HEX);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join(''))), (uri) => {
        const { defects } = parseKeyVaultUri(uri);
        for (const d of defects) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= uri.length, JSON.stringify(d));
      }),
      { numRuns: 500 },
    );
  });
});

describe('describeKeyVaultUri', () => {
  test('unversioned URI: latest version rotates', () => {
    assert.deepEqual(describeKeyVaultUri(parseKeyVaultUri(BASE).parts), [
      '**Cloud:** Azure public cloud (`vault.azure.net`)',
      '**Vault:** `myvault`',
      '**Object type:** `certificates`',
      '**Name:** `mycert`',
      '**Version:** latest — rotates automatically',
    ]);
  });

  test('versioned URI in the China cloud: pinned', () => {
    const lines = describeKeyVaultUri(parseKeyVaultUri(`https://kv1.vault.azure.cn/certificates/web/${HEX}`).parts);
    assert.equal(lines[0], '**Cloud:** Azure operated by 21Vianet (China) (`vault.azure.cn`)');
    assert.equal(lines[4], `**Version:** \`${HEX}\` — pinned: rotations are not picked up`);
  });
});

describe('attachVaultCommand', () => {
  test('gives the approuting command and how to get the vault ID', () => {
    assert.equal(
      attachVaultCommand('myvault'),
      'az aks approuting update -g <rg> -n <cluster> --enable-kv --attach-kv <KEY_VAULT_RESOURCE_ID>\n' +
        '# <KEY_VAULT_RESOURCE_ID>: az keyvault show --name myvault --query id -o tsv',
    );
  });

  test('does not paste an invalid vault name into a shell command', () => {
    assert.match(attachVaultCommand('my vault; rm -rf /'), /--name <vault> --query/);
  });
});
