/**
 * The Chinese of the texts of the operations tagged `marks` (server/openapi/operations/marks.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `marks` operations' texts, by their English. */
export const MARKS_ZH: Readonly<Record<string, string>> = {
  // addAuthorizedUser
  'Add an authorised user of a GI’s official mark':
    '为地理标志专用标志增加一家授权用标企业',
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
};
