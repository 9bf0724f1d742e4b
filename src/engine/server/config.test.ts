import { describe, expect, it } from 'vitest';
import { error, OK } from '../../protocol/reply.js';
import { testNode } from '../testkit.js';
import { Config, memtoull } from './config.js';

describe('Config', () => {
  it('startup options may set immutable parameters; CONFIG SET may not', () => {
    const config = new Config({ databases: '4', 'enable-debug-command': 'yes', save: '900 1' });
    expect(config.getInt('databases')).toBe(4);
    expect(config.get('enable-debug-command')).toBe('yes');
    expect(config.get('save')).toBe('900 1');
    expect(config.set('databases', '8')).toBe("can't set immutable config");
    expect(() => new Config({ nosuch: '1' })).toThrow('config nosuch: unknown parameter');
    expect(() => new Config({ hz: 'x' })).toThrow("argument couldn't be parsed into an integer");
  });

  it('aliases and canonical names are one parameter, looked up case-insensitively', () => {
    const config = new Config();
    expect(config.set('HASH-MAX-ZIPLIST-ENTRIES', '7')).toBeNull();
    expect(config.getInt('hash-max-listpack-entries')).toBe(7);
    expect(config.lookup('Slave-Read-Only')).toEqual({ spec: config.spec('replica-read-only'), name: 'slave-read-only' });
  });

  it('hot-path caches follow every change, and the version moves', () => {
    const config = new Config();
    const v = config.version;
    expect(config.getInt('hz')).toBe(10);
    expect(config.getBool('lazyfree-lazy-expire')).toBe(false);
    config.set('hz', '1000');
    config.set('lazyfree-lazy-expire', 'YES');
    expect(config.getInt('hz')).toBe(500);
    expect(config.getBool('lazyfree-lazy-expire')).toBe(true);
    expect(config.version).toBe(v + 2);
  });

  it('notify-keyspace-events keeps the flags set, CONFIG GET shows the canonical form', () => {
    const config = new Config({ 'notify-keyspace-events': 'nA' });
    expect(config.get('notify-keyspace-events')).toBe('nA');
    expect(config.display(config.spec('notify-keyspace-events')!)).toBe('A');
  });

  it('memtoull: units, no sign, C wrap-around', () => {
    expect(memtoull('1kb')).toBe(1024n);
    expect(memtoull('1K')).toBe(1000n);
    expect(memtoull('')).toBe(0n);
    expect(memtoull('-1')).toBeNull();
    expect(memtoull('1 mb')).toBeNull();
    expect(memtoull('99999999999999999999')).toBe(18446744073709551615n);
    expect(memtoull('20000000000gb')).toBe(3028092406290448384n);
  });
});

describe('CONFIG SET through the server', () => {
  it('protected parameters need enable-protected-configs (local: local connections only)', () => {
    const local = testNode({ config: { 'enable-protected-configs': 'local' } });
    expect(local.client().call('CONFIG', 'SET', 'dbfilename', 'x.rdb')).toEqual(OK);
    const remote = local.server.createClient({ addr: '10.0.0.5:5000' });
    const replies: unknown[] = [];
    remote.sink = (r) => replies.push(r);
    local.server.exec(remote, ['CONFIG', 'SET', 'dir', '/data']);
    expect(replies).toEqual([error("ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config")]);
    const yes = testNode({ config: { 'enable-protected-configs': 'yes' } });
    const a = yes.client();
    expect(a.call('CONFIG', 'SET', 'dir', '/data', 'dbfilename', 'd.rdb')).toEqual(OK);
    expect(a.call('CONFIG', 'SET', 'dbfilename', 'a/b')).toEqual(
      error("ERR CONFIG SET failed (possibly related to argument 'dbfilename') - dbfilename can't be a path, just a filename"),
    );
  });

  it('a failed multi-parameter CONFIG SET changes nothing', () => {
    const { server, client } = testNode();
    const a = client();
    const v = server.config.version;
    a.call('CONFIG', 'SET', 'hz', '20', 'maxmemory', '1mb', 'maxmemory-policy', 'nope');
    expect(server.config.version).toBe(v);
    expect(server.config.getInt('hz')).toBe(10);
    expect(a.call('CONFIG', 'SET', 'hz', '20', 'maxmemory', '1mb')).toEqual(OK);
    expect(server.config.getInt('maxmemory')).toBe(1048576);
  });

  it('notify-keyspace-events set with CONFIG SET takes effect at once', () => {
    const { client } = testNode();
    const sub = client();
    sub.call('SUBSCRIBE', '__keyevent@0__:set');
    sub.drain();
    const a = client();
    a.call('CONFIG', 'SET', 'notify-keyspace-events', 'E$');
    a.call('SET', 'k', 'v');
    expect(sub.drain()).toEqual([{ t: 'push', v: ['message', '__keyevent@0__:set', 'k'] }]);
  });
});
