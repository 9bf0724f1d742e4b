import type { CommandGroup } from './spec.js';

export const pubsub: CommandGroup = {
  handlers: {},
};
