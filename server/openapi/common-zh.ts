/**
 * The Chinese of the texts every part of the HTTP API's description shares: the document's own (server/openapi.ts:
 * its introduction, who may call an operation, the shared answers, parameters and headers), the tags and the
 * `If-Match` notes (server/openapi/operation.ts), and the texts the operations of several tags use alike.
 * Keyed by the English exactly as it is written there (server/openapi/zh.ts gathers every table).
 */

/** The Chinese of the texts the whole API description shares, by their English. */
export const COMMON_ZH: Readonly<Record<string, string>> = {
  // the document
  'Jincheng GI registry API':
    '晋城地理标志登记接口',
  'Geographical indications of Jincheng: candidates, registrations, their cooperative-farmer models, and the tally against the plan’s targets. The public part is the open-data API.':
    '晋城市的地理标志：培育对象、已登记注册的地理标志、“企业（协会）+ 地理标志 + 合作社 + 农户”模式，以及对照规划目标的统计。公开部分即开放数据接口。',
  'JSON everywhere (GeoJSON for map layers, CSV and XLSX for downloads); errors are `{"error": {"code", "message", "issues"}}` with an honest status.':
    '一律使用 JSON（地图图层为 GeoJSON，下载为 CSV 和 XLSX）；出错时返回 `{"error": {"code", "message", "issues"}}`，状态码如实反映错误。',
  'Writes need the session cookie, JSON bodies (`Content-Type: application/json`; the document upload alone takes `multipart/form-data`) and, when the browser sends one, an `Origin` of this site.':
    '写操作需要登录会话 Cookie、JSON 请求体（`Content-Type: application/json`；只有文件上传使用 `multipart/form-data`），浏览器发送 `Origin` 时须为本站地址。',
  'Reads marked with `If-None-Match` carry an `ETag`: send it back to get 304. Public reads are open to every origin (CORS). `OPTIONS` on a documented path answers 204 with an `Allow` header; any other method it does not list gets 405 with `Allow` and the usual error body.':
    '标有 `If-None-Match` 的读取接口会返回 `ETag`：再次请求时带上它，内容未变则返回 304。公开的读取接口允许任何来源跨域访问（CORS）。对文档中列出的路径发送 `OPTIONS` 返回 204 和 `Allow` 头；其他未列出的方法返回 405，附 `Allow` 头和通常的错误内容。',
  // the tags
  'Products and their GI designations: the public registry, and officials’ writes.':
    '产品及其地理标志：公开的登记信息，以及工作人员的录入和修改。',
  'GI designations of a product and their dated status moves.':
    '产品的各项地理标志及其带日期的状态变更。',
  'Documents and photos of products: uploads (multipart), the files themselves (served with their real type, `nosniff` and a sandboxing CSP), and their details.':
    '产品的文件和照片：上传（`multipart`）、文件本身（按真实类型返回，带 `nosniff` 和沙箱化的内容安全策略）及其信息。',
  'Using the marks: authorised users of each GI’s official mark, and the public check of a company.':
    '地理标志专用标志的使用：各地理标志的授权用标企业，以及面向公众的企业用标查询。',
  'Cultivation dossiers: what each candidate still needs before it can be filed, the board across counties, and the checklists.':
    '培育申报材料：每个培育对象申报前还缺什么、跨县的培育看板，以及材料清单。',
  'The counties (data: the boundary file, then dated division changes), and the map layers (GeoJSON, RFC 7946, WGS84).':
    '县（市、区）（数据：边界文件及其后带日期的区划调整）和地图图层（GeoJSON，RFC 7946，WGS84 坐标）。',
  'Townships and villages by their 12-digit codes (2023), each GI’s protected area as a list of them, and the public lookup “is my village in a protected area?”.':
    '按 12 位代码（2023 年）查询乡镇和村，每项地理标志的保护范围（以这些代码列出），以及面向公众的“我的村在不在保护范围内？”查询。',
  'GI counts against the plan’s targets, and the plan periods.':
    '对照规划目标的地理标志数量统计，以及规划期。',
  'Open data downloads and the news feed.':
    '开放数据下载和更新订阅。',
  'Signing in and out (an HttpOnly, SameSite=Strict cookie `gi_session`).':
    '登录和退出（使用 HttpOnly、SameSite=Strict 的 Cookie `gi_session`）。',
  'Spreadsheet imports for officials: template, dry run, report, progress.':
    '工作人员用表格批量导入：模板、检查（不保存）、逐行报告、进度。',
  'The history of every change, told in sentences; and the security events (sign-ins, locks, sessions, accounts, exports, backups, settings), for the auditor.':
    '每一项修改的记录，用完整的句子叙述；以及供审计管理员查阅的安全事件（登录、锁定、会话、账号、导出、备份、设置）。',
  'Accounts, for the account managers (security admins; city admins too unless duties are separated).':
    '账号管理，供账号管理员使用（安全管理员；未实行三员分立时也包括市级管理员）。',
  'Liveness, client settings and this description.':
    '服务状态、客户端设置和本说明。',
  // who may call an operation (WHO_NOTE, server/openapi.ts)
  'Signed in (any role).':
    '需登录（任何角色）。',
  'Signed in as a security admin (or a city admin, unless duties are separated).':
    '需以安全管理员身份登录（未实行三员分立时，市级管理员也可以）。',
  'Signed in as an auditor (or a city admin, unless duties are separated).':
    '需以审计管理员身份登录（未实行三员分立时，市级管理员也可以）。',
  // the shared answers, parameters and headers (server/openapi.ts)
  'The `ETag` of the copy the client has: 304 when it is current.':
    '客户端已有副本的 `ETag`：内容未变时返回 304。',
  'Not modified: the client’s copy (`If-None-Match`) is current.':
    '未修改：客户端的副本（`If-None-Match`）仍是最新的。',
  'Bad request: the input is wrong; `issues` says where.':
    '请求有误：输入不正确，`issues` 指出错在哪里。',
  'Not signed in (or the session has ended).':
    '未登录（或会话已结束）。',
  'Signed in but not allowed (another county, admins only, a role that does not do this: security admins and auditors touch no content), a write while the password has expired (`password_expired`), or a write from another site’s page (`Origin`).':
    '已登录但无权操作（其他县的数据、仅限管理员的操作、角色不负责此事：安全管理员和审计管理员不接触登记内容），密码已过期时的写操作（`password_expired`），或来自其他网站页面的写请求（`Origin`）。',
  'The body is too large (JSON: 2 MB; an import: 7 MB of base64, and the file’s own limits).':
    '请求体过大（JSON 不超过 2 MB；导入不超过 7 MB 的 base64 编码，另有文件本身的限制）。',
  'A body that is not `application/json`.':
    '请求体不是 `application/json`。',
  'A numeric id':
    '数字编号',
  'No such thing, or not visible to this viewer.':
    '不存在，或查看者无权看到。',
  'Too many attempts, or too many at once; retry after `Retry-After` seconds.':
    '尝试次数过多，或同时进行的过多；请在 `Retry-After` 秒后重试。',
  // texts the operations of several tags share
  'OK':
    '成功',
  'Created':
    '已创建',
  'The product is archived: restore it first (`archived`).':
    '产品已归档：请先恢复（`archived`）。',
  'Not your county, or a write from another site’s page.':
    '不是本县的产品，或来自其他网站页面的写请求。',
  'No such designation (or one you may not see).':
    '没有该地理标志（或您无权看到）。',
  'Removed':
    '已删除',
  'Officials of the product’s county and admins; audited.':
    '所在县的工作人员和管理员可操作，记入修改记录。',
  'An Excel workbook':
    'Excel 工作簿',
  'Audited.':
    '记入修改记录。',
  'An Excel workbook, streamed':
    'Excel 工作簿，边生成边发送',
  // versions: no lost edit (server/versions.ts)
  'No edit is lost silently: every answer an official who may change something reads carries that thing’s version (`version`; a product also `participantsVersion` and `figuresVersion`, a dossier `checklistVersion`, a specification record `etag`), which covers exactly what one write replaces, so changes to different parts of one product never conflict. Every write that changes something already there names the version it is based on in `If-Match` (`*`: whatever is there now): without it 428, and when someone changed it since, 412 with what is there now in `error.current`, and nothing written.':
    '修改不会悄无声息地丢失：有权修改某项内容的工作人员读到的答复都带有该内容的版本（`version`；产品另有 `participantsVersion` 和 `figuresVersion`，申报材料清单有 `checklistVersion`，质量技术要求的每条记录为 `etag`），版本只涵盖一次写操作所替换的内容，因此同一产品不同部分的修改互不冲突。修改已有内容的写操作须在 `If-Match` 中写明所依据的版本（`*` 表示不论现在是什么）：缺少时返回 428；若他人已在此后修改，返回 412，`error.current` 为现在的内容，且不写入任何内容。',
  'Someone changed (or removed) what this changes since the version in `If-Match` was read (`stale_version`): nothing was written; `error.current` is what is there now, with its version (null when it is gone).':
    '在读取 `If-Match` 所写版本之后，他人已修改（或删除）了要修改的内容（`stale_version`）：未写入任何内容；`error.current` 为现在的内容及其版本（已不存在时为 `null`）。',
  'The write did not say which version it is based on (`version_required`): send it in `If-Match` (or `*`). Nothing was written.':
    '写操作未说明所依据的版本（`version_required`）：请在 `If-Match` 中写明（或写 `*`）。未写入任何内容。',
  'The version of what was written, quoted: the next write to it sends it back in `If-Match`':
    '所写内容的版本（带引号）：下一次修改时放在 `If-Match` 中发回',
  'The `version` of what this changes, as its answer carried it, or `*` for whatever is there now.':
    '要修改内容的 `version`（取自其答复），或 `*` 表示不论现在是什么。',
  'The product’s `version` (of its own fields, as GET /api/products/{id} carries it to its officials), or `*` for whatever is there now.':
    '产品的 `version`（产品本身字段的版本，`GET /api/products/{id}` 向其工作人员返回），或 `*` 表示不论现在是什么。',
  'The product’s `participantsVersion`, or `*` for whatever is there now.':
    '产品的 `participantsVersion`，或 `*` 表示不论现在是什么。',
  'The product’s `figuresVersion`, or `*` for whatever is there now.':
    '产品的 `figuresVersion`，或 `*` 表示不论现在是什么。',
  'The designation’s `version`, or `*` for whatever is there now.':
    '该地理标志的 `version`，或 `*` 表示不论现在是什么。',
  'The record’s `etag` (its `version` is the edition’s own name), or `*` for whatever is there now.':
    '该条记录的 `etag`（其 `version` 字段是版本本身的名称），或 `*` 表示不论现在是什么。',
  'The item’s `version` (`absent` for an item never filled in), or `*` for whatever is there now.':
    '该项材料的 `version`（从未填写过的为 `absent`），或 `*` 表示不论现在是什么。',
  'The dossier’s `checklistVersion`, or `*` for whatever is there now.':
    '申报材料的 `checklistVersion`，或 `*` 表示不论现在是什么。',
  'The scope’s `version` (`absent` when the designation keeps none), or `*` for whatever is there now.':
    '保护范围的 `version`（该地理标志尚无保护范围时为 `absent`），或 `*` 表示不论现在是什么。',
  'The year’s return’s `version` (`absent` when it has none yet), or `*` for whatever is there now.':
    '该年度报告的 `version`（尚无报告时为 `absent`），或 `*` 表示不论现在是什么。',
  'The checklist’s `version` (a number every change moves), or `*` for whatever is there now.':
    '材料清单的 `version`（每次修改都会递增的数字），或 `*` 表示不论现在是什么。',
};
