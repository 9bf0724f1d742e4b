import type { CommandGroup } from './spec.js';

export const serverGroup: CommandGroup = {
  handlers: {},
};
