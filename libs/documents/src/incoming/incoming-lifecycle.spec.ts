import { INCOMING_TRANSITIONS, IncomingAction, IncomingStatus, nextIncomingStatus } from './incoming-lifecycle';

const ALL_STATUSES: IncomingStatus[] = ['registered', 'submitted', 'assigned', 'in_progress', 'closed', 'returned', 'recalled', 'voided'];

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
    ['registered', 'void', 'voided'],
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
    expect(refused).toBe(8 * 8 - 15);
  });

  it('voids only a document nobody has acted on yet', () => {
    for (const status of ['submitted', 'assigned', 'in_progress', 'closed', 'returned', 'recalled', 'voided'] as const) {
      expect(() => nextIncomingStatus(status, 'void')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    }
  });

  it('never leaves a closed, returned, recalled or voided document except by reopening a closed one', () => {
    for (const terminal of ['returned', 'recalled', 'voided'] as const) {
      for (const action of Object.keys(INCOMING_TRANSITIONS) as IncomingAction[]) {
        expect(() => nextIncomingStatus(terminal, action)).toThrow();
      }
    }
  });
});
