import { describe, expect, it } from 'vitest';
import { goldenCommandDocs, loadGolden } from './golden/load.js';
import { argumentSyntax, HelpTable } from './help.js';

// Real redis-server 7.0.15's docs; expected hints and completions were read off Debian's
// redis-cli 7.0.15 in a tmux pane (TERM=xterm, 100 columns).
const help = new HelpTable(goldenCommandDocs(loadGolden()));
const SET_PARAMS = 'key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]';

describe('hints (redis-cli 7.0 static syntax)', () => {
  it('drops one word per typed argument and stops at the first optional group', () => {
    expect(help.hint('set')).toBe(' ' + SET_PARAMS);
    expect(help.hint('set ')).toBe(SET_PARAMS);
    expect(help.hint('set k')).toBe(' value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(help.hint('set k v ')).toBe('[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(help.hint('set k v NX ')).toBe('[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(help.hint('zadd k 1')).toBe(' [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]');
  });

  it('matches the longest command name, subcommands included', () => {
    expect(help.hint('client list ')).toBe('[TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]');
    expect(help.hint('CLIENT ')).toBe('');
  });

  it('shows nothing past the end, for unknown commands or unbalanced quotes', () => {
    expect(help.hint('GET "a b" ')).toBe('');
    expect(help.hint('get "a')).toBeNull();
    expect(help.hint('nosuch ')).toBeNull();
    expect(help.hint('   ')).toBeNull();
  });
});

describe('completion', () => {
  it('offers every command starting with the typed text, in strcmp order, upper case', () => {
    expect(help.completions('ge')).toEqual([
      'GEOADD', 'GEODIST', 'GEOHASH', 'GEOPOS', 'GEORADIUS', 'GEORADIUSBYMEMBER', 'GEORADIUSBYMEMBER_RO',
      'GEORADIUS_RO', 'GEOSEARCH', 'GEOSEARCHSTORE', 'GET', 'GETBIT', 'GETDEL', 'GETEX', 'GETRANGE', 'GETSET',
    ]);
    expect(help.completions('client li')).toEqual(['CLIENT LIST']);
    expect(help.completions('zzz')).toEqual([]);
  });

  it('offers groups after help', () => {
    expect(help.completions('help @str')).toEqual(['help @stream', 'help @string']);
    expect(help.completions('HELP   echo')).toEqual(['HELP   ECHO']);
    expect(help.completions('@str')).toEqual([]);
  });
});

describe('argumentSyntax', () => {
  it('writes tokens, alternatives, blocks and repetition like cliAddArgument', () => {
    expect(argumentSyntax({ name: 'k', type: 'key', optional: false, multiple: true, multipleToken: false })).toBe('k [k ...]');
    expect(
      argumentSyntax({ name: 'id', type: 'integer', token: 'ID', optional: true, multiple: true, multipleToken: true }),
    ).toBe('[ID id [ID id ...]]');
    expect(argumentSyntax({ name: 'nx', type: 'pure-token', token: 'NX', optional: false, multiple: false, multipleToken: false })).toBe('NX');
    expect(argumentSyntax({ name: '', type: 'string', token: '', optional: false, multiple: false, multipleToken: false })).toBe('"" ""');
  });
});
