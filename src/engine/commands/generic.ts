import type { CommandGroup } from './spec.js';

export const generic: CommandGroup = {
  handlers: {},
};
