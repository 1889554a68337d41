/**
 * The workspace's calls to the API (session, writes, audit, accounts), typed with db/model.ts.
 */
import type {
  AuditEntity, AuditEvent, AuditPage, AuditQuery, CountyCode, Designation, DesignationCreate, DesignationUpdate, Participant, Product,
  ProductCreate, ProductFigure, ProductFigureInput, ProductSummary, ProductUpdate, SessionCreate, TransitionCreate, User, UserCreate,
} from '../../db/model';
import { ApiRequestError, apiGet, apiSend, toQuery } from '../lib/api';
import { appHref } from '../lib/base-path';
import { rememberSignedIn } from '../lib/signed-in-hint';

/** The most entries GET /api/audit returns at once. */
const AUDIT_PAGE_MAX = 200;

/** The signed-in account. */
export type SessionUser = Pick<User, 'id' | 'username' | 'role' | 'county'>;

/** A refused sign-in: the API error plus, for 429, how many seconds to wait. */
export class SignInError extends ApiRequestError {
  constructor(error: ApiRequestError, readonly retryAfter: number | null) {
    super(error.status, error.code, error.message, error.issues);
  }
}

/** Some endpoints wrap their answer (`{user}`, `{items}`); accept either shape. */
function unwrap<T>(data: unknown, key: string): T {
  return (data && typeof data === 'object' && key in data ? (data as Record<string, unknown>)[key] : data) as T;
}

async function signIn(body: SessionCreate): Promise<SessionUser> {
  const res = await fetch(appHref('/api/session'), {
    method: 'POST', credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (res.ok) {
    rememberSignedIn(true);
    return unwrap<SessionUser>(data, 'user');
  }
  const e = data?.error;
  const wait = Number(res.headers.get('retry-after'));
  throw new SignInError(new ApiRequestError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.issues ?? []),
    Number.isFinite(wait) && wait > 0 ? wait : null);
}

/** The workspace's API calls. */
export const adminApi = {
  signIn,
  signOut: async () => {
    rememberSignedIn(false);
    await apiSend<void>('DELETE', '/api/session');
  },
  /** The viewer's products (`mine=1`: an official's county, drafts included; everything for an admin). */
  myProducts: (query: { county?: CountyCode; q?: string; archived?: boolean; lang?: 'zh' | 'en' }, signal?: AbortSignal) =>
    apiGet<{ items: ProductSummary[]; total: number }>(`/api/products${toQuery({
      limit: 1000, mine: 1, county: query.county, q: query.q, archived: query.archived ? 1 : undefined, lang: query.lang === 'en' ? 'en' : undefined,
    })}`, signal),
  product: (id: number, signal?: AbortSignal) => apiGet<Product>(`/api/products/${id}`, signal),
  createProduct: (body: ProductCreate) => apiSend<Product>('POST', '/api/products', body),
  /** Changes a product's own fields; `version` is the product's `version` the change is based on (server/versions.ts). */
  updateProduct: (id: number, body: ProductUpdate, version: string | undefined) => apiSend<Product>('PATCH', `/api/products/${id}`, body, version),
  archiveProduct: (id: number, version: string | undefined) => apiSend<unknown>('DELETE', `/api/products/${id}`, undefined, version),
  restoreProduct: (id: number, version: string | undefined) => apiSend<unknown>('POST', `/api/products/${id}/restore`, undefined, version),
  addDesignation: (productId: number, body: DesignationCreate) =>
    apiSend<Designation>('POST', `/api/products/${productId}/designations`, body),
  updateDesignation: (id: number, body: DesignationUpdate, version: string | undefined) =>
    apiSend<Designation>('PATCH', `/api/designations/${id}`, body, version),
  /** Moves a designation's status; `version` is the designation's (its status and history the move is based on). */
  move: (id: number, body: TransitionCreate, version: string | undefined) => apiSend<Designation>('POST', `/api/designations/${id}/transitions`, body, version),
  /** Replaces the participants; `version` is the product's `participantsVersion`. */
  putParticipants: (productId: number, body: Participant[], version: string | undefined) =>
    apiSend<unknown>('PUT', `/api/products/${productId}/participants`, body, version),
  /** Replaces a product's industry figures by year (`version`: the product's `figuresVersion`); answers the series as kept. */
  putFigures: (productId: number, body: ProductFigureInput[], version: string | undefined) =>
    apiSend<ProductFigure[]>('PUT', `/api/products/${productId}/figures`, body, version),
  /** Every event of one entity, read a page (the API's most, 200) at a time. */
  audit: async (entity: AuditEntity, id: number, signal?: AbortSignal): Promise<AuditEvent[]> => {
    const all: AuditEvent[] = [];
    for (;;) {
      const page = await apiGet<AuditPage>(`/api/audit${toQuery({ entity, id, limit: AUDIT_PAGE_MAX, offset: all.length })}`, signal);
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.total) return all;
    }
  },
  /** One page of the filtered log, newest first. */
  auditPage: (query: Partial<Record<keyof AuditQuery, string | number>>, signal?: AbortSignal) => apiGet<AuditPage>(`/api/audit${toQuery(query)}`, signal),
  users: async (signal?: AbortSignal) => unwrap<User[]>(await apiGet<unknown>('/api/users', signal), 'items'),
  createUser: (body: UserCreate) => apiSend<User>('POST', '/api/users', body),
};
