import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ANALYSIS_SETTINGS, parseCiliumMinor, sanitizeSettings } from '../../server/src/core/settings/analysisSettings';
import { repoRoot } from './repoRoot';

const root = repoRoot();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

function clientSources(dir = path.join(root, 'client', 'src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? clientSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('package.json contributions', () => {
  const commandIds: string[] = contributes.commands.map((c: { command: string }) => c.command);

  test('every contributed command is registered by the client, and every registered one contributed', () => {
    const sources = clientSources();
    const registered = [...sources.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
    // The open-location command is registered through its exported constant.
    const constants = new Map([...sources.matchAll(/export const (\w+) = '(aksNetlens\.[^']+)'/g)].map((m) => [m[1], m[2]]));
    for (const m of sources.matchAll(/registerCommand\(\s*([A-Z_]+)\s*,/g)) registered.push(constants.get(m[1]) ?? m[1]);
    assert.deepEqual([...registered].sort(), [...commandIds].sort());
    for (const c of contributes.commands) assert.equal(c.category, 'AKS Netlens', c.command);
  });

  test('menus, welcome buttons and views name only what exists', () => {
    for (const [menu, items] of Object.entries<{ command: string }[]>(contributes.menus)) {
      for (const item of items) assert.ok(commandIds.includes(item.command), `${menu}: ${item.command}`);
    }
    const views = contributes.views.aksNetlens.map((v: { id: string }) => v.id);
    assert.deepEqual(views, ['aksNetlens.flows']);
    for (const w of contributes.viewsWelcome) {
      assert.ok(views.includes(w.view));
      for (const [, command] of (w.contents as string).matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commandIds.includes(command) || ['vscode.openFolder', 'extension.open'].includes(command), command);
      }
    }
    for (const icon of [contributes.viewsContainers.activitybar[0].icon, contributes.views.aksNetlens[0].icon]) {
      assert.ok(existsSync(path.join(root, icon)), icon);
      assert.match(readFileSync(path.join(root, icon), 'utf8'), /^<svg [^>]*viewBox="0 0 24 24"/);
    }
  });

  test('the grammar and the snippets exist where package.json says, under the scope they declare', () => {
    const [grammar] = contributes.grammars;
    const file = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8'));
    assert.equal(file.scopeName, grammar.scopeName);
    assert.deepEqual(grammar.injectTo, ['source.yaml']);
    assert.match(file.injectionSelector, /source\.yaml/);
    assert.deepEqual(contributes.snippets.map((s: { language: string }) => s.language), ['yaml']);
    assert.ok(existsSync(path.join(root, contributes.snippets[0].path)));
  });

  test('the settings are the ones the server reads, with the same values and defaults', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'aksNetlens.cluster.acns',
      'aksNetlens.cluster.ciliumVersion',
      'aksNetlens.cluster.engine',
      'aksNetlens.exclude',
      'aksNetlens.maxFileSize',
      'aksNetlens.rules',
      'aksNetlens.trace.server',
      'aksNetlens.yamlSyntaxErrors',
    ]);
    for (const engine of props['aksNetlens.cluster.engine'].enum) assert.equal(sanitizeSettings({ cluster: { engine } }).engine, engine);
    for (const acns of props['aksNetlens.cluster.acns'].enum) assert.equal(sanitizeSettings({ cluster: { acns } }).acns, acns);
    assert.equal(props['aksNetlens.cluster.engine'].default, DEFAULT_ANALYSIS_SETTINGS.engine);
    assert.equal(props['aksNetlens.cluster.acns'].default, DEFAULT_ANALYSIS_SETTINGS.acns);
    assert.equal(sanitizeSettings({ cluster: { ciliumVersion: props['aksNetlens.cluster.ciliumVersion'].default } }).ciliumMinor, DEFAULT_ANALYSIS_SETTINGS.ciliumMinor);
    assert.equal(props['aksNetlens.maxFileSize'].default, DEFAULT_ANALYSIS_SETTINGS.maxFileSize);
    for (const severity of props['aksNetlens.rules'].additionalProperties.enum) {
      assert.equal(sanitizeSettings({ rules: { 'netpol/x': severity } }).rules['netpol/x'], severity);
    }
    // The version pattern accepts exactly what the server parses.
    const pattern = new RegExp(props['aksNetlens.cluster.ciliumVersion'].pattern);
    for (const v of ['1.16', '1.17.9', 'v1.18', '2.0', '1.x', '17', '1.123']) assert.equal(pattern.test(v), parseCiliumMinor(v) !== null, v);
    assert.equal(props['aksNetlens.trace.server'].scope, 'window');
  });
});
