import { describe, expect, it } from 'vitest';
import { groupValues, mapGroups } from './sso-mapping';

const mapping = {
  groupClaim: 'groups',
  roles: [
    { value: 'lesen', role: 'reader' as const },
    { value: 'isek-admin', role: 'admin' as const },
    { value: 'amt', role: 'department' as const },
  ],
  departments: [
    { value: 'amt-61', departmentId: '00000000-0000-4000-8000-000000000061' },
    { value: 'amt-66', departmentId: '00000000-0000-4000-8000-000000000066' },
  ],
};

describe('group claim → role and department', () => {
  it('takes the highest role of all matching groups, whatever the order', () => {
    expect(mapGroups(mapping, ['lesen', 'isek-admin'])?.role).toBe('admin');
    expect(mapGroups(mapping, ['amt', 'lesen'])?.role).toBe('department');
  });
  it('takes the first matching department rule', () => {
    expect(mapGroups(mapping, ['amt', 'amt-66', 'amt-61'])).toEqual({ role: 'department', departmentId: '00000000-0000-4000-8000-000000000061' });
    expect(mapGroups(mapping, ['amt'])).toEqual({ role: 'department', departmentId: null });
  });
  it('refuses a person without any mapped group, and compares exactly', () => {
    expect(mapGroups(mapping, [])).toBeNull();
    expect(mapGroups(mapping, ['amt-61', 'ISEK-ADMIN'])).toBeNull();
  });
  it('reads a list or a single string', () => {
    expect(groupValues(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(groupValues('a')).toEqual(['a']);
    expect(groupValues(undefined)).toEqual([]);
  });
});
