import { AppError } from '@eoffice/core';
import { nextOutgoingState, OUTGOING_TRANSITIONS, OutgoingStatus } from './outgoing-lifecycle';

const ALL: OutgoingStatus[] = ['draft', 'submitted', 'approved', 'signed', 'sealing', 'numbered', 'issued', 'dispatched', 'recalled'];

describe('outgoing lifecycle', () => {
  it('walks the review path: unit head, format check, signer, then approved', () => {
    let state = nextOutgoingState('draft', null, 'submit');
    expect(state).toEqual({ status: 'submitted', reviewStage: 'unit_head' });
    state = nextOutgoingState(state.status, state.reviewStage, 'approve');
    expect(state).toEqual({ status: 'submitted', reviewStage: 'format_check' });
    state = nextOutgoingState(state.status, state.reviewStage, 'approve');
    expect(state).toEqual({ status: 'submitted', reviewStage: 'signer' });
    state = nextOutgoingState(state.status, state.reviewStage, 'approve');
    expect(state).toEqual({ status: 'approved', reviewStage: null });
  });

  it('skips the content review when the unit head drafted it', () => {
    expect(nextOutgoingState('draft', null, 'submit', true)).toEqual({ status: 'submitted', reviewStage: 'format_check' });
  });

  it('returns a draft from any review stage and from approved', () => {
    expect(nextOutgoingState('submitted', 'format_check', 'reject')).toEqual({ status: 'draft', reviewStage: null });
    expect(nextOutgoingState('approved', null, 'reject')).toEqual({ status: 'draft', reviewStage: null });
  });

  it('signs, issues, dispatches and recalls in order only', () => {
    expect(nextOutgoingState('approved', null, 'sign').status).toBe('signed');
    expect(nextOutgoingState('signed', null, 'issue').status).toBe('issued');
    expect(nextOutgoingState('issued', null, 'dispatch').status).toBe('dispatched');
    expect(nextOutgoingState('dispatched', null, 'recall').status).toBe('recalled');
  });

  it.each(Object.keys(OUTGOING_TRANSITIONS) as (keyof typeof OUTGOING_TRANSITIONS)[])('refuses %s from every other state with 409', (action) => {
    for (const status of ALL.filter((s) => !OUTGOING_TRANSITIONS[action].from.includes(s))) {
      let error: unknown;
      try {
        nextOutgoingState(status, null, action);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_TRANSITION');
      expect((error as AppError).status).toBe(409);
    }
  });

  it('seals without a stored key through sealing (or back to signed), and paper originals through numbered', () => {
    expect(nextOutgoingState('signed', null, 'seal_start').status).toBe('sealing');
    expect(nextOutgoingState('sealing', null, 'seal').status).toBe('issued');
    expect(nextOutgoingState('sealing', null, 'seal_void').status).toBe('signed');
    expect(nextOutgoingState('approved', null, 'issue_paper').status).toBe('numbered');
    expect(nextOutgoingState('numbered', null, 'paper_seal').status).toBe('issued');
    for (const action of ['issue', 'dispatch', 'sign'] as const) expect(() => nextOutgoingState('sealing', null, action)).toThrow(AppError);
  });
});
