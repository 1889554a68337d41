import { describe, expect, it } from 'vitest';
import { homePath, mayOpen, workspaceLinks } from '../../../client/admin/workspace-nav';

const together = { separate: false };
const separate = { separate: true };
const paths = (role: Parameters<typeof workspaceLinks>[0], duties = together) => workspaceLinks(role, duties).map((l) => l.path);

describe('the workspace by role (三员分立)', () => {
  it('gives the security admin accounts and a password, nothing of the content', () => {
    expect(paths('security_admin')).toEqual(['/accounts', '/password']);
    expect(homePath('security_admin', together)).toBe('/accounts');
    for (const p of ['/products/new', '/products/7', '/history', '/import', '/security-events']) expect(mayOpen('security_admin', together, p)).toBe(false);
  });

  it('gives the auditor the security events and the history to read, no to-do list or editing', () => {
    expect(paths('auditor')).toEqual(['/security-events', '/history', '/password']);
    expect(homePath('auditor', together)).toBe('/security-events');
    for (const p of ['/products/new', '/products/7', '/accounts', '/import', '/cultivation']) expect(mayOpen('auditor', together, p)).toBe(false);
  });

  it('keeps the official to their content, with no accounts or security events', () => {
    expect(paths('official')).not.toContain('/accounts');
    expect(paths('official')).not.toContain('/security-events');
    expect(mayOpen('official', together, '/products/12')).toBe(true);
    expect(homePath('official', together)).toBe('/');
  });

  it('lets the city admin manage accounts and read security events only while duties are not separated', () => {
    expect(paths('admin')).toEqual(expect.arrayContaining(['/accounts', '/security-events', '/dossier-templates']));
    expect(paths('admin', separate)).not.toContain('/accounts');
    expect(paths('admin', separate)).not.toContain('/security-events');
    expect(mayOpen('admin', separate, '/accounts')).toBe(false);
  });

  it('offers everyone their own password', () => {
    for (const role of ['admin', 'official', 'security_admin', 'auditor'] as const) expect(paths(role)).toContain('/password');
  });
});
