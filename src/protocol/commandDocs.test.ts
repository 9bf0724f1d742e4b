import { describe, expect, it } from 'vitest';
import { CommandTable } from '../engine/commands/table.js';
import { commandDoc, commandDocs } from './commandDocs.js';
import { map, set, status } from './reply.js';

describe('commandDocs', () => {
  const table = new CommandTable();
  const docs = commandDocs(table.commands);

  it('describes every command of the table with Redis 7.0 metadata', () => {
    expect(docs.map((d) => d.name)).toEqual(table.commands.map((s) => s.fullname.toUpperCase()));
    const get = docs.find((d) => d.name === 'GET')!;
    expect(get).toMatchObject({ summary: 'Get the value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)', arity: 2 });
    expect(get.flags).toEqual(expect.arrayContaining(['readonly', 'fast']));
    expect(get.arguments).toEqual([{ name: 'key', type: 'key', optional: false, multiple: false, multipleToken: false }]);
  });

  it('keeps argument structure: tokens, flags, nested alternatives', () => {
    const set = docs.find((d) => d.name === 'SET')!;
    const expiry = set.arguments.find((a) => a.name === 'expiration')!;
    expect(expiry).toMatchObject({ type: 'oneof', optional: true });
    expect(expiry.arguments![0]).toEqual({ name: 'seconds', type: 'integer', token: 'EX', optional: false, multiple: false, multipleToken: false });
  });

  it('names subcommands CONTAINER SUB and nests them', () => {
    const container = docs.find((d) => d.subcommands.length > 0);
    expect(container).toBeDefined();
    for (const sub of container!.subcommands) expect(sub.name.startsWith(container!.name + ' ')).toBe(true);
  });

  it('tolerates docs that lack fields', () => {
    const d = commandDoc({
      fullname: 'x|y',
      arity: -2,
      flags: new Set(['fast']),
      docs: map(['summary', 'S', 'arguments', [map(['name', 'a', 'type', 'string', 'flags', set([status('optional'), status('multiple_token')])])]]),
      subcommands: null,
    });
    expect(d).toEqual({
      name: 'X Y', summary: 'S', since: '', group: '', complexity: '', arity: -2, flags: ['fast'],
      arguments: [{ name: 'a', type: 'string', optional: true, multiple: false, multipleToken: true }],
      subcommands: [],
    });
    expect(commandDoc({ fullname: 'z', arity: 1, flags: new Set(), docs: null, subcommands: null }).arguments).toEqual([]);
  });
});
