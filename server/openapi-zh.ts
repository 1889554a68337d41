/**
 * The Chinese of every text the HTTP API's description carries (server/openapi-operations.ts, the shared
 * answers and parameters of server/openapi.ts, descriptions in db/model), keyed by the English exactly as
 * it is written there: the API page in Chinese (GET /api/docs, server/openapi-page.ts) shows these. A
 * text with no entry, new or reworded, is shown in English marked `lang="en"`, and
 * test/server/api-docs-language.test.ts fails until its Chinese is added here. Identifiers, paths and
 * codes stay in backticks, as in the English.
 */

/** English text of the API description → its Chinese. */
export const ZH: Readonly<Record<string, string>> = {
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
  // listProducts
  'Products matching the filters':
    '符合筛选条件的产品',
  'The public sees public, current products. `q` is words, each found in the Chinese name (沁水 蜂蜜), its toneless pinyin (qinshui fengmi) or initials (qsfm), or the English name, case aside. Ordered by name: by the pinyin of the Chinese name (`lang=zh`, the default), or alphabetically by the English name, else that pinyin (`lang=en`); each item carries its `namePinyin`. Signed in, `mine=1` lists the products of the viewer’s county (every product for an admin), drafts included, and `archived=1` the archived ones.':
    '公众看到公开的、未归档的产品。`q` 为若干个词，每个词可匹配中文名称（沁水 蜂蜜）、不带声调的拼音（`qinshui fengmi`）、拼音首字母（`qsfm`）或英文名称，不区分大小写。按名称排序：按中文名称的拼音（`lang=zh`，默认），或按英文名称的字母顺序、没有英文名称时按拼音（`lang=en`）；每项带有 `namePinyin`。登录后，`mine=1` 列出本人所在县的产品（管理员为全部产品），包括草稿；`archived=1` 列出已归档的产品。',
  'The `ETag` of the copy the client has: 304 when it is current.':
    '客户端已有副本的 `ETag`：内容未变时返回 304。',
  'OK':
    '成功',
  'Not modified: the client’s copy (`If-None-Match`) is current.':
    '未修改：客户端的副本（`If-None-Match`）仍是最新的。',
  'Bad request: the input is wrong; `issues` says where.':
    '请求有误：输入不正确，`issues` 指出错在哪里。',
  '`mine` or `archived` without a session.':
    '未登录时使用了 `mine` 或 `archived`。',
  // createProduct
  'Create a product':
    '新建产品',
  'A draft unless `visibility` says `public`. Officials may only name their own county.':
    '除非 `visibility` 为 `public`，否则保存为草稿。县级工作人员只能填写本县。',
  'Created':
    '已创建',
  'Not signed in (or the session has ended).':
    '未登录（或会话已结束）。',
  'Signed in but not allowed (another county, admins only, a role that does not do this: security admins and auditors touch no content), a write while the password has expired (`password_expired`), or a write from another site’s page (`Origin`).':
    '已登录但无权操作（其他县的数据、仅限管理员的操作、角色不负责此事：安全管理员和审计管理员不接触登记内容），密码已过期时的写操作（`password_expired`），或来自其他网站页面的写请求（`Origin`）。',
  'Signed in (any role).':
    '需登录（任何角色）。',
  'Signed in as a security admin (or a city admin, unless duties are separated).':
    '需以安全管理员身份登录（未实行三员分立时，市级管理员也可以）。',
  'Signed in as an auditor (or a city admin, unless duties are separated).':
    '需以审计管理员身份登录（未实行三员分立时，市级管理员也可以）。',
  'A current product you may see has a look-alike name (same after NFKC, invisible characters and spaces removed: `duplicate_name`).':
    '您可见的现有产品中已有名称相近的（经 NFKC 规范化、去掉不可见字符和空格后相同：`duplicate_name`）。',
  'The body is too large (JSON: 2 MB; an import: 7 MB of base64, and the file’s own limits).':
    '请求体过大（JSON 不超过 2 MB；导入不超过 7 MB 的 base64 编码，另有文件本身的限制）。',
  'A body that is not `application/json`.':
    '请求体不是 `application/json`。',
  // getProduct
  'One product in full':
    '一个产品的完整信息',
  'Drafts and archived products are visible only to the officials of their county and to admins. Each designation carries its specification’s versions (`specifications`, newest first, the current one flagged `current`; `documentId` only when the viewer may read that file) and its public contacts (`managingBody`, `managingContact`, `testingBody`).':
    '草稿和已归档的产品只有所在县的工作人员和管理员可见。每项地理标志带有质量技术要求的各个版本（`specifications`，最新的在前，现行版本标记 `current`；只有查看者有权读取该文件时才给出 `documentId`）和公开的联系信息（`managingBody`、`managingContact`、`testingBody`）。',
  'A numeric id':
    '数字编号',
  'No such thing, or not visible to this viewer.':
    '不存在，或查看者无权看到。',
  // updateProduct
  'Change a product':
    '修改产品',
  'Any subset of the editable fields.':
    '可修改任意几项可编辑的字段。',
  'Not your county, or taking another county off a shared product (an admin’s decision).':
    '不是本县的产品，或把其他县从共有产品中去掉（这需要管理员决定）。',
  'The product is archived: restore it first (`archived`), or the new name is a look-alike of another product’s (`duplicate_name`).':
    '产品已归档：请先恢复（`archived`）；或新名称与另一个产品的名称相近（`duplicate_name`）。',
  // archiveProduct
  'Archive a product':
    '归档产品',
  'Never deleted: the product leaves the public registry and can be restored. Answers with the archived product.':
    '不会删除：产品退出公开登记，之后可以恢复。返回归档后的产品。',
  'The archived product':
    '已归档的产品',
  'Not your county, or a product shared with another county (an admin archives it).':
    '不是本县的产品，或与其他县共有的产品（由管理员归档）。',
  'The product is archived already (`archived`).':
    '产品已经归档（`archived`）。',
  // getProductPoints
  'Points of the filtered products (GeoJSON)':
    '筛选出的产品的位置点（GeoJSON）',
  'Searched as the list is (`q`); the products come in the order of a Chinese list (by the pinyin of their Chinese name), each feature carrying `namePinyin` for a list in another order.':
    '搜索方式与列表相同（`q`）；产品按中文列表的顺序排列（按中文名称的拼音），每个要素带有 `namePinyin`，便于按其他顺序排列。',
  'A FeatureCollection of points':
    '位置点的要素集合（`FeatureCollection`）',
  // getProductClusters
  'The map’s clusters in one tile (GeoJSON)':
    '地图上一个瓦片内的聚合点（GeoJSON）',
  'The places of `/api/products.geojson` that are points (exact, village and township; never county-level places), clustered by the server for a web-mercator tile (`z` 0–17, `x` and `y` as slippy-map tiles number them), with the same filters. A tile holds the clusters and single places whose centre lies in it, so the tiles of a zoom add up to every point once. A cluster says how many places it stands for (`count`), how many of them are exact spots (`exact`; the rest are somewhere in their village or township), the zoom at which it splits (`expansionZoom`) and one of its products’ names; at zoom 17 every place stands alone.':
    '`/api/products.geojson` 中以点表示的位置（精确位置、村级和乡镇级；县级位置从不作为点），由服务器按 Web 墨卡托瓦片聚合（`z` 为 0–17，`x` 和 `y` 按通行的瓦片编号），筛选条件相同。一个瓦片包含中心落在其中的聚合点和单个位置，因此同一缩放级别的各瓦片合计恰好包含每个点一次。聚合点给出所代表的位置数（`count`）、其中精确位置的个数（`exact`；其余只知在所属村或乡镇内）、展开的缩放级别（`expansionZoom`）和其中一个产品的名称；缩放级别 17 时每个位置单独显示。',
  'A FeatureCollection of clusters and points':
    '聚合点和位置点的要素集合（`FeatureCollection`）',
  'An RFC 7946 FeatureCollection (WGS84) of the tile’s clusters (`properties.cluster: true`) and single places (the features of `/api/products.geojson` that are points). County-level places are never points, so never in a tile.':
    '瓦片内聚合点（`properties.cluster: true`）和单个位置（`/api/products.geojson` 中以点表示的要素）的 RFC 7946 要素集合（WGS84 坐标）。县级位置从不作为点，因此不会出现在瓦片中。',
  // getMapSummary
  'The map page’s numbers and a page of its list':
    '地图页的各项数字及其列表的一页',
  'What the public map shows beside its markers, made from the places of `/api/products.geojson` under the same filters: how many products, of each GI type (holding or seeking it) and candidates; how many are placed how precisely and how many places are drawn as points; each county’s number and shading (`measure`: designations of the chosen type in the chosen status, in force when none) and badge (products known in that county alone, with no point in view); the products known in several counties, counted apart; and a page of the list (`limit`, default 100), by name in `lang` (as `/api/products` orders it), from `offset` or, with `at`, the page holding that product (its `offset` a multiple of `limit`). A county filter maps that county alone.':
    '公开地图在标记之外显示的内容，由 `/api/products.geojson` 在相同筛选条件下的位置得出：产品数、各类地理标志（持有或正在申请）的产品数和培育对象数；各精确程度的产品数和作为点绘制的位置数；各县的数字和着色（`measure`：所选类型、所选状态的地理标志数，未选状态时计有效的）和县上标注（只知在该县、视野内无点的产品数）；只知在多个县的产品（单独计数）；以及列表的一页（`limit`，默认 100），按 `lang` 的名称顺序排列（与 `/api/products` 相同），从 `offset` 开始，或用 `at` 取得包含该产品的那一页（其 `offset` 为 `limit` 的倍数）。按县筛选时只显示该县的地图。',
  '`at` names a product that is not in the list under these filters.':
    '`at` 所指的产品不在此筛选条件下的列表中。',
  // restoreProduct
  'Restore an archived product':
    '恢复已归档的产品',
  'The restored product':
    '恢复后的产品',
  'The product is not archived (`not_archived`), or its name has been taken meanwhile (`duplicate_name`).':
    '产品没有归档（`not_archived`），或其名称在此期间已被占用（`duplicate_name`）。',
  // replaceParticipants
  'Replace the cooperative-farmer model':
    '整体替换“企业（协会）+ 合作社 + 农户”模式',
  'The product is archived: restore it first (`archived`).':
    '产品已归档：请先恢复（`archived`）。',
  // replaceFigures
  'Replace the industry figures by year':
    '按年度整体替换产业数据',
  'The whole series: each year (1949 to this year, once) with households, area (亩), yield per mu (`yieldKgPerMu`, 亩产 in kg, at most 100,000), output (吨), value (万元), a note and sources; a figure not known is null. Area × yield per mu is the ceiling the signals hold declared marked volumes against (`GET /api/signals`). Officials of the product’s county and admins; audited. The tally sums each product’s latest year.':
    '完整的年度序列：每一年（1949 年至今年，每年一次）的农户数、面积（亩）、亩产（`yieldKgPerMu`，千克，不超过 100,000）、产量（吨）、产值（万元）、备注和来源；未知的数据为 `null`。面积 × 亩产是用标信号核对申报用标数量的上限（`GET /api/signals`）。所在县的工作人员和管理员可操作，记入修改记录。统计汇总每个产品最近一年的数据。',
  'The series as kept, oldest year first':
    '保存后的序列，最早的年份在前',
  'A year outside 1949 to this year or listed twice, a negative or too large figure (a yield above 100,000 kg per mu), or more than 100 years.':
    '年份不在 1949 年至今年之间或重复，数据为负数或过大（亩产超过 100,000 千克），或超过 100 年。',
  'Not your county, or a write from another site’s page.':
    '不是本县的产品，或来自其他网站页面的写请求。',
  // getProductQr
  'The QR code of a product’s public page (SVG)':
    '产品公开页面的二维码（SVG）',
  'Encodes `<base>/products/{id}`, where the base is the server’s `PUBLIC_BASE_URL` (never the Host a request names). Only public, current products have one, and only when the server knows its public address.':
    '编码的地址为 `<base>/products/{id}`，其中 `base` 为服务器的 `PUBLIC_BASE_URL`（从不取请求中的 Host）。只有公开、未归档的产品有二维码，且须服务器知道自己的公开地址。',
  'An SVG image; its `<title>` is the address it encodes':
    'SVG 图像；其 `<title>` 为编码的地址',
  'No such product, or one that is a draft or archived (it has no public page), or `PUBLIC_BASE_URL` is not set (`no_public_address`).':
    '没有该产品，或产品为草稿、已归档（没有公开页面），或未设置 `PUBLIC_BASE_URL`（`no_public_address`）。',
  // createDesignation
  'Start a designation (cultivating)':
    '新建一项地理标志（培育中）',
  'With `convertedFromId`, it is started as the conversion of that designation (统一认定: of the same product, granted, of a type converting into `giType`): its dossier follows the conversions’ checklist, and it is granted by recording the conversion (POST /api/designations/{id}/conversion).':
    '带 `convertedFromId` 时，作为该项地理标志的转换（统一认定：同一产品、已获批、其类型可转换为 `giType`）开始：申报材料按转换的清单，记录转换（`POST /api/designations/{id}/conversion`）时获批。',
  'A field is wrong, or `convertedFromId` is not a designation of this product converting into `giType`.':
    '字段有误，或 `convertedFromId` 不是本产品中可转换为 `giType` 的地理标志。',
  'The product is archived: restore it first (`archived`); or the designation named by `convertedFromId` is not granted (`not_convertible`), already converted (`already_converted`) or already being converted (`conversion_under_way`).':
    '产品已归档：请先恢复（`archived`）；或 `convertedFromId` 所指的地理标志尚未获批（`not_convertible`）、已经转换（`already_converted`）或正在转换（`conversion_under_way`）。',
  // updateDesignation
  'Change a designation':
    '修改地理标志',
  'Its details, not its type or status: holder, numbers, term, notes, sources, and the public contacts (`managingBody` 申请人/管理机构, `managingContact`, `testingBody` 检测机构). Its specification has its own operations.':
    '修改其详细信息，而非类型或状态：持有人、编号、有效期、备注、来源，以及公开的联系信息（`managingBody` 申请人/管理机构、`managingContact`、`testingBody` 检测机构）。质量技术要求另有接口。',
  // moveDesignation
  'Move a designation to another status':
    '变更地理标志的状态',
  'The designation after the move':
    '变更后的地理标志',
  'A field is wrong, the date is in the future or before the previous move, or `to` is `converted` (a conversion is recorded with POST /api/designations/{id}/conversion).':
    '字段有误，日期晚于今天或早于上一次变更，或 `to` 为 `converted`（转换用 `POST /api/designations/{id}/conversion` 记录）。',
  'The move is not allowed from the current status (`illegal_transition`), the product is archived (`archived`), filing while the dossier is not complete without `confirmIncomplete: true` (`dossier_incomplete`), or granting a designation started as a conversion before the conversion is recorded (`conversion_not_recorded`).':
    '当前状态不能变更为该状态（`illegal_transition`），产品已归档（`archived`），申报材料不齐全且未带 `confirmIncomplete: true` 就申报（`dossier_incomplete`），或作为转换开始的地理标志在记录转换之前获批（`conversion_not_recorded`）。',
  // recordConversion
  'Record the conversion of an agricultural-product GI into a 地理标志产品':
    '记录农产品地理标志转换为地理标志产品',
  'In one transaction: the designation (of a type that converts, granted) moves `granted → converted` on `on`, and the designation it became is granted on that day: the one named by `designationId` (same product, the target type, in progress or granted on exactly that day), or else a new one with `announcement` and `number`, carrying the converted one’s protected area to be re-verified (holder and authorised users are recorded as announced, not copied). Both answers link each other (`convertedTo`, `convertedFrom`). Officials of the product’s county and admins; audited.':
    '在一个事务中完成：该地理标志（可转换的类型，已获批）于 `on` 日由 `granted → converted`，转换所得的地理标志于同日获批——或为 `designationId` 所指的那一项（同一产品、目标类型、申报中或恰于当日获批），或为带 `announcement` 和 `number` 的新一项，并带上原地理标志的保护范围待重新核实（持有人和授权用标企业按公告记录，不复制）。两项的返回内容互相链接（`convertedTo`、`convertedFrom`）。所在县的工作人员和管理员可操作，记入修改记录。',
  'The converted designation and the one it became':
    '已转换的地理标志及转换所得的地理标志',
  'A field is wrong: `announcement` missing, `on` after today or before the grant, or `designationId` of another product or type, or granted on another day; or the designation is of a type that does not convert (`not_convertible`).':
    '字段有误：缺少 `announcement`，`on` 晚于今天或早于获批日期，`designationId` 属于其他产品或类型，或于其他日期获批；或该地理标志的类型不能转换（`not_convertible`）。',
  'No such designation (or one you may not see).':
    '没有该地理标志（或您无权看到）。',
  'It is not granted (`not_convertible`) or already converted (`already_converted`), another conversion of it is under way (`conversion_under_way`), the designation named converts another (`already_linked`) or is ended (`target_not_open`), or the product is archived (`archived`).':
    '尚未获批（`not_convertible`）或已经转换（`already_converted`），另一次转换正在进行（`conversion_under_way`），所指的地理标志已是另一项的转换（`already_linked`）或已终止（`target_not_open`），或产品已归档（`archived`）。',
  // addSpecification
  'Add a version of a designation’s specification':
    '为地理标志的质量技术要求增加一个版本',
  'The 质量技术要求 or the standard that carries it (DB14/T …): a first version, an earlier one, or an amendment. Only the title is required; `issuedOn` is a partial date not after today, `url` a whole http(s) address, `documentId` a document of the same product. The current version is the latest by `issuedOn` (as recorded where the dates cannot tell; undated ones count as older). Officials of the product’s county and admins; audited. The versions are read with the product, newest first.':
    '质量技术要求或承载它的标准（DB14/T …）：第一个版本、更早的版本或修订版。只有名称必填；`issuedOn` 为不晚于今天的日期（可只写到年或月），`url` 为完整的 `http(s)` 地址，`documentId` 为同一产品的文件。现行版本是 `issuedOn` 最晚的版本（日期无法区分时按录入顺序；未注明日期的视为更早）。所在县的工作人员和管理员可操作，记入修改记录。各版本随产品一起读取，最新的在前。',
  'A field is wrong: a link that is not http(s) (`javascript:`, `data:`, `ftp:`…), a date in the future, a title missing or too long, or a document of another product.':
    '字段有误：链接不是 `http(s)` 地址（`javascript:`、`data:`、`ftp:` 等），日期晚于今天，名称缺失或过长，或文件属于其他产品。',
  // updateSpecification
  'Correct a version of a specification':
    '更正质量技术要求的一个版本',
  'Any of its fields (null clears an optional one); the version is checked again as a whole. Audited.':
    '可修改任意字段（`null` 清除可选字段）；修改后整体重新检查该版本。记入修改记录。',
  'A field is wrong, as for adding one.':
    '字段有误，规则与新增时相同。',
  'No such version (or one you may not see).':
    '没有该版本（或您无权看到）。',
  // deleteSpecification
  'Remove a version of a specification':
    '删除质量技术要求的一个版本',
  'The history keeps what it was.':
    '修改记录中保留其原有内容。',
  'Removed':
    '已删除',
  // addAuthorizedUser
  'Add an authorised user of a GI’s official mark':
    '为地理标志专用标志增加一家授权用标企业',
  'Officials of the product’s county and admins; audited.':
    '所在县的工作人员和管理员可操作，记入修改记录。',
  'A field is wrong, the basis does not fit the mark (collective members only of collective marks, licensees only of certification marks), or a decision is incomplete or dated after today (see updateAuthorizedUser).':
    '字段有误，授权依据与标志不符（集体成员只适用于集体商标，被许可人只适用于证明商标），或处罚决定信息不完整、日期晚于今天（见 `updateAuthorizedUser`）。',
  'The credit code is already a user of this GI (`duplicate_user`), or the product is archived (`archived`).':
    '该统一社会信用代码已是这项地理标志的用标企业（`duplicate_user`），或产品已归档（`archived`）。',
  // updateAuthorizedUser
  'Change an authorised user (e.g. suspend or revoke it, with its decision)':
    '修改授权用标企业（如暂停或撤销授权，并附决定）',
  'A suspension or revocation takes its decision: `decisionReason`, `decisionNumber` (决定书文号), `decisionOn` and `displayWindow` (`3_months` for a simple penalty, `3_years` otherwise: 《市场监督管理行政处罚信息公示规定》, 2021). The server keeps `displayUntil` = `decisionOn` + the window; the public sees the decision (on /verify and the product page) from `decisionOn` to `displayUntil`, and not at all once `decisionWithdrawnOn` is set (the rules take a decision down within 3 working days when it is overturned). After the window the user is simply not listed as valid, with no decision. The merged user is checked as a whole; nothing changes on a refusal.':
    '暂停或撤销须附决定：`decisionReason`、`decisionNumber`（决定书文号）、`decisionOn` 和 `displayWindow`（简易程序处罚为 `3_months`，其他为 `3_years`：《市场监督管理行政处罚信息公示规定》，2021 年）。服务器保存 `displayUntil` = `decisionOn` + 公示期；公众自 `decisionOn` 起至 `displayUntil` 止可看到该决定（在 `/verify` 和产品页面），设置 `decisionWithdrawnOn` 后则完全不再显示（按规定，决定被撤销的，应在 3 个工作日内撤下公示）。公示期满后，该企业只是不再列为有效，不再显示决定。修改后的企业信息整体检查；被拒绝时不作任何改动。',
  'A field is wrong; a decision number, reason, window or withdrawal without the decision’s date; a date without a window; a withdrawal before the decision; or a decision or withdrawal dated after today.':
    '字段有误；决定书文号、原因、公示期或撤下公示缺少决定日期；有日期而无公示期；撤下公示早于决定；或决定、撤下公示的日期晚于今天。',
  'The credit code is already another user of this GI (`duplicate_user`), or the product is archived (`archived`).':
    '该统一社会信用代码已是这项地理标志的另一家用标企业（`duplicate_user`），或产品已归档（`archived`）。',
  // listUserReturns
  'An authorised user’s yearly usage returns and open links':
    '授权用标企业的年度用标情况报告和未用的填报链接',
  'Newest year first, with the open (unused, unexpired) links issued for it: their years and ends, never their tokens. Officials of the GI’s county and admins.':
    '最新年度在前，并附为其发出的有效（未使用、未过期）链接：年度和截止时间，从不返回链接令牌。地理标志所在县的工作人员和管理员可查看。',
  // enterUsageReturn
  'Enter (or replace) a user’s return for a year':
    '录入（或替换）企业某一年度的用标情况报告',
  'Entered by the county, a return is `accepted` at once (`via: county`). Volumes are 0 to 1,000,000 t, the marked volume not above the output; the year lies from the user’s first year of use to this year. Audited.':
    '由县里录入的报告立即为 `accepted`（`via: county`）。数量为 0 至 1,000,000 吨，用标数量不超过产量；年度须在该企业开始用标的年份至今年之间。记入修改记录。',
  'The year’s return, replaced':
    '该年度的报告，已替换',
  'A new return':
    '新的报告',
  'A negative or absurd volume, more marked than produced, too many channels, or a year outside the user’s years.':
    '数量为负数或不合常理，用标数量超过产量，渠道过多，或年度不在该企业的用标年份之内。',
  'A user of another county’s GI, or a write from another site’s page.':
    '其他县地理标志的用标企业，或来自其他网站页面的写请求。',
  // listDesignationReturns
  'The usage returns and open links of every user of a designation':
    '一项地理标志所有用标企业的用标情况报告和未用的填报链接',
  // reviewUsageReturn
  'Accept a company’s return, or return it for correction':
    '接受企业提交的报告，或退回修改',
  'Returning needs a note saying why; the county can then issue a new link. Audited.':
    '退回须附说明原因；之后县里可以发出新的链接。记入修改记录。',
  'The return is not awaiting review (`not_submitted`: entered by the county, accepted or returned already), or the product is archived (`archived`).':
    '该报告不在待审核状态（`not_submitted`：由县里录入、已接受或已退回），或产品已归档（`archived`）。',
  // issueReturnLink
  'Issue a link for a user to fill in a year’s return':
    '发出填报链接，供企业填报某一年度的报告',
  'A random, single-use address `/return/<token>` (30 days unless `days` says otherwise, at most 90) and its QR code; only the token’s hash is kept, so the address is shown this once. An older open link for the same user and year ends now. Audited.':
    '随机生成、只能使用一次的地址 `/return/<token>`（有效 30 天，可用 `days` 另行指定，最多 90 天）及其二维码；只保存令牌的哈希值，因此地址只在此时显示一次。同一企业同一年度此前未用的链接随即失效。记入修改记录。',
  'The year’s return is accepted already (`return_accepted`) or awaits review (`return_submitted`), or the product is archived (`archived`).':
    '该年度的报告已被接受（`return_accepted`）或正在等待审核（`return_submitted`），或产品已归档（`archived`）。',
  // getReturnLink
  'What a return link is for: the user, its GI and the year':
    '填报链接的用途：企业、地理标志和年度',
  'For the company holding the link, without an account: the token is the only key. Nothing else of the registry’s private data. Limited per address.':
    '供持有链接的企业使用，无需账号：令牌是唯一的凭据。不返回登记系统的其他非公开数据。按来源地址限制次数。',
  'No such link.':
    '没有该链接。',
  'The link has been used (`link_used`), has expired (`link_expired`), or its product is archived (`link_void`).':
    '该链接已使用（`link_used`）、已过期（`link_expired`），或其产品已归档（`link_void`）。',
  'Too many attempts, or too many at once; retry after `Retry-After` seconds.':
    '尝试次数过多，或同时进行的过多；请在 `Retry-After` 秒后重试。',
  // submitReturnByLink
  'Submit a year’s return through its link (once)':
    '通过填报链接提交某一年度的报告（只能一次）',
  'Kept as `submitted` (`via: link`) until the county accepts or returns it; the link is used up. The body names no user and no year: the link says which. Limited per address.':
    '保存为 `submitted`（`via: link`），直到县里接受或退回；链接随即用完。请求体中不写企业和年度：由链接决定。按来源地址限制次数。',
  'The year’s return was meanwhile accepted (`return_accepted`).':
    '该年度的报告在此期间已被接受（`return_accepted`）。',
  // getMarkUse
  'A product’s use of its marks by year (aggregates only)':
    '产品各年度使用专用标志的情况（仅汇总数）',
  'Per designation and year with accepted yearly usage returns: how many authorised users declared a marked volume (`reporters`), their total in tonnes against the ceiling of that year’s figures (area × yield per mu, else the output; `basis` says which, `unknown` when neither is known). Never one company’s volume: a year with fewer than `minReporters` (3) reporters has `markedTonnes: null` and `withheld: true`.':
    '按地理标志和年度，汇总已接受的年度用标情况报告：有多少家授权用标企业申报了用标数量（`reporters`），合计吨数与当年产业数据所定上限的对比（面积 × 亩产，没有时用产量；`basis` 说明用的是哪一种，两者都未知时为 `unknown`）。从不给出单个企业的数量：申报企业少于 `minReporters`（3 家）的年度，`markedTonnes: null` 且 `withheld: true`。',
  'No such product, or one the viewer may not read (a draft or archived product for the public).':
    '没有该产品，或查看者无权读取（对公众而言的草稿或已归档产品）。',
  // getSignals
  'Signals from the yearly usage returns':
    '年度用标情况报告中的异常信号',
  'For the viewer’s county (an admin: every county, or `county`): each GI and year whose accepted returns declare more marked tonnes than the ceiling of the product’s figures for that year (`exceeds`; equal is not above; no figures: basis `unknown`, never flagged), active users with no accepted or submitted return for the last two complete years they were authorised in, and users whose term ends within 90 days (today by the server’s clock, Asia/Shanghai).':
    '查看者所在县（管理员为全部县，或 `county` 指定的县）：已接受的报告申报的用标吨数超过当年产业数据上限的地理标志和年度（`exceeds`；相等不算超过；没有产业数据时 `basis` 为 `unknown`，不标记），在最近两个完整的授权年度中没有已接受或已提交报告的在用企业，以及授权期限在 90 天内到期的企业（今天按服务器时钟，北京时间）。',
  'An official named another county.':
    '县级工作人员指定了其他县。',
  // getZoneReadiness
  'Demonstration-zone readiness of the GIs in force':
    '有效地理标志的保护示范区条件',
  'Per granted GI of the viewer’s county (an admin: the city, or `county`): authorised users in force ÷ producers (the latest figures’ households up to last year, else the cooperative-farmer model’s enterprises, cooperatives and farmer households: `basis`), last year’s accepted marked tonnes ÷ that year’s output, and whole years since the grant, each `pass`, `fail` or `unknown` against the thresholds; `closest` names the GIs not yet eligible, most criteria met first, then the smallest gap.':
    '查看者所在县（管理员为全市，或 `county` 指定的县）的每项已获批地理标志：有效授权用标企业数 ÷ 生产者数（截至去年最新产业数据中的农户数，没有时用“企业（协会）+ 合作社 + 农户”模式中的企业、合作社和农户数：`basis`），去年已接受的用标吨数 ÷ 当年产量，以及获批以来的整年数，各项对照门槛为 `pass`、`fail` 或 `unknown`；`closest` 列出尚不符合条件的地理标志，满足条件多的在前，其次差距小的在前。',
  // getReadinessSettings
  'The demonstration-zone thresholds':
    '保护示范区的门槛',
  // putReadinessSettings
  'Change the demonstration-zone thresholds (admins)':
    '修改保护示范区的门槛（管理员）',
  'Shares from 0 to 1 (national: 0.6; a province may use 0.5), whole years from 0 to 20 (national: 3). Audited.':
    '比例为 0 至 1（国家标准：0.6；省级可用 0.5），整年数为 0 至 20（国家标准：3）。记入修改记录。',
  'A share outside 0–1, years not a whole number from 0 to 20, a field missing or unknown: nothing is changed.':
    '比例不在 0 至 1 之间，年数不是 0 至 20 的整数，字段缺失或无法识别：不作任何改动。',
  'Not an admin, or a write from another site’s page.':
    '不是管理员，或来自其他网站页面的写请求。',
  // verifyEnterprise
  'May this company use a GI mark?':
    '这家企业能否使用地理标志专用标志？',
  'A credit code (exact) or a name or part of it (2+ characters). Answers which GIs of the public registry the company is authorised to use, since when, and whether it may today (`valid`, with the `reason` when not), with what a genuine label of each GI shows (`number` or `announcement` by GI type, `specification` when the registry holds one, `labels`: photos of a genuine label). `kind` says what the answer means: `found`; `not_found` (not among the `registry.users` enterprises using `registry.designations` GIs, as of `registry.lastChangedOn`: the newest change of a user of a public product); `empty_registry` (the registry holds no users yet, so absence proves nothing); `invalid_code` (18 characters read as a credit code whose GB 32100 check character is wrong: nothing is looked up). A suspension or revocation is named (`reason` `suspended`/`revoked`, with its `decision`) only while its decision is shown; otherwise the reason is `not_authorised`. A `not_found` or `empty_registry` answer counts the query (as a comparable name, or the code) in the officials’ list of misses. Limited per address; answers may be kept by caches for 60 s.':
    '统一社会信用代码（完全一致）或名称、名称的一部分（至少 2 个字）。返回该企业获授权使用公开登记中的哪些地理标志、自何时起、今天能否使用（`valid`，不能时附 `reason`），以及每项地理标志的真品标签上应有什么（按地理标志类型为 `number` 或 `announcement`，登记中有质量技术要求时为 `specification`，`labels` 为真品标签的照片）。`kind` 说明结果的含义：`found`；`not_found`（截至 `registry.lastChangedOn`，即公开产品的用标企业最近一次变动，不在使用 `registry.designations` 项地理标志的 `registry.users` 家企业之中）；`empty_registry`（登记中还没有用标企业，查不到不能说明任何问题）；`invalid_code`（按统一社会信用代码读取的 18 位字符，其 GB 32100 校验码不对：不作查询）。只有在处罚决定公示期间才会说明暂停或撤销（`reason` 为 `suspended` 或 `revoked`，附其 `decision`）；否则原因为 `not_authorised`。结果为 `not_found` 或 `empty_registry` 时，查询内容（规范化后的名称或代码）计入工作人员的“查询未果”清单。按来源地址限制次数；结果可被缓存 60 秒。',
  // listVerifyMisses
  'What the public looked for on /verify and did not find':
    '公众在 `/verify` 上查询而未查到的内容',
  'Names (as compared: NFKC, no spaces, lower case) and credit codes asked at least `minCount` (3) times without an answer, most asked first, with the first and last time: a company buyers meet that the registry does not list. Counts only: never who asked. Codes with a wrong check character are not counted. Signed-in officials and admins.':
    '至少被查询 `minCount`（3）次而无结果的名称（按比较时的形式：NFKC 规范化、去掉空格、小写）和统一社会信用代码，查询次数多的在前，附首次和最近一次查询时间：即买家遇到而登记中没有的企业。只有次数：从不记录是谁查询的。校验码错误的代码不计入。登录的工作人员和管理员可查看。',
  // checkScope
  'Match an announcement’s scope text to the current codes':
    '将公告中的保护范围文字与现行代码对照',
  'Reads the pasted scope (保护范围) into the names it lists and matches each within the product’s counties against the 2023 township and village codes: `matched`, `renamed` (another suffix of its level), `misspelt` (same pinyin or one character off: `candidates`), `ambiguous`, `other_county`, `vanished` (not in the 2023 codes), `unknown`; checks a coordinate box against the counties. Keeps nothing: the official resolves each flag and PUTs the codes. Officials of the product’s county and admins.':
    '把粘贴的保护范围文字拆成其中列出的地名，在产品所在县内逐一与 2023 年乡镇、村代码对照：`matched`（匹配）、`renamed`（同级的另一种后缀）、`misspelt`（拼音相同或差一个字：`candidates`）、`ambiguous`（有歧义）、`other_county`（在其他县）、`vanished`（不在 2023 年代码中）、`unknown`（无法识别）；并检查坐标范围框是否在这些县内。不作保存：由工作人员逐项处理标记后，用 `PUT` 保存代码。所在县的工作人员和管理员可操作。',
  'Every name with what became of it, the box check and a tally':
    '每个地名及其对照结果、范围框检查结果和汇总',
  'A text over 20,000 characters (`scope_too_long`) or over 500 names (`scope_too_many_names`).':
    '文字超过 20,000 个字（`scope_too_long`）或超过 500 个地名（`scope_too_many_names`）。',
  // putScope
  'Keep a designation’s protected area as codes':
    '以代码保存地理标志的保护范围',
  'The text verbatim with its source and date, an optional box, and the township (the whole township) and village codes an official resolved it to. Each code must be current, listed once and in the product’s counties; nothing is kept otherwise. Audited.':
    '保存原文及其来源和日期、可选的范围框，以及工作人员确定的乡镇代码（整个乡镇）和村代码。每个代码须为现行代码，只列一次，且在产品所在县内；否则不作保存。记入修改记录。',
  'The scope as kept':
    '保存后的保护范围',
  'A field is wrong, a code is unknown, repeated or outside the product’s counties (`bad_scope_codes`, one issue per code), or the box lies off the counties (`scope_box_off`).':
    '字段有误，代码无法识别、重复或不在产品所在县内（`bad_scope_codes`，每个代码一条问题），或范围框不在这些县内（`scope_box_off`）。',
  'Over a limit: the text (`scope_too_long`, `scope_too_many_names`), or more than 2,000 codes (`scope_too_many_codes`).':
    '超出限制：文字（`scope_too_long`、`scope_too_many_names`），或超过 2,000 个代码（`scope_too_many_codes`）。',
  // deleteScope
  'Remove a designation’s protected area':
    '删除地理标志的保护范围',
  'No such designation, or it keeps no scope.':
    '没有该地理标志，或它没有保存保护范围。',
  // listDivisions
  'Townships and villages by county, level, name or code':
    '按县、级别、名称或代码查询乡镇和村',
  'The 2023 codes of Jincheng’s townships and villages, in code order (each township before its villages): at most 50, `truncated` when more match. `q` is a part of a name (NFKC, spaces ignored), a 12-digit code, or the first 9–11 digits of codes.':
    '晋城市乡镇和村的 2023 年代码，按代码顺序（每个乡镇排在其所辖村之前）：最多 50 条，匹配更多时 `truncated` 为真。`q` 为名称的一部分（NFKC 规范化，忽略空格）、12 位代码，或代码的前 9 至 11 位。',
  // lookupPlace
  'Is my village in a protected area?':
    '我的村在不在保护范围内？',
  'A village or township by name (or part of one, NFKC) or code (12 digits, or its first 9–11): each matching unit (at most 50) with the protected areas of granted GIs of the public registry that include it (its code listed, or its township listed whole), since when and from which announcement. `areas: []` means it lies in none. Limited per address.':
    '按名称（或名称的一部分，NFKC 规范化）或代码（12 位，或其前 9 至 11 位）查询村或乡镇：每个匹配的单位（最多 50 个）及包括它的、公开登记中已获批地理标志的保护范围（列出了其代码，或列出了其所在的整个乡镇），自何时起、出自哪份公告。`areas: []` 表示不在任何保护范围内。按来源地址限制次数。',
  // getDossier
  'A designation’s cultivation dossier':
    '地理标志的培育申报材料',
  'The public sees each item’s title and status and the public documents behind it; officials of the product’s county and admins also see owners, due dates, notes, overdue marks and template changes on offer.':
    '公众可看到每项材料的名称、状态及其公开的文件；所在县的工作人员和管理员还可看到负责人、截止日期、备注、逾期标记和可采用的清单更新。',
  // putDossierItem
  'Set one dossier item':
    '设置一项申报材料',
  'The item’s whole state: status, owner, due date, note and the documents (of the product or this designation) that back it. Audited.':
    '该项材料的完整状态：状态、负责人、截止日期、备注，以及作为依据的文件（本产品或这项地理标志的文件）。记入修改记录。',
  'The dossier after the change':
    '修改后的申报材料',
  'No such designation, or its dossier has no item with this key.':
    '没有该地理标志，或其申报材料中没有这一项。',
  'The dossier is closed (the designation is granted, rejected, withdrawn, …: `dossier_closed`) or the product is archived (`archived`).':
    '申报材料已关闭（地理标志已获批、被驳回、已撤回等：`dossier_closed`），或产品已归档（`archived`）。',
  // acceptDossierTemplate
  'Take the checklist’s current version':
    '采用材料清单的现行版本',
  'Applies the template change on offer (`templateOffer`): new items start missing, dropped items go, work on the others is kept.':
    '采用可用的清单更新（`templateOffer`）：新增的项目从“缺”开始，删去的项目移除，其他项目的进展保留。',
  'The checklist moved on since the offer (`stale_template`), or the dossier is closed (`dossier_closed`).':
    '清单在此之后又有更新（`stale_template`），或申报材料已关闭（`dossier_closed`）。',
  // getCultivationBoard
  'Every open candidate with its readiness (the cultivation board)':
    '所有在培育的对象及其准备程度（培育看板）',
  'An official sees their county’s candidates, an admin every county’s. Least ready first.':
    '县级工作人员看到本县的培育对象，管理员看到全部县的。准备程度最低的在前。',
  // exportCultivationXlsx
  'The cultivation board as XLSX':
    '培育看板（XLSX）',
  'An Excel workbook: one row per candidate':
    'Excel 工作簿：每个培育对象一行',
  // getTodo
  'What needs the signed-in official now (the workspace home)':
    '登录的工作人员现在需要处理的事项（工作台首页）',
  'Counted groups, soonest first: dossier items overdue and due within 30 days, drafts not published, trademarks due for renewal (the tally’s rule: in force, term ending within 12 months or lapsed), authorised users whose term ends within 90 days and those with no yearly return for the last two complete years (the signals’ rules, `GET /api/signals`) and, for admins, the next plan period once the last has ended. An official sees their county’s, an admin the city’s. Each item links to the workspace place where it is done.':
    '分组并计数，最紧急的在前：已逾期和 30 天内到期的申报材料、尚未公开的草稿、需要续展的商标（按统计的规则：有效且有效期在 12 个月内届满或已过期）、用标期在 90 天内届满的用标企业和最近两个完整年度都没有年度用标报告的用标企业（按用标提醒的规则，`GET /api/signals`），以及对管理员而言，最后一个规划期结束后的下一个规划期。县级工作人员看到本县的，管理员看到全市的。每一项都链接到工作台中办理它的地方。',
  // getDossierTemplate
  'The checklist a GI type’s dossiers start from (`conversion`: the one of designations started as a conversion)':
    '某类地理标志的申报材料开始时依据的清单（`conversion`：作为转换开始的地理标志所用的清单）',
  // putDossierTemplate
  'Replace a checklist (admins)':
    '整体替换一份清单（管理员）',
  'Moves the version: dossiers started later follow it; recorded dossiers are offered the change and keep theirs until they take it.':
    '更新版本：之后开始的申报材料按新版本；已有的申报材料会收到更新提示，在采用之前保持原样。',
  // uploadDocument
  'Attach a document or photo to a product':
    '为产品附加文件或照片',
  'One file (20 MiB at most, checked while it arrives) and its metadata. The type is recognised from the bytes; pictures are stored upright without their metadata (EXIF, GPS) and get a 320-pixel WebP thumbnail; Word and Excel files lose the names and picture metadata they carry; a PDF is kept byte for byte. Officials attach files to products of their own county.':
    '一个文件（最大 20 MiB，在接收过程中检查）及其信息。文件类型按内容识别；图片摆正后保存，去掉其元数据（EXIF、GPS），并生成 320 像素宽的 WebP 缩略图；Word 和 Excel 文件去掉其中的人名和图片元数据；PDF 原样保存。县级工作人员只能为本县产品附加文件。',
  'Wrong or missing fields, no file, a `photo` that is not a picture, a picture that cannot be decoded, a Word or Excel file that cannot be read, a PDF carrying a photo’s GPS position (`pdf_has_location`), or a designation of another product.':
    '字段有误或缺失，没有文件，`photo` 不是图片，图片无法解码，Word 或 Excel 文件无法读取，PDF 中带有照片的 GPS 位置（`pdf_has_location`），或地理标志属于其他产品。',
  'The body stopped arriving for 30 s (`upload_stalled`).':
    '请求内容停止传输达 30 秒（`upload_stalled`）。',
  'The file is over 20 MiB (20,971,520 bytes; that size itself is taken), a picture over 100 megapixels, a Word or Excel file that unpacks to too much, more than one file, or too many or too long fields.':
    '文件超过 20 MiB（20,971,520 字节；正好这个大小可以接受），图片超过 1 亿像素，Word 或 Excel 文件解压后过大，多于一个文件，或字段过多、过长。',
  'Uploads in flight hold all their room (`uploads_busy`), photos queued hold the pixel budget (`photos_busy`), or the server is stopping.':
    '正在上传的文件已占满全部空间（`uploads_busy`），排队处理的照片已占满像素额度（`photos_busy`），或服务器正在停止。',
  'The server’s storage is full (`storage_full`): nothing was kept.':
    '服务器存储空间已满（`storage_full`）：未保存任何内容。',
  'Not `multipart/form-data`, or a file whose bytes are not a PDF, JPEG, PNG, WebP, DOCX or XLSX (`unsupported_file_type`), whatever its name.':
    '不是 `multipart/form-data`，或文件内容不是 PDF、JPEG、PNG、WebP、DOCX 或 XLSX（`unsupported_file_type`），无论文件名是什么。',
  // getDocument
  'A document’s file':
    '文件本身',
  'Its real type, `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition` inline for pictures and PDF, as a download for Word and Excel (the title as the file name). Public files are open to every origin and may be cached (revalidated by ETag); internal ones are never kept.':
    '按真实类型返回，带 `X-Content-Type-Options: nosniff`、沙箱化的 `Content-Security-Policy`，图片和 PDF 的 `Content-Disposition` 为在浏览器中打开，Word 和 Excel 文件为下载（以标题为文件名）。公开文件允许任何来源访问，可以缓存（凭 ETag 重新验证）；内部文件从不缓存。',
  'The file':
    '文件',
  'No such document, or one the viewer may not read: an internal file answers 404 to the public and to officials of other counties, as if it did not exist.':
    '没有该文件，或查看者无权读取：内部文件对公众和其他县的工作人员返回 404，如同不存在。',
  // updateDocument
  'Change a document’s title, kind, date, source or visibility':
    '修改文件的标题、类别、日期、来源或公开范围',
  // deleteDocument
  'Delete a document and its file':
    '删除文件记录及文件本身',
  'For good; the history keeps what it was.':
    '永久删除；修改记录中保留其原有内容。',
  'Deleted':
    '已删除',
  // getDocumentThumbnail
  'A picture’s thumbnail (WebP, 320 pixels wide at most)':
    '图片的缩略图（WebP，最宽 320 像素）',
  'The thumbnail':
    '缩略图',
  'No such document, one the viewer may not read, or a file that is not a picture (no thumbnail).':
    '没有该文件，查看者无权读取，或文件不是图片（没有缩略图）。',
  // listCounties
  'Every county, with the days division changes began and ended it':
    '所有县（市、区），附区划调整设立和撤销它们的日期',
  // getCountyBoundaries
  'County boundaries with counts per county (GeoJSON)':
    '县（市、区）边界及各县的数量（GeoJSON）',
  'A FeatureCollection of polygons':
    '多边形的要素集合（`FeatureCollection`）',
  // getTally
  'GI counts against targets as of a date':
    '截至某一日期、对照目标的地理标志数量',
  'The current period and today (Asia/Shanghai) unless `period` and `asOf` say otherwise. Once the last period has ended, the default is that period as of its last day; `periodEnded` says whether today is past the shown period’s end (whatever `asOf` is), and `period.nameEn` is its English name.':
    '除非 `period` 和 `asOf` 另行指定，否则为当前规划期和今天（北京时间）。最后一个规划期结束后，默认为该规划期截至其最后一天；`periodEnded` 表示今天是否已过所显示规划期的结束日期（无论 `asOf` 为何），`period.nameEn` 为其英文名称。',
  'No such period (or no period at all).':
    '没有该规划期（或根本没有规划期）。',
  // getTallySeries
  'Designations in force per GI type over a period':
    '一个规划期内各类型有效地理标志数量的变化',
  // getAnnualReport
  'The annual report of a calendar year':
    '某一公历年度的年度报告',
  'Totals in force at the year end (today while the year is not over) against the targets of the period containing it, what was new in the year (grants, filings, authorised users, with dates and numbers), by county, households and the year’s industry figures, trademarks due for renewal next year, and who issues it. The counts are the tally’s (`GET /api/tally?asOf=`) on the same day. Both languages are in the JSON; `lang` is for the files.':
    '年末（年度未结束时为今天）的有效总数与所在规划期目标的对比，年内新增情况（获批、申报、授权用标企业，附日期和编号），分县情况、农户数和当年产业数据，下一年需要续展的商标，以及报告发布单位。数量与同一天的统计（`GET /api/tally?asOf=`）一致。JSON 中包含中英两种语言；`lang` 用于文件。',
  'No year, or a year before 1949 or after the current year.':
    '没有指定年度，或年度早于 1949 年或晚于今年。',
  // getAnnualReportDocx
  'The annual report as a Word file':
    '年度报告（Word 文件）',
  'A4, headings and Word tables, page numbers in the footer; in Chinese unless `lang=en`.':
    'A4 纸张，带标题和 Word 表格，页脚有页码；除非 `lang=en`，否则为中文。',
  'A Word document (.docx)':
    'Word 文档（`.docx`）',
  // getAnnualReportXlsx
  'The annual report as an Excel workbook':
    '年度报告（Excel 工作簿）',
  'A sheet per section with frozen headers; dates known to the day are date cells, others text as known.':
    '每个部分一个工作表，表头冻结；精确到日的日期为日期单元格，其他日期按已知程度写为文本。',
  'An Excel workbook':
    'Excel 工作簿',
  // getReportSettings
  'Who issues the annual report':
    '年度报告的发布单位',
  // putReportSettings
  'Change who issues the annual report':
    '修改年度报告的发布单位',
  'Audited.':
    '记入修改记录。',
  // listPeriods
  'Plan periods with targets':
    '规划期及其目标',
  'Oldest first, each with its Chinese `name` and English `nameEn` (empty for one stored before periods had English names), its dates (never overlapping another’s) and per-type baseline and target.':
    '最早的在前，每个规划期附中文名称 `name` 和英文名称 `nameEn`（规划期有英文名称之前保存的为空）、起止日期（与其他规划期不重叠），以及各类型的基数和目标。',
  // createPeriod
  'Add a plan period':
    '新增规划期',
  'Both names are required and each must be unique (the English one whatever its capitals); the dates may not share a day with another period’s. Audited.':
    '两个名称都必填，且各自不能重复（英文名称不区分大小写）；起止日期不能与其他规划期有同一天。记入修改记录。',
  'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period’s (`period_overlap`); the issue names the field.':
    '已有规划期使用了这个中文或英文名称（`period_name_taken`），或起止日期与其他规划期重叠（`period_overlap`）；问题中指出是哪个字段。',
  // updatePeriod
  'Change a plan period and its targets':
    '修改规划期及其目标',
  'Replaces its names, dates and targets (a type left out has none afterwards), with the same rules as adding one. Audited.':
    '替换其名称、起止日期和目标（未列出的类型此后没有目标），规则与新增时相同。记入修改记录。',
  // exportProductsCsv
  'The public registry as CSV':
    '公开登记信息（CSV）',
  'UTF-8 with a byte-order mark (so Excel reads the Chinese), one row per designation, streamed':
    '带字节顺序标记的 UTF-8 编码（Excel 可正确读取中文），每项地理标志一行，边生成边发送',
  // exportProductsXlsx
  'The public registry as XLSX':
    '公开登记信息（XLSX）',
  'Sheets of GIs, status moves, participants and authorised users. Signed in, an official’s copy adds a sheet of the yearly usage returns of the products they manage (用标报告; every county’s for an admin), and is never cached.':
    '包括地理标志、状态变更、参与主体和授权用标企业等工作表。登录后，工作人员下载的副本另有一个其所管产品的年度用标情况报告工作表（用标报告；管理员为全部县的），且从不缓存。',
  'An Excel workbook, streamed':
    'Excel 工作簿，边生成边发送',
  // getFeed
  'Recent changes to the public registry as an Atom feed':
    '公开登记信息的最近变动（Atom 订阅）',
  'An Atom 1.0 feed (RFC 4287)':
    'Atom 1.0 订阅源（RFC 4287）',
  // signIn
  'Sign in':
    '登录',
  'Sets the HttpOnly session cookie `gi_session` (its `Max-Age` is the session’s lifetime) and answers the account with its session’s timing. `LOCKOUT_ATTEMPTS` (5) wrong passwords in a row for a username from one address lock that pair for `LOCKOUT_MINUTES` (30): 423 with `Retry-After`; another address is not locked, and an unknown username is treated alike. Growing delays per username and address, and a cap per address, answer 429. Every sign-in and failure is a security event.':
    '设置 HttpOnly 会话 Cookie `gi_session`（其 `Max-Age` 即会话的最长有效期），返回账号及会话的时间信息。同一用户名从同一地址连续输错密码 `LOCKOUT_ATTEMPTS`（5）次，该用户名与地址的组合即被锁定 `LOCKOUT_MINUTES`（30）分钟：返回 423 并带 `Retry-After`；其他地址不受影响，不存在的用户名也同样处理。同一用户名与地址的重试间隔逐次加长、同一地址的失败次数有上限，超出时返回 429。每次登录和登录失败都记入安全事件。',
  'The signed-in account and its session':
    '已登录的账号及其会话',
  'Too many wrong passwords for this username from this address (`account_locked`): retry after `Retry-After` seconds, or have an account manager unlock it.':
    '此用户名从此地址输错密码次数过多（`account_locked`）：请在 `Retry-After` 秒后重试，或请账号管理员解锁。',
  'Wrong username or password, or an inactive account (`bad_credentials`).':
    '用户名或密码错误，或账号已停用（`bad_credentials`）。',
  // whoAmI
  'Who am I':
    '当前登录的账号',
  'The account and its session: when it ends if idle (`idleExpiresAt`, `SESSION_IDLE_MINUTES`), when it ends however busy (`expiresAt`, `SESSION_MAX_HOURS`), whether its password must be changed first (`passwordExpired`). Every signed-in request counts as activity.':
    '账号及其会话：无操作时何时结束（`idleExpiresAt`，`SESSION_IDLE_MINUTES`），无论是否操作何时结束（`expiresAt`，`SESSION_MAX_HOURS`），是否须先修改密码（`passwordExpired`）。登录后的每个请求都算作操作。',
  'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`, said once).':
    '未登录（`unauthorized`），或会话刚因超时结束（`session_timeout`，只提示一次）。',
  // keepAlive
  'Stay signed in':
    '保持登录',
  'Starts the idle time again (not the lifetime): the answer’s `idleExpiresAt` is a full idle time from now.':
    '重新开始计算无操作时间（不延长最长有效期）：返回的 `idleExpiresAt` 为从现在起一个完整的无操作时限。',
  'The session’s timing':
    '会话的时间信息',
  'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`).':
    '未登录（`unauthorized`），或会话刚因超时结束（`session_timeout`）。',
  // changePassword
  'Change my password':
    '修改我的密码',
  'Any signed-in account changes its own. The account’s other sessions end; this one goes on, and may write again if its password had expired.':
    '任何已登录的账号都可以修改自己的密码。该账号的其他会话随即结束；本会话继续，若此前密码已过期，修改后即可再次写入。',
  'The account and its session':
    '账号及其会话',
  'A field is wrong; the current password is wrong (`wrong_password`); the new one is too weak (as when an account is created); or it is the current one or one of the last `PASSWORD_HISTORY` (`password_reused`).':
    '字段有误；当前密码不正确（`wrong_password`）；新密码太弱（规则与新建账号相同）；或新密码就是当前密码或最近 `PASSWORD_HISTORY` 次用过的密码之一（`password_reused`）。',
  // signOut
  'Sign out':
    '退出登录',
  'Ends the session (if any) and clears the cookie; signing out twice is fine.':
    '结束会话（如有）并清除 Cookie；重复退出也没有问题。',
  'Signed out':
    '已退出',
  // getImportTemplate
  'The import template':
    '导入模板',
  'Chinese headers, drop-down lists, an instructions sheet.':
    '中文表头、下拉列表和填写说明工作表。',
  // getAuthorizedUserTemplate
  'The authorised-user list template':
    '授权用标企业名单模板',
  'A list of 用标企业 (told apart by its 用标企业名称 column) imports through POST /api/import like a product table.':
    '用标企业名单（以“用标企业名称”列识别）与产品表一样通过 `POST /api/import` 导入。',
  // getUsageReturnTemplate
  'The yearly usage-return template':
    '年度用标情况报告模板',
  'A list of 用标报告 (told apart by its 报告年度 column and a figure: 用标数量, 产量 or 印制标志), one user and year per row, imports through POST /api/import; imported returns are accepted.':
    '用标报告名单（以“报告年度”列和一项数量——用标数量、产量或印制标志——识别），每行一家企业的一个年度，通过 `POST /api/import` 导入；导入的报告直接记为已接受。',
  // getImportProgress
  'Where the viewer’s import under way stands':
    '查看者正在进行的导入的进度',
  // importReportXlsx
  'The file sent back with a result column per row':
    '返回原文件，每行加一列检查结果',
  'A dry run: nothing is kept.':
    '只作检查：不保存任何内容。',
  'The workbook with a result column':
    '加了检查结果列的工作簿',
  'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).':
    '文件超出限制（5 MB，解压后 40 MB，10,000 行，60 列，400,000 个单元格，每个单元格 5,000 个字）。',
  // importTable
  'Import a CSV/XLSX table':
    '导入 CSV 或 XLSX 表格',
  '`dryRun=1` reports row by row what would change and keeps nothing; otherwise all rows or none.':
    '`dryRun=1` 逐行报告将改动什么，不保存任何内容；否则要么全部导入，要么一行也不导入。',
  'The report of a dry run':
    '检查（不保存）的报告',
  'Imported: the report':
    '已导入：逐行报告',
  'Invalid input, an unreadable file, or rows with errors (`import_failed`, nothing imported; the report is included).':
    '输入无效，文件无法读取，或有出错的行（`import_failed`，未导入任何内容；附逐行报告）。',
  // listAudit
  'The audit log, filtered and paged':
    '修改记录，可筛选、分页',
  'Officials see the history of their county’s products and designations; admins and auditors everything. Not for security admins (403).':
    '县级工作人员看到本县产品和地理标志的修改记录；市级管理员和审计管理员看到全部。安全管理员不能查看（403）。',
  'An official asked for another county, or a security admin asked.':
    '县级工作人员查询了其他县，或由安全管理员查询。',
  // exportAuditXlsx
  'The filtered audit log as XLSX, told in sentences':
    '筛选后的修改记录（XLSX），以完整的句子叙述',
  'As the audit log; the download is a security event (`export`).':
    '与修改记录相同；下载本身记入安全事件（`export`）。',
  // listSecurityEvents
  'The security events, filtered and paged':
    '安全事件，可筛选、分页',
  'Newest first. `username` finds the events of an account and those about it; `from` and `to` are days in Asia/Shanghai. Kept in the database `AUDIT_RETENTION_DAYS` (180) at least, then archived beside it.':
    '按时间从新到旧。`username` 查找某账号的操作及与该账号有关的事件；`from` 和 `to` 为北京时间的日期。在数据库中至少保留 `AUDIT_RETENTION_DAYS`（180）天，之后归档到数据库旁的文件中。',
  // exportSecurityEventsXlsx
  'The filtered security events as XLSX':
    '筛选后的安全事件（XLSX）',
  'The download is itself a security event (`export`).':
    '下载本身也记入安全事件（`export`）。',
  // listUsers
  'Accounts':
    '账号列表',
  'With each account’s lock (`lockedUntil`: the latest in force from any address) and `version`.':
    '附每个账号的锁定情况（`lockedUntil`：各地址中最晚结束的有效锁定）和 `version`。',
  // createUser
  'Create an account':
    '新建账号',
  'An official has a county; the other roles (`admin`, `security_admin`, `auditor`) none.':
    '县级账号须指定一个县；其他角色（`admin`、`security_admin`、`auditor`）不指定。',
  'A field is wrong, or the password is too weak: under 10 characters, fewer than 6 different ones, a run such as 1234567890, a common password, or the username with a little added (the message says which).':
    '字段有误，或密码太弱：少于 10 个字符、不同字符少于 6 个、连续字符（如 1234567890）、常见密码，或用户名加几个字符（提示会说明是哪一种）。',
  'The username is taken (`username_taken`).':
    '用户名已被占用（`username_taken`）。',
  // updateUser
  'Change an account':
    '修改账号',
  'A new password (a reset: not one of the account’s last `PASSWORD_HISTORY`), a deactivation or a change of role or county ends the account’s sessions. Nobody may deactivate themself or change their own role (403), and at least one active account able to manage accounts must remain (409).':
    '重设密码（不能是该账号最近 `PASSWORD_HISTORY` 次用过的密码）、停用账号或更改角色、所属县，都会结束该账号的所有会话。任何人都不能停用自己或更改自己的角色（403），且须至少保留一个可以管理账号的有效账号（409）。',
  'A field is wrong, the new password is too weak (as when an account is created; the message says why), or it is one of the last `PASSWORD_HISTORY` (`password_reused`).':
    '字段有误，新密码太弱（规则与新建账号相同，提示会说明原因），或是最近 `PASSWORD_HISTORY` 次用过的密码之一（`password_reused`）。',
  'It would leave no active account able to manage accounts (`last_account_manager`).':
    '这样将没有可以管理账号的有效账号（`last_account_manager`）。',
  // unlockUser
  'Unlock an account':
    '解锁账号',
  'Lifts every lock wrong passwords put on the account’s username, from every address, and forgets the failures. A security event (`unlocked`).':
    '解除因输错密码而对该账号用户名施加的全部锁定（所有地址），并清除失败记录。记入安全事件（`unlocked`）。',
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
  'This address already has 6 files larger than 512 KiB downloading (`too_many_downloads`).':
    '该地址已有 6 个大于 512 KiB 的文件正在下载（`too_many_downloads`）。',
  'A field is wrong, or there is nothing to change (`{}`).':
    '字段有误，或没有要修改的内容（`{}`）。',
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
