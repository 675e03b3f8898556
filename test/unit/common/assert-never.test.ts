import { assertNever } from '../../../src/common/assert-never';

describe('assertNever', () => {
  it('throws and names the value that got past an exhaustive switch', () => {
    expect(() => assertNever('surprise' as never)).toThrow('unexpected value "surprise"');
    expect(() => assertNever({ kind: 'new-kind' } as never)).toThrow('unexpected value {"kind":"new-kind"}');
  });

  it('still names values JSON cannot show', () => {
    expect(() => assertNever(undefined as never)).toThrow('unexpected value undefined');
    expect(() => assertNever(10n as never)).toThrow('unexpected value 10');
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(() => assertNever(cycle as never)).toThrow('unexpected value [object Object]');
  });
});
