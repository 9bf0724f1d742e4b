import type { StructureRequest, StructureSnapshot } from '../../../protocol/snapshots.js';
import { testNode, type TestClient, type TestNode } from '../../../engine/testkit.js';
import { structureSnapshot } from './structure.js';

/** A node with one client, and the structure projection of its db 0. */
export function structureNode(): {
  node: TestNode;
  call: TestClient['call'];
  snap: (req: Partial<StructureRequest> & { key: string | null }) => StructureSnapshot;
} {
  const n = testNode();
  const c = n.client();
  return {
    node: n,
    call: c.call,
    snap: (req) => structureSnapshot(n.server, 'node-1', n.server.dbs[0]!, { db: 0, from: 0, count: 32, ...req }),
  };
}

/** Narrow a snapshot to the kind a test expects, failing loudly otherwise. */
export function as<K extends StructureSnapshot['kind']>(s: StructureSnapshot, kind: K): Extract<StructureSnapshot, { kind: K }> {
  if (s.kind !== kind) throw new Error(`expected a ${kind} snapshot, got ${s.kind}`);
  return s as Extract<StructureSnapshot, { kind: K }>;
}
