import { INCOMING_TRANSITIONS, IncomingAction, IncomingStatus, nextIncomingStatus } from './incoming-lifecycle';

const ALL_STATUSES: IncomingStatus[] = ['registered', 'submitted', 'assigned', 'in_progress', 'closed', 'returned', 'recalled'];

describe('incoming lifecycle', () => {
  it.each([
    ['registered', 'submit', 'submitted'],
    ['submitted', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['in_progress', 'assign', 'in_progress'],
    ['assigned', 'progress', 'in_progress'],
    ['in_progress', 'progress', 'in_progress'],
    ['assigned', 'close', 'closed'],
    ['in_progress', 'close', 'closed'],
    ['closed', 'reopen', 'in_progress'],
    ['registered', 'return', 'returned'],
    ['submitted', 'recall', 'recalled'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextIncomingStatus(from, action)).toBe(to);
  });

  it('refuses every other pair with INVALID_TRANSITION', () => {
    let refused = 0;
    for (const action of Object.keys(INCOMING_TRANSITIONS) as IncomingAction[]) {
      for (const status of ALL_STATUSES) {
        if (INCOMING_TRANSITIONS[action].from.includes(status)) continue;
        expect(() => nextIncomingStatus(status, action)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION', status: 409 }));
        refused += 1;
      }
    }
    expect(refused).toBe(7 * 7 - 14);
  });

  it('never leaves a closed, returned or recalled document except by reopening a closed one', () => {
    for (const terminal of ['returned', 'recalled'] as const) {
      for (const action of Object.keys(INCOMING_TRANSITIONS) as IncomingAction[]) {
        expect(() => nextIncomingStatus(terminal, action)).toThrow();
      }
    }
  });
});
