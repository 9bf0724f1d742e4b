/**
 * A seed for one purpose of one part of a scenario, derived from the scenario's seed (FNV-1a of
 * the names): each traffic and the backend draw from streams of their own, so adding a traffic
 * or changing one's rate leaves the others' draws exactly as they were.
 */
export function deriveSeed(seed: number, ...names: string[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const name of names) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2f, 0x01000193);
  }
  return h >>> 0;
}
