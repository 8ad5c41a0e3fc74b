import { familyBits, parseCidr } from '../../net/cidr';
import { schemaFor } from '../../schema/index';
import { walkSchema } from '../../schema/walk';
import type { Fix, Rule } from '../types';
import { POLICY_KINDS, replaceFix, sameQuoting } from './support';
import { locate } from '../../analysis/locate';

export const invalidCidrRule: Rule = {
  id: 'net/invalid-cidr',
  defaultSeverity: 'error',
  title: 'Invalid CIDR',
  kinds: POLICY_KINDS,
  docs: `A CIDR in a NetworkPolicy \`ipBlock\` or a Cilium \`fromCIDR\` / \`toCIDR\` / \`fromCIDRSet\` / \`toCIDRSet\` that cannot be parsed: a bare IP without \`/prefix\`, an octet above 255, a prefix longer than 32 (IPv4) or 128 (IPv6).

**Why it matters.** The API server rejects the object (the Cilium CRD also requires the \`/prefix\`, even for one address). Leading zeros (\`010.0.0.0/8\`) are accepted with a warning by Kubernetes but rejected by Cilium's parser.

**Also reported (warning):** an address with bits set after the prefix, such as \`10.0.0.1/8\`: it is read as \`10.0.0.0/8\`, which is rarely what was meant — write \`10.0.0.0/8\` or \`10.0.0.1/32\`.

**Fix.** Write \`address/prefix\`, e.g. \`203.0.113.7/32\` for one address or \`10.0.0.0/8\` for a range.`,
  check(resource, context) {
    const schema = schemaFor(resource);
    if (!schema) return;
    const cilium = resource.kind !== 'NetworkPolicy';
    walkSchema(resource.node, schema, {
      onValue({ node, schema: field }) {
        if (field.format !== 'cidr' || node.kind !== 'scalar' || typeof node.value !== 'string') return;
        const value = node.value;
        const location = locate(resource, node.span);
        const parsed = parseCidr(value.trim());
        if (!parsed.ok) {
          const bare = parseCidr(value.trim(), { allowBareIp: true });
          const fixes: Fix[] | undefined = bare.ok
            ? [replaceFix(resource, `Use ${bare.cidr.text}`, node.span, sameQuoting(node, bare.cidr.text), true)]
            : undefined;
          const named = parsed.error.includes(`"${value.trim()}"`);
          context.report({ message: `Invalid CIDR${named ? '' : ` "${value}"`}, rejected by the API server: ${parsed.error}.`, location, fixes });
          return;
        }
        const cidr = parsed.cidr;
        const canonical = [replaceFix(resource, `Use ${cidr.text}`, node.span, sameQuoting(node, cidr.text))];
        if (cilium && cidr.leadingZeros) {
          context.report({ message: `"${value}" has leading zeros, which Cilium cannot parse, so the rule is rejected: write "${cidr.text}".`, location, fixes: canonical });
          return;
        }
        if (cidr.hostBitsSet) {
          const slash = value.indexOf('/');
          const single = `${value.slice(0, slash)}/${familyBits(cidr.family)}`;
          context.report({
            severity: 'warning',
            message: `"${value}" has address bits set after the /${cidr.prefix} prefix, so it means "${cidr.text}": write "${cidr.text}", or "${single}" for that one address.`,
            location,
            fixes: [...canonical, replaceFix(resource, `Use ${single}`, node.span, sameQuoting(node, single))],
          });
          return;
        }
        if (!cilium && (cidr.leadingZeros || cidr.ipv4Mapped)) {
          context.report({ severity: 'warning', message: `Kubernetes accepts "${value}" with a warning, but it will be invalid in a future release: write "${cidr.text}".`, location, fixes: canonical });
          return;
        }
        if (!cilium && cidr.warnings.length > 0) {
          context.report({ severity: 'information', message: `${cidr.warnings[0]}.`, location, fixes: canonical });
        }
      },
    });
  },
};
