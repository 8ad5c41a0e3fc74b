/**
 * An offline Kubernetes JSON schema for yaml-language-server, generated from the npm package
 * `kubernetes-types` (the Kubernetes OpenAPI types as TypeScript, with their descriptions) by
 * `ts-json-schema-generator`. Shaped like the schema yaml-language-server downloads for its
 * `kubernetes` association (yannh/kubernetes-json-schema `all.json`, strict flavour): a `oneOf`
 * over every kind of every API group, objects closed with `additionalProperties: false`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

/** Every `kind?: "X"` interface of kubernetes-types, as [module, interface name]. */
function kindTypes(typesRoot: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') {
        const text = fs.readFileSync(full, 'utf8');
        const module = path.relative(typesRoot, full).replace(/\.d\.ts$/, '').split(path.sep).join('/');
        for (const chunk of text.split('\nexport interface ').slice(1)) {
          const name = /^(\w+)/.exec(chunk)?.[1];
          if (name && chunk.includes(`\n    kind?: "${name}";`)) out.push([`kubernetes-types/${module}`, name]);
        }
      }
    }
  };
  walk(typesRoot);
  return out;
}

/** Higher is preferred: GA over beta over alpha, then the higher version (autoscaling/v2 over v1). */
function versionRank(module: string): number {
  const m = /\/v(\d+)(?:(alpha|beta)(\d+))?$/.exec(module);
  if (!m) return -1;
  const stability = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return stability * 10_000 + Number(m[1]) * 100 + Number(m[3] ?? 0);
}

type Generator = { createGenerator(config: Record<string, unknown>): { createSchema(type: string): { definitions: Record<string, Record<string, unknown>> } & Record<string, unknown> } };

/**
 * Writes the schema to `outFile` (once; kept until deleted) and returns its path. The generator
 * names definitions by type name, so each kind comes from its most stable API version, and when
 * two versions still share a nested type name the less stable module is left out.
 */
export function ensureKubernetesSchema(depsDir: string, outFile: string, log: (m: string) => void = () => undefined): string {
  if (fs.existsSync(outFile)) return outFile;
  const requireDeps = createRequire(path.join(depsDir, 'package.json'));
  const typesRoot = path.dirname(requireDeps.resolve('kubernetes-types/package.json'));
  const best = new Map<string, [string, string]>();
  for (const [module, name] of kindTypes(typesRoot)) {
    const have = best.get(name);
    if (!have || versionRank(module) > versionRank(have[0])) best.set(name, [module, name]);
  }
  let kinds = [...best.values()];
  const generator = requireDeps('ts-json-schema-generator') as Generator;
  const entry = path.join(depsDir, 'k8s-all-kinds.ts');
  for (;;) {
    // Named imports with unique aliases (the generator does not follow `import('…')` types).
    const imports = kinds.map(([module, name], i) => `import type { ${name} as K${i} } from '${module}';`);
    fs.writeFileSync(entry, `${imports.join('\n')}\nexport type AnyKubernetesObject =\n  | ${kinds.map((_, i) => `K${i}`).join('\n  | ')};\n`);
    try {
      const schema = generator
        .createGenerator({ path: entry, type: 'AnyKubernetesObject', skipTypeCheck: true, expose: 'all', topRef: true, jsDoc: 'extended', additionalProperties: false })
        .createSchema('AnyKubernetesObject');
      // The downloaded all.json says `oneOf` at the top: every document is checked against every kind.
      const root = schema.definitions.AnyKubernetesObject;
      if (root && Array.isArray(root.anyOf)) {
        root.oneOf = root.anyOf;
        delete root.anyOf;
      }
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, JSON.stringify(schema));
      return outFile;
    } catch (error) {
      const conflict = /Type "(\w+)" has multiple definitions/.exec(String((error as Error)?.message ?? error))?.[1];
      if (!conflict) throw error;
      const defining = [...new Set(kinds.map(([m]) => m))].filter((m) => new RegExp(`\\nexport interface ${conflict} \\{`).test(fs.readFileSync(path.join(typesRoot, `${m.slice('kubernetes-types/'.length)}.d.ts`), 'utf8')));
      if (defining.length < 2) throw error;
      const worst = defining.sort((a, b) => versionRank(a) - versionRank(b) || b.localeCompare(a))[0];
      log(`schema: ${conflict} is defined in ${defining.join(', ')}; leaving out the kinds of ${worst}`);
      kinds = kinds.filter(([m]) => m !== worst);
    }
  }
}

/** Number of kinds in the schema (for the report). */
export function schemaKindCount(file: string): number {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { definitions: Record<string, { oneOf?: unknown[] }> };
  return schema.definitions.AnyKubernetesObject?.oneOf?.length ?? 0;
}
