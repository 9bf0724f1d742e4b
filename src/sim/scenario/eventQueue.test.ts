import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue.js';

describe('EventQueue', () => {
  it('runs events in time order, same-time events in the order they were scheduled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue();
        const ran: Array<[number, number]> = [];
        times.forEach((t, i) => q.at(t, () => ran.push([q.now, i])));
        while (q.size > 0) q.runNext();
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(ran).toEqual(expected);
      }),
    );
  });

  it('treats a time in the past as now, and events may schedule more events', () => {
    const q = new EventQueue();
    const ran: string[] = [];
    q.at(10, () => {
      ran.push(`a@${q.now}`);
      q.at(5, () => ran.push(`late@${q.now}`));
      q.at(12, () => ran.push(`b@${q.now}`));
    });
    expect(q.peek()).toBe(10);
    while (q.size > 0) q.runNext();
    expect(ran).toEqual(['a@10', 'late@10', 'b@12']);
    expect(q.peek()).toBe(Infinity);
    q.moveTo(20);
    q.moveTo(15);
    expect(q.now).toBe(20);
  });
});
