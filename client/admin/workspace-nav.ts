/**
 * What each role may use in the workspace (三员分立): the links of its navigation, in order, and whether a
 * path is among them. The server decides what it answers; this only keeps out of sight what would be
 * refused anyway.
 */
import type { Role } from '../../db/model';
import type { MessageKey } from '../i18n';

/** A link of the workspace's navigation: its path below /admin (or a public path) and its name. */
export interface WorkspaceLink { path: string; label: MessageKey; public?: boolean }

/**
 * Whether the city admin also manages accounts and reads security events: yes unless the deployment
 * separates the duties (SEPARATE_DUTIES=true), which the session answer says.
 */
export interface Duties { separate: boolean }

const CONTENT: WorkspaceLink[] = [
  { path: '/', label: 'admin.myProducts' },
  { path: '/products/new', label: 'admin.newProduct' },
  { path: '/cultivation', label: 'board.nav' },
  { path: '/readiness', label: 'zone.nav' },
  { path: '/import', label: 'import.nav' },
  { path: '/history', label: 'history.nav' },
  { path: '/verify-misses', label: 'misses.nav' },
];
const ACCOUNTS: WorkspaceLink = { path: '/accounts', label: 'admin.accounts' };
const SECURITY_EVENTS: WorkspaceLink = { path: '/security-events', label: 'security.nav' };
const HISTORY: WorkspaceLink = { path: '/history', label: 'history.nav' };
const PASSWORD: WorkspaceLink = { path: '/password', label: 'password.nav' };

/** The links a role sees, in the order shown. */
export function workspaceLinks(role: Role, duties: Duties): WorkspaceLink[] {
  switch (role) {
    case 'official':
      return [...CONTENT, PASSWORD];
    case 'admin':
      return [
        ...CONTENT,
        ...(duties.separate ? [] : [ACCOUNTS, SECURITY_EVENTS]),
        { path: '/dossier-templates', label: 'templates.nav' },
        { path: '/tally', label: 'admin.periods', public: true },
        PASSWORD,
      ];
    case 'security_admin':
      return [ACCOUNTS, PASSWORD];
    case 'auditor':
      return [SECURITY_EVENTS, HISTORY, PASSWORD];
  }
}

/** Where a role starts: the first link of its navigation (content roles: their products and to-do list). */
export function homePath(role: Role, duties: Duties): string {
  return workspaceLinks(role, duties)[0]!.path;
}

/** Whether a workspace path (e.g. `/products/7`) is one the role may open; `/` is every role's home. */
export function mayOpen(role: Role, duties: Duties, path: string): boolean {
  const links = workspaceLinks(role, duties).filter((l) => !l.public);
  const target = /^\/products\/\d+$/.test(path) ? '/products/new' : path;
  return path === '/' || links.some((l) => l.path === target);
}
