/**
 * The Chinese of the texts of the operations tagged `meta` (server/openapi/operations/meta.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `meta` operations' texts, by their English. */
export const META_ZH: Readonly<Record<string, string>> = {
  // health
  'Liveness':
    '运行状态',
  'Answers once the database answers (cheap: for a process supervisor’s liveness probe).':
    '数据库能够响应时即返回（开销很小：供进程管理程序检查是否存活）。',
  'Readiness':
    '就绪状态',
  'Whether this process can do its whole job now: the database takes a real write, it has run exactly the migrations this release knows, and a task worker answers. Never cached.':
    '本进程现在能否完成全部工作：数据库能真实写入，已运行的迁移恰为本版本所知的迁移，任务工作线程能够响应。从不缓存。',
  'Ready: every check passed':
    '就绪：各项检查均通过',
  'Not ready: `checks` says which check failed and why':
    '未就绪：`checks` 指出哪项检查未通过及原因',
  // getClientConfig
  'Map settings for the client':
    '客户端的地图设置',
  'The tile layer (none unless configured) and the map’s approval number (审图号).':
    '底图图层（未配置时没有）和地图的审图号。',
  // getOpenApi
  'This description (OpenAPI 3.1)':
    '本说明（OpenAPI 3.1）',
  'The OpenAPI document':
    'OpenAPI 文档',
  // getApiPage
  'This description as a web page':
    '本说明的网页版',
  '`lang=en` for English; Chinese otherwise.':
    '`lang=en` 为英文，否则为中文。',
  'An HTML page (no scripts)':
    'HTML 页面（不含脚本）',
  // getApiPageStyles
  'The API page’s stylesheet':
    '接口说明页面的样式表',
  'CSS':
    'CSS 样式表',
};
