/**
 * What the browser loads with each page, read from the client's source with TypeScript's parser: the
 * modules a module imports at run time (type-only imports are erased, `import()` starts a chunk of
 * its own), the page entries (the client's entry and every `import()` target), and the message keys a
 * module's source names. For the test that each page loads the catalogs of the keys it uses.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** A module's run-time imports (root-relative files) and the targets of its `import()` calls. */
export interface ModuleImports { imports: string[]; lazy: string[]; external: string[] }

const parsed = new Map<string, ts.SourceFile>();

function sourceOf(root: string, file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    parsed.set(file, source);
  }
  return source;
}

/** Resolves a relative specifier as Vite would (`x` → `x.ts` or `x/index.ts`); null for a package. */
function resolveImport(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(root, dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split('\\').join('/');
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** Whether an import declaration is erased when compiled: `import type`, or only `type` names and no default. */
function erased(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: run for its effects
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0
    && named.elements.every((e) => e.isTypeOnly);
}

/** The modules `file` imports at run time, the ones it loads with `import()`, and the packages it imports. */
export function importsOf(root: string, file: string): ModuleImports {
  const out: ModuleImports = { imports: [], lazy: [], external: [] };
  const add = (spec: string, list: string[]) => {
    const target = resolveImport(root, file, spec);
    if (target) list.push(target);
    else if (list === out.imports) out.external.push(spec);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !erased(node)) add(node.moduleSpecifier.text, out.imports);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      add(node.moduleSpecifier.text, out.imports);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, out.lazy);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(root, file));
  return out;
}

/** Every module `entry` loads with it: itself and what it imports at run time, transitively (not what it loads with `import()`). */
export function chunkOf(root: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(root, file).imports);
  }
  return seen;
}

/** The modules that start a chunk loaded later: every `import()` target reachable from `entry`. */
export function lazyEntries(root: string, entry: string): string[] {
  const found = new Set<string>();
  const stack = [entry];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { imports, lazy } = importsOf(root, file);
    stack.push(...imports, ...lazy);
    for (const target of lazy) found.add(target);
  }
  return [...found].sort();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keys of `keys` that a module's source names: a string literal that is a key, or a template
 * such as `` `status.${s}` `` (a dotted head, then any values), which may be any key of its shape.
 */
export function keysNamedIn(root: string, file: string, keys: readonly string[]): Set<string> {
  const known = new Set(keys);
  const named = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && known.has(node.text)) named.add(node.text);
    else if (ts.isTemplateExpression(node) && /^[\w-]+\./.test(node.head.text)) {
      const pattern = new RegExp(`^${[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].map(escape).join('.+')}$`);
      for (const key of keys) if (pattern.test(key)) named.add(key);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(root, file));
  return named;
}
