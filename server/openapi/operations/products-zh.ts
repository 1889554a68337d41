/**
 * The Chinese of the texts of the operations tagged `products` (server/openapi/operations/products.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `products` operations' texts, by their English. */
export const PRODUCTS_ZH: Readonly<Record<string, string>> = {
  // listProducts
  'Products matching the filters':
    '符合筛选条件的产品',
  'The public sees public, current products. `q` is words, each found in the Chinese name (沁水 蜂蜜), its toneless pinyin (qinshui fengmi) or initials (qsfm), or the English name, case aside. Ordered by name: by the pinyin of the Chinese name (`lang=zh`, the default), or alphabetically by the English name, else that pinyin (`lang=en`); each item carries its `namePinyin`. Signed in, `mine=1` lists the products of the viewer’s county (every product for an admin), drafts included, and `archived=1` the archived ones.':
    '公众看到公开的、未归档的产品。`q` 为若干个词，每个词可匹配中文名称（沁水 蜂蜜）、不带声调的拼音（`qinshui fengmi`）、拼音首字母（`qsfm`）或英文名称，不区分大小写。按名称排序：按中文名称的拼音（`lang=zh`，默认），或按英文名称的字母顺序、没有英文名称时按拼音（`lang=en`）；每项带有 `namePinyin`。登录后，`mine=1` 列出本人所在县的产品（管理员为全部产品），包括草稿；`archived=1` 列出已归档的产品。',
  '`mine` or `archived` without a session.':
    '未登录时使用了 `mine` 或 `archived`。',
  // getProduct
  'One product in full':
    '一个产品的完整信息',
  'Drafts and archived products are visible only to the officials of their county and to admins. Each designation carries its specification’s versions (`specifications`, newest first, the current one flagged `current`; `documentId` only when the viewer may read that file) and its public contacts (`managingBody`, `managingContact`, `testingBody`).':
    '草稿和已归档的产品只有所在县的工作人员和管理员可见。每项地理标志带有质量技术要求的各个版本（`specifications`，最新的在前，现行版本标记 `current`；只有查看者有权读取该文件时才给出 `documentId`）和公开的联系信息（`managingBody`、`managingContact`、`testingBody`）。',
  // createProduct
  'Create a product':
    '新建产品',
  'A draft unless `visibility` says `public`. Officials may only name their own county.':
    '除非 `visibility` 为 `public`，否则保存为草稿。县级工作人员只能填写本县。',
  'A current product you may see has a look-alike name (same after NFKC, invisible characters and spaces removed: `duplicate_name`).':
    '您可见的现有产品中已有名称相近的（经 NFKC 规范化、去掉不可见字符和空格后相同：`duplicate_name`）。',
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
  // replaceFigures
  'Replace the industry figures by year':
    '按年度整体替换产业数据',
  'The whole series: each year (1949 to this year, once) with households, area (亩), yield per mu (`yieldKgPerMu`, 亩产 in kg, at most 100,000), output (吨), value (万元), a note and sources; a figure not known is null. Area × yield per mu is the ceiling the signals hold declared marked volumes against (`GET /api/signals`). Officials of the product’s county and admins; audited. The tally sums each product’s latest year.':
    '完整的年度序列：每一年（1949 年至今年，每年一次）的农户数、面积（亩）、亩产（`yieldKgPerMu`，千克，不超过 100,000）、产量（吨）、产值（万元）、备注和来源；未知的数据为 `null`。面积 × 亩产是用标信号核对申报用标数量的上限（`GET /api/signals`）。所在县的工作人员和管理员可操作，记入修改记录。统计汇总每个产品最近一年的数据。',
  'The series as kept, oldest year first':
    '保存后的序列，最早的年份在前',
  'A year outside 1949 to this year or listed twice, a negative or too large figure (a yield above 100,000 kg per mu), or more than 100 years.':
    '年份不在 1949 年至今年之间或重复，数据为负数或过大（亩产超过 100,000 千克），或超过 100 年。',
  // getProductQr
  'The QR code of a product’s public page (SVG)':
    '产品公开页面的二维码（SVG）',
  'Encodes `<base>/products/{id}`, where the base is the server’s `PUBLIC_BASE_URL` (never the Host a request names). Only public, current products have one, and only when the server knows its public address.':
    '编码的地址为 `<base>/products/{id}`，其中 `base` 为服务器的 `PUBLIC_BASE_URL`（从不取请求中的 Host）。只有公开、未归档的产品有二维码，且须服务器知道自己的公开地址。',
  'An SVG image; its `<title>` is the address it encodes':
    'SVG 图像；其 `<title>` 为编码的地址',
  'No such product, or one that is a draft or archived (it has no public page), or `PUBLIC_BASE_URL` is not set (`no_public_address`).':
    '没有该产品，或产品为草稿、已归档（没有公开页面），或未设置 `PUBLIC_BASE_URL`（`no_public_address`）。',
};
