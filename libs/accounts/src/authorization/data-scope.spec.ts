import { dataScopeOf } from './data-scope';

describe('dataScopeOf', () => {
  it.each([
    [['officer'], 'unit'],
    [['leader'], 'subtree'],
    [['clerk'], 'agency'],
    [['leadership'], 'agency'],
    [['admin'], 'own'],
    [[], 'own'],
  ] as const)('%j → %s', (roles, scope) => {
    expect(dataScopeOf(roles)).toBe(scope);
  });

  it('gives the widest scope of several roles, whatever their order', () => {
    expect(dataScopeOf(['officer', 'leader'])).toBe('subtree');
    expect(dataScopeOf(['leader', 'officer'])).toBe('subtree');
    expect(dataScopeOf(['admin', 'officer'])).toBe('unit');
  });
});
