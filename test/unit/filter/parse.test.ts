import { describe, expect, it } from 'vitest';
import { parseFilterExpression, type FilterExpression } from '../../../src-main/core/filter';

function parsed(input: string): FilterExpression | null {
  const result = parseFilterExpression(input);
  if (!result.ok) throw new Error(`did not parse: ${result.error.message}`);
  return result.expression;
}

const payload = (...path: string[]) => ({ scope: 'payload', path });

describe('parseFilterExpression', () => {
  it('reads a blank expression as no constraint', () => {
    expect(parsed('')).toBeNull();
    expect(parsed('   ')).toBeNull();
  });

  it('reads field predicates with each operator', () => {
    expect(parsed('state = hangup')).toEqual({ kind: 'compare', field: payload('state'), op: '=', value: { kind: 'string', value: 'hangup' } });
    expect(parsed('direction != inbound')).toMatchObject({ op: '!=', value: { value: 'inbound' } });
    expect(parsed('state == hangup')).toMatchObject({ op: '=', value: { value: 'hangup' } });
    expect(parsed('duration > 60000')).toEqual({
      kind: 'compare',
      field: payload('duration'),
      op: '>',
      value: { kind: 'number', value: 60000, text: '60000' },
    });
    for (const op of ['>=', '<', '<=']) expect(parsed(`duration ${op} -1.5e3`)).toMatchObject({ op, value: { value: -1500 } });
  });

  it('reads nested paths, array indexes and event fields', () => {
    expect(parsed('target.name = "Bob Smith"')).toMatchObject({ field: payload('target', 'name'), value: { kind: 'string', value: 'Bob Smith' } });
    expect(parsed('labels.0 = vip')).toMatchObject({ field: payload('labels', '0') });
    expect(parsed('@type = call.ringing')).toMatchObject({ field: { scope: 'event', name: 'type' }, value: { value: 'call.ringing' } });
    expect(parsed('@CALLID = 1001')).toMatchObject({ field: { scope: 'event', name: 'callId' } });
    expect(parsed('@connection = conn-a')).toMatchObject({ field: { scope: 'event', name: 'connection' } });
  });

  it('reads literals: quoted strings stay text, bare true/false/null are JSON literals', () => {
    expect(parsed('state = "60000"')).toMatchObject({ value: { kind: 'string', value: '60000' } });
    expect(parsed("name = 'it\\'s'")).toMatchObject({ value: { kind: 'string', value: "it's" } });
    expect(parsed('is_transferred = true')).toMatchObject({ value: { kind: 'boolean', value: true } });
    expect(parsed('duration = null')).toMatchObject({ value: { kind: 'null' } });
    expect(parsed('flag = "true"')).toMatchObject({ value: { kind: 'string', value: 'true' } });
  });

  it('reads regex predicates with flags, quoted patterns and their negation', () => {
    expect(parsed('target.name ~ /smith/i')).toEqual({ kind: 'regex', field: payload('target', 'name'), negated: false, source: 'smith', flags: 'i' });
    expect(parsed('text !~ "^Where"')).toMatchObject({ kind: 'regex', negated: true, source: '^Where', flags: '' });
    expect(parsed('url ~ /a\\/b[/]c/')).toMatchObject({ source: 'a\\/b[/]c' });
  });

  it('reads exists(), free text and phrases', () => {
    expect(parsed('exists(recording_details)')).toEqual({ kind: 'exists', field: payload('recording_details') });
    expect(parsed('EXISTS ( @callId )')).toEqual({ kind: 'exists', field: { scope: 'event', name: 'callId' } });
    expect(parsed('smith')).toEqual({ kind: 'text', word: 'smith' });
    expect(parsed('"Sales queue"')).toEqual({ kind: 'text', word: 'Sales queue' });
    expect(parsed('exists')).toEqual({ kind: 'text', word: 'exists' });
  });

  it('gives NOT over AND over OR, with case-insensitive keywords and implicit AND', () => {
    expect(parsed('a = 1 or b = 2 AND not c = 3')).toEqual({
      kind: 'or',
      operands: [
        expect.objectContaining({ field: payload('a') }),
        {
          kind: 'and',
          operands: [expect.objectContaining({ field: payload('b') }), { kind: 'not', operand: expect.objectContaining({ field: payload('c') }) }],
        },
      ],
    });
    expect(parsed('state = hangup smith')).toEqual({
      kind: 'and',
      operands: [expect.objectContaining({ kind: 'compare' }), { kind: 'text', word: 'smith' }],
    });
    expect(parsed('(a = 1 OR b = 2) c = 3')).toMatchObject({ kind: 'and', operands: [{ kind: 'or' }, { kind: 'compare' }] });
  });
});
