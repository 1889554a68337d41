/**
 * The API page (GET /api/docs): the OpenAPI document rendered on the server as plain HTML, with no
 * script at all (so nothing for the strict CSP to refuse and no CDN), operations grouped by tag with
 * their parameters, bodies and statuses. `?lang=en` in English; Chinese otherwise, every text of the
 * document in its Chinese (server/openapi/zh.ts), so the Chinese page reads in Chinese throughout.
 */
import { WHO_NOTE, type TAGS, type Who } from './openapi';
import { ZH } from './openapi/zh';

type Json = Record<string, any>;
type Lang = 'zh' | 'en';
type TagName = (typeof TAGS)[number]['name'];

/** Every tag's title in both languages (a tag without one does not compile). */
const TAG_TITLES: Record<Lang, Record<TagName, string>> = {
  zh: {
    products: '产品', designations: '地理标志申报', documents: '文件与照片', marks: '用标与核验', cultivation: '培育与申报材料',
    geography: '县域与地图', places: '乡镇村与保护范围', tally: '统计与规划期', export: '开放数据下载与订阅', session: '登录',
    import: '批量导入', audit: '修改记录', users: '账号', meta: '服务信息',
  },
  en: {
    products: 'Products', designations: 'Designations', documents: 'Documents and photos', marks: 'Marks and verification',
    cultivation: 'Cultivation and dossiers', geography: 'Counties and map', places: 'Townships, villages and protected areas',
    tally: 'Tally and periods', export: 'Open data and feed', session: 'Session', import: 'Import', audit: 'History', users: 'Accounts',
    meta: 'Service',
  },
};

const WORDS = {
  zh: {
    title: '晋城地理标志 · 接口说明', intro: '开放数据接口与工作台接口（OpenAPI 3.1）。机器可读版本：', back: '返回地图',
    contents: '目录', parameters: '参数', name: '名称', in: '位置', required: '必填', schema: '类型', body: '请求体',
    responses: '响应', status: '状态', meaning: '说明', media: '格式', yes: '是', no: '否', chars: '字符', colon: '：',
    access: {
      all: '公开', official: '需登录（县级账号与市级管理员）', admin: '仅市级管理员', account: '需登录（任何角色）',
      accounts: '账号管理员（安全管理员；未实行三员分立时也包括市级管理员）', securityLog: '审计管理员（未实行三员分立时也包括市级管理员）',
    },
    optional: '公开；登录后按账号权限返回', lang: 'English', langHref: '?lang=en',
    in_: { path: '路径', query: '查询', header: '请求头' },
  },
  en: {
    title: 'Jincheng GI · HTTP API', intro: 'The open-data API and the workspace API (OpenAPI 3.1). Machine-readable:', back: 'Back to the map',
    contents: 'Contents', parameters: 'Parameters', name: 'Name', in: 'In', required: 'Required', schema: 'Type', body: 'Request body',
    responses: 'Responses', status: 'Status', meaning: 'Meaning', media: 'Format', yes: 'yes', no: 'no', chars: 'chars', colon: ': ',
    access: {
      all: 'Public', official: 'Signed in (officials and admins)', admin: 'City admins only', account: 'Signed in (any role)',
      accounts: 'Account managers (security admins; city admins too unless duties are separated)', securityLog: 'Auditors (city admins too unless duties are separated)',
    },
    optional: 'Public; signed in, answers by the account\u2019s rights', lang: '中文', langHref: '?lang=zh',
    in_: { path: 'path', query: 'query', header: 'header' },
  },
} as const;
type Words = (typeof WORDS)[Lang];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Inline `code` in descriptions, escaped first. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/**
 * A text of the document in the page's language, as HTML, and the `lang` attribute of the element that
 * holds it: on the Chinese page its Chinese; a text with no Chinese yet stays English and says so.
 */
function say(lang: Lang, text: unknown): { html: string; attr: string } {
  const zh = lang === 'zh' && typeof text === 'string' ? ZH[text] : undefined;
  if (lang === 'en' || zh !== undefined) return { html: prose(zh ?? text), attr: '' };
  return { html: prose(text), attr: ' lang="en"' };
}

/** An operation's own description: without the sentence saying who may call it, which the page shows apart. */
function ownDescription(op: Json): string {
  const text = String(op.description ?? '');
  const who = WHO_NOTE[op['x-who'] as Who] ?? '';
  return (who && text.startsWith(who) ? text.slice(who.length) : text).trim();
}

/** Follows a local `$ref` (`#/components/...`). */
function deref(doc: Json, node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n.$ref === 'string' && i < 5; i++) n = n.$ref.slice(2).split('/').reduce((o: Json, k: string) => o?.[k], doc);
  return n ?? {};
}

/** A short name for a schema: its component name, `array of X`, an enum, or its type. */
function typeName(w: Words, schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.enum) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map((s: Json) => typeName(w, s)).join(' | ');
  if (schema.type === 'array') return `${typeName(w, schema.items)}[]`;
  const bits = [schema.type ?? 'any', schema.format, schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} ${w.chars}` : '', schema.default !== undefined ? `= ${JSON.stringify(schema.default)}` : ''];
  return bits.filter(Boolean).join(' ');
}

/** Renders the page for a document. */
export function renderApiPage(doc: Json, lang: Lang): string {
  const w = WORDS[lang];
  const byTag = new Map<string, { method: string; path: string; op: Json }[]>();
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) byTag.get(op.tags[0])?.push({ method, path, op }) ?? byTag.set(op.tags[0], [{ method, path, op }]);
  }
  const tags = (doc.tags as Json[]).filter((t) => byTag.has(t.name));
  const tagTitle = (name: string) => TAG_TITLES[lang][name as TagName] ?? name;
  const sections = tags.map((tag) => {
    const about = say(lang, tag.description);
    return `
<section id="tag-${esc(tag.name)}" aria-labelledby="h-${esc(tag.name)}">
  <h2 id="h-${esc(tag.name)}">${esc(tagTitle(tag.name))} <small><code>${esc(tag.name)}</code></small></h2>
  <p${about.attr}>${about.html}</p>
  ${byTag.get(tag.name)!.map(({ method, path, op }) => renderOperation(doc, lang, method, path, op)).join('\n')}
</section>`;
  }).join('\n');
  const name = say(lang, doc.info.title);
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs.css">
</head>
<body>
<header>
  <a href="../${lang === 'en' ? '?lang=en' : ''}">${esc(w.back)}</a>
  <a class="lang" href="docs${w.langHref}" lang="${lang === 'en' ? 'zh-CN' : 'en'}">${esc(w.lang)}</a>
</header>
<main>
<h1>${esc(w.title)}</h1>
<p>${esc(w.intro)} <a href="openapi.json"><code>/api/openapi.json</code></a> · <span${name.attr}>${name.html}</span> ${esc(doc.info.version)}</p>
${String(doc.info.description).split('\n\n').map((p) => say(lang, p)).map((p) => `<p${p.attr}>${p.html}</p>`).join('\n')}
<nav aria-labelledby="h-contents"><h2 id="h-contents">${esc(w.contents)}</h2><ul>
${tags.map((t) => `<li><a href="#tag-${esc(t.name)}">${esc(tagTitle(t.name))}</a> (${byTag.get(t.name)!.length})</li>`).join('\n')}
</ul></nav>
${sections}
</main>
</body>
</html>
`;
}

function renderOperation(doc: Json, lang: Lang, method: string, path: string, op: Json): string {
  const w = WORDS[lang];
  const access = op['x-who'] === 'all' && op.security?.length ? w.optional : (w.access as Record<string, string>)[op['x-who']];
  const params = (op.parameters as Json[]).map((p) => deref(doc, p));
  const [bodyMedia, bodyContent] = Object.entries((op.requestBody?.content ?? {}) as Json)[0] ?? [];
  const responses = Object.entries(op.responses as Json).map(([status, r]) => {
    const res = deref(doc, r as Json);
    const media = Object.entries((res.content ?? {}) as Json);
    const meaning = say(lang, res.description);
    return `<tr><td><code>${esc(status)}</code></td><td${meaning.attr}>${meaning.html}</td><td>${media.map(([type, c]) =>
      `<code>${esc(type)}</code>${c.schema ? ` <code>${esc(typeName(w, c.schema))}</code>` : ''}`).join('<br>')}</td></tr>`;
  }).join('\n');
  const summary = say(lang, op.summary);
  const own = ownDescription(op);
  const description = own ? say(lang, own) : null;
  return `<article id="${esc(op.operationId)}" class="op">
  <h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
  <p><strong${summary.attr}>${summary.html}</strong>${description ? ` <span${description.attr}>${description.html}</span>` : ''}</p>
  <p class="access">${esc(access)} · <code>${esc(op.operationId)}</code></p>
  ${params.length ? `<table><caption>${esc(w.parameters)}</caption><thead><tr><th scope="col">${esc(w.name)}</th><th scope="col">${esc(w.in)}</th><th scope="col">${esc(w.required)}</th><th scope="col">${esc(w.schema)}</th></tr></thead><tbody>
  ${params.map((p) => {
    const about = p.description ? say(lang, p.description) : null;
    return `<tr><td><code>${esc(p.name)}</code></td><td>${esc((w.in_ as Record<string, string>)[p.in] ?? p.in)}</td><td>${p.required ? w.yes : w.no}</td><td><code>${esc(typeName(w, p.schema))}</code>${about ? ` <span${about.attr}>${about.html}</span>` : ''}</td></tr>`;
  }).join('\n')}
  </tbody></table>` : ''}
  ${bodyMedia ? `<p>${esc(w.body)}${esc(w.colon)}<code>${esc(bodyMedia)}</code> <code>${esc(typeName(w, bodyContent.schema))}</code></p>` : ''}
  <table class="responses"><caption>${esc(w.responses)}</caption><thead><tr><th scope="col">${esc(w.status)}</th><th scope="col">${esc(w.meaning)}</th><th scope="col">${esc(w.media)}</th></tr></thead><tbody>
  ${responses}
  </tbody></table>
</article>`;
}

/** The page's stylesheet (served from this origin, as the CSP's `style-src 'self'` requires). */
export const API_PAGE_CSS = `
:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.5; color: #1b1f23; background: #fafaf7; }
body { margin: 0; }
header { display: flex; gap: 1rem; padding: 0.5rem 1rem; border-bottom: 1px solid #d0d4d9; background: #fff; }
header .lang { margin-left: auto; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
a { color: #0b5cad; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid #8a1c1c; }
h2 small { font-weight: 400; color: #5c6670; font-size: 0.8em; }
.op { margin: 1.25rem 0; padding: 0.75rem 1rem; border: 1px solid #d0d4d9; border-radius: 6px; background: #fff; }
.op h3 { margin: 0 0 0.25rem; font-size: 1.05rem; overflow-wrap: anywhere; }
.method { display: inline-block; min-width: 4.5em; padding: 0 0.4em; border-radius: 4px; color: #fff; background: #3d4852; font-size: 0.85em; text-align: center; }
.method.get { background: #1d6b3a; } .method.post { background: #0b5cad; } .method.put, .method.patch { background: #8a5a00; } .method.delete { background: #a11d1d; }
.access { color: #5c6670; margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; }
th, td { border-top: 1px solid #e3e6e9; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
@media (max-width: 30rem) { main { padding: 0.5rem; } .op { padding: 0.5rem; } th, td { padding: 0.25rem; } }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.responses td:first-child code { white-space: nowrap; overflow-wrap: normal; }
`;
