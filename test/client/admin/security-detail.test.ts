import { describe, expect, it } from 'vitest';
import { detailLines } from '../../../client/admin/security-detail';
import '../../support/all-catalogs';

describe('a security event’s detail in words', () => {
  it('names a role change as one line, before → after, with the account by its name', () => {
    expect(detailLines({ target: { id: 3, username: 'yangcheng' }, from: 'official', to: 'security_admin' })).toEqual([
      { label: '对象账号', value: 'yangcheng' },
      { label: '角色', value: '县级工作人员 → 安全管理员' },
    ]);
  });

  it('says why a session timed out and how an account changed', () => {
    expect(detailLines({ reason: 'idle' })).toEqual([{ label: '原因', value: '长时间未操作' }]);
    expect(detailLines({ active: { from: true, to: false } })).toEqual([{ label: '状态', value: '启用 → 已停用' }]);
  });

  it('shows keys it does not know as they are, and nothing for no detail', () => {
    expect(detailLines({ somethingNew: 7 })).toEqual([{ label: 'somethingNew', value: '7' }]);
    expect(detailLines(null)).toEqual([]);
  });
});
