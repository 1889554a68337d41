/**
 * Checks real answers against the OpenAPI document: the status must be documented for the
 * operation, a JSON body must validate against its schema (JSON Schema 2020-12, ajv), and a
 * non-JSON body must come with the documented media type.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DOC_ID = 'https://gi.test/openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** An operation of the document. */
export interface DocOperation { path: string; method: string; op: any }

/** Validates answers against one document. */
export class DocumentChecker {
  readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #validators = new Map<string, (data: unknown) => boolean>();
  /** operationId → statuses seen. */
  readonly seen = new Map<string, Set<string>>();

  constructor(readonly doc: any) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: doc.components });
  }

  operations(): DocOperation[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })));
  }

  operation(operationId: string): DocOperation {
    const found = this.operations().find((o) => o.op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    return found;
  }

  #deref(node: any): any {
    let n = node;
    while (n?.$ref) n = n.$ref.slice(2).split('/').reduce((o: any, k: string) => o?.[k], this.doc);
    return n;
  }

  /** Problems with one answer (empty when it agrees with the document). */
  problems(operationId: string, status: number, contentType: string | null, body: unknown): string[] {
    const { op } = this.operation(operationId);
    const seen = this.seen.get(operationId) ?? new Set();
    seen.add(String(status));
    this.seen.set(operationId, seen);
    const response = this.#deref(op.responses[String(status)]);
    if (!response) return [`${operationId}: status ${status} is not documented (${Object.keys(op.responses).join(', ')}): ${JSON.stringify(body).slice(0, 300)}`];
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    if (!content) return [];
    const type = (contentType ?? '').split(';')[0].trim();
    const media = content[type];
    if (!media) return [`${operationId} ${status}: content type ${type} is not documented (${Object.keys(content).join(', ')})`];
    if (!media.schema || !/json/.test(type)) return [];
    const key = `${operationId} ${status} ${type}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`));
      validate = this.ajv.compile(schema);
      this.#validators.set(key, validate);
    }
    if (validate(body)) return [];
    return [`${operationId} ${status}: ${this.ajv.errorsText((validate as any).errors)}: ${JSON.stringify(body).slice(0, 300)}`];
  }
}
