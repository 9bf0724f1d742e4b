import type { CommandGroup } from './spec.js';

export const transactions: CommandGroup = {
  handlers: {},
};
