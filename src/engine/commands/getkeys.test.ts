import { describe, expect, it } from 'vitest';
import { CommandTable } from './table.js';
import { commandHasKeys, getKeysFromCommand } from './getkeys.js';

// COMMAND GETKEYSANDFLAGS is compared with redis-server for every kind of key spec in
// command.diff.test.ts; this covers the entry point other code calls.
describe('getKeysFromCommand', () => {
  const table = new CommandTable([
    { handlers: { get: () => null, mset: () => null, spublish: () => null, 'client|list': () => null, sort: () => null } },
  ]);

  it('returns positions and flags for a command line', () => {
    expect(getKeysFromCommand(table.get('mset')!, ['MSET', 'a', '1', 'b', '2'])).toEqual([
      { pos: 1, flags: ['OW', 'update'] },
      { pos: 3, flags: ['OW', 'update'] },
    ]);
    expect(getKeysFromCommand(table.get('sort')!, ['SORT', 'k', 'STORE', 'd']).map((k) => k.pos)).toEqual([1, 3]);
  });

  it('not_key arguments (shard channels) only when asked for', () => {
    const spublish = table.get('spublish')!;
    expect(commandHasKeys(spublish)).toBe(false);
    expect(getKeysFromCommand(spublish, ['SPUBLISH', 'ch', 'msg'])).toEqual([]);
    expect(getKeysFromCommand(spublish, ['SPUBLISH', 'ch', 'msg'], true)).toEqual([{ pos: 1, flags: ['not_key'] }]);
  });

  it('commands without keys have none', () => {
    const list = table.lookup(['CLIENT', 'LIST'])!;
    expect(commandHasKeys(list)).toBe(false);
    expect(getKeysFromCommand(list, ['CLIENT', 'LIST'])).toEqual([]);
  });
});
