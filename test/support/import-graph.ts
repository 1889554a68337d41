/**
 * The project's import graph, read from the source text: which file imports which (relative imports,
 * type-only ones included, since they too say what a module depends on). For the architecture test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every import of a file: `from '…'`, `import('…')` and side-effect `import '…'`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

/** The source files under `folders` (relative to `root`), as root-relative paths with forward slashes. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) walk(folder);
  return out.sort();
}

/** Resolves a relative specifier to a root-relative file, as TypeScript and Vite would; null when nothing is there. */
function resolveImport(root: string, from: string, spec: string): string | null {
  const base = resolve(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split('\\').join('/');
  }
  return null;
}

/** The import graph of `files`: file → the files it imports (only those inside the project). */
export function importGraph(root: string, files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(root, file, match[2]);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one node (Tarjan), or a node importing itself. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * The graph between the folders directly inside `parent` (a file directly in `parent` is its own
 * node): an arrow A → B when a file under A imports a file under B. Cycles here are imports that run back up.
 */
export function folderGraph(graph: Map<string, string[]>, parent: string): Map<string, string[]> {
  const nodeOf = (file: string): string | null => {
    if (!file.startsWith(`${parent}/`)) return null;
    const rest = file.slice(parent.length + 1);
    const slash = rest.indexOf('/');
    return `${parent}/${slash < 0 ? rest : rest.slice(0, slash)}`;
  };
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = nodeOf(file);
    if (!from) continue;
    const arrows = folders.get(from) ?? new Set<string>();
    folders.set(from, arrows);
    for (const target of targets) {
      const to = nodeOf(target);
      if (to && to !== from) arrows.add(to);
    }
  }
  return new Map([...folders].map(([folder, arrows]) => [folder, [...arrows].sort()]));
}
