import { describe, expect, it } from 'vitest';
import { changedFields, keepTyped } from '../../../client/admin/stale-draft';

const loaded = { description: '最初的介绍', quality: '最初的品质', counties: ['140521'] };

describe('keepTyped: a form takes what is there now after a 412, keeping what was typed', () => {
  it('keeps the fields typed in and takes the others as they are now', () => {
    const typed = { ...loaded, description: '我写的介绍' };
    const now = { ...loaded, description: '他人写的介绍', quality: '他人写的品质' };
    expect(keepTyped(typed, loaded, now)).toEqual({ description: '我写的介绍', quality: '他人写的品质', counties: ['140521'] });
  });

  it('compares lists and objects by their contents, not by identity', () => {
    const typed = { ...loaded, counties: ['140521'] };
    const now = { ...loaded, counties: ['140521', '140522'] };
    expect(keepTyped(typed, loaded, now).counties).toEqual(['140521', '140522']);
    expect(keepTyped({ ...loaded, counties: ['140524'] }, loaded, now).counties).toEqual(['140524']);
  });

  it('takes a list of rows as one field: untouched, the list now; edited, the list typed', () => {
    const rows = [{ year: '2020' }];
    const now = [{ year: '2020' }, { year: '2021' }];
    expect(keepTyped([{ year: '2020' }], rows, now)).toEqual(now);
    expect(keepTyped([{ year: '2019' }], rows, now)).toEqual([{ year: '2019' }]);
  });
});

describe('changedFields: what someone else changed', () => {
  it('names the fields whose value now differs from what was loaded', () => {
    expect(changedFields(loaded, { ...loaded, quality: '他人写的品质' })).toEqual(['quality']);
    expect(changedFields(loaded, loaded)).toEqual([]);
  });

  it('names a changed list of rows as one field', () => {
    expect(changedFields([1], [1, 2])).toEqual(['']);
    expect(changedFields([1], [1])).toEqual([]);
  });
});
