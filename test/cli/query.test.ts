import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkQuestion, describeQuestion, parseEndpoint, parseHttp, parsePort, parseProtocol, QueryError } from '../../server/src/core/engine/query';

const usage = (message: string) => new QueryError(message, 'usage');

describe('parseEndpoint', () => {
  test('reads the four endpoint forms', () => {
    assert.deepEqual(parseEndpoint('backend/payment-service', 'FROM'), { type: 'workload', id: 'backend/payment-service' });
    assert.deepEqual(parseEndpoint('ip:10.0.0.1', 'FROM'), { type: 'ip', address: '10.0.0.1' });
    assert.deepEqual(parseEndpoint('ip:2001:db8::1', 'TO'), { type: 'ip', address: '2001:db8::1' });
    assert.deepEqual(parseEndpoint('world', 'TO'), { type: 'world' });
    assert.deepEqual(parseEndpoint('fqdn:API.Stripe.com.', 'TO'), { type: 'fqdn', name: 'api.stripe.com' });
  });

  test('a bare name is a workload name for the model to check (and suggest for)', () => {
    assert.deepEqual(parseEndpoint('payment-service', 'FROM'), { type: 'workload', id: 'payment-service' });
  });

  test('rejects malformed endpoints with a message naming the argument', () => {
    assert.throws(() => parseEndpoint('ip:10.0.0.300', 'FROM'), usage("FROM 'ip:10.0.0.300': '10.0.0.300' is not an IPv4 or IPv6 address"));
    assert.throws(() => parseEndpoint('fqdn:a.com', 'FROM'), usage("FROM cannot be a domain name ('fqdn:a.com'): traffic from outside is asked with ip:<address> or world"));
    assert.throws(() => parseEndpoint('fqdn:a b', 'TO'), usage("TO 'fqdn:a b': 'a b' is not a domain name"));
    assert.throws(() => parseEndpoint('svc:x', 'TO'), usage("TO 'svc:x' is not <namespace>/<workload>, ip:<address>, world or fqdn:<name>"));
    assert.throws(() => parseEndpoint('', 'FROM'), usage("FROM '' is not <namespace>/<workload>, ip:<address>, world"));
  });
});

describe('ports, protocols, HTTP requests', () => {
  test('ports are integers from 1 to 65535, as numbers or digit strings', () => {
    assert.equal(parsePort('8080'), 8080);
    assert.equal(parsePort(53), 53);
    for (const bad of ['0', '65536', '80.5', 'http', '-1', 8.5]) {
      assert.throws(() => parsePort(bad), usage(`port '${bad}' is not a number from 1 to 65535`));
    }
  });

  test('protocols are case-insensitive and limited to TCP, UDP, SCTP', () => {
    assert.equal(parseProtocol('udp'), 'UDP');
    assert.throws(() => parseProtocol('ICMP'), usage("protocol 'ICMP' is not one of TCP, UDP, SCTP"));
  });

  test('HTTP requests are "METHOD /path"', () => {
    assert.deepEqual(parseHttp('get /public/x'), { method: 'GET', path: '/public/x' });
    assert.throws(() => parseHttp('/public'), usage('HTTP request \'/public\' is not "METHOD /path" (e.g. "GET /public/health")'));
  });

  test('a protocol or a request needs a port, and HTTP needs TCP', () => {
    assert.throws(() => checkQuestion({ from: 'a/b', to: 'c/d', protocol: 'UDP' }), usage('a protocol needs a port (--port N)'));
    assert.throws(() => checkQuestion({ from: 'a/b', to: 'c/d', http: { method: 'GET', path: '/' } }), usage('an HTTP request needs a port (--port N)'));
    assert.throws(() => checkQuestion({ from: 'a/b', to: 'c/d', port: 80, protocol: 'UDP', http: { method: 'GET', path: '/' } }), usage('HTTP runs over TCP, not UDP'));
    assert.doesNotThrow(() => checkQuestion({ from: 'a/b', to: 'c/d', port: 80, http: { method: 'GET', path: '/' } }));
  });

  test('a question reads with its traffic, any traffic when there is no port', () => {
    assert.equal(describeQuestion('a/b', 'c/d', {}), 'a/b → c/d (any traffic)');
    assert.equal(describeQuestion('a/b', 'c/d', { port: 80, protocol: 'UDP' }), 'a/b → c/d on UDP 80');
    assert.equal(describeQuestion('a/b', 'c/d', { port: 80, http: { method: 'GET', path: '/x' } }), 'a/b → c/d on TCP 80 GET /x');
  });
});
