import { describe, expect, it } from 'vitest';
import { Animator, linear } from './animator.js';

function setup(reduced = false) {
  let now = 1000;
  const a = new Animator(() => now, () => reduced);
  return { a, move: (ms: number) => (now += ms) };
}

describe('Animator', () => {
  it('follows virtual time: nothing moves while the clock stands still', () => {
    const { a, move } = setup();
    const seen: number[] = [];
    a.add(400, (p) => seen.push(p), 0, linear);
    a.tick();
    a.tick();
    expect(seen).toEqual([0, 0]);
    move(100);
    expect(a.tick()).toBe(true);
    move(300);
    expect(a.tick()).toBe(false);
    expect(seen).toEqual([0, 0, 0.25, 1]);
    expect(a.active).toBe(false);
  });

  it('starts delayed animations later and finishes everything on demand', () => {
    const { a, move } = setup();
    const seen: number[] = [];
    a.add(100, (p) => seen.push(p), 200, linear);
    move(250);
    a.tick();
    expect(seen).toEqual([0.5]);
    a.finish();
    expect(seen).toEqual([0.5, 1]);
    expect(a.active).toBe(false);
  });

  it('jumps to the end under prefers-reduced-motion', () => {
    const { a } = setup(true);
    const seen: number[] = [];
    a.add(500, (p) => seen.push(p));
    expect(seen).toEqual([1]);
    expect(a.active).toBe(false);
  });
});
