import { RedisServer } from '../engine/server/server.js';
import type { Clock } from '../engine/time/clock.js';

/** The version every node reports (the oracle's). */
export const REDIS_VERSION = '7.0.15';

/**
 * A Redis node in the simulated world: a RedisServer plus the name the simulation knows it by.
 * The single-node topology has one; replicated and cluster topologies will hold several on
 * the same clock.
 */
export interface SimNode {
  readonly id: string;
  readonly server: RedisServer;
}

export interface NodeOptions {
  seed: number;
  config?: Record<string, string>;
}

export function createNode(id: string, clock: Clock, opts: NodeOptions): SimNode {
  return { id, server: new RedisServer({ clock, seed: opts.seed, config: opts.config }) };
}
