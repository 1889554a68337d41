/**
 * The Chinese of the texts of the operations tagged `export` (server/openapi/operations/export.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `export` operations' texts, by their English. */
export const EXPORT_ZH: Readonly<Record<string, string>> = {
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
  // getFeed
  'Recent changes to the public registry as an Atom feed':
    '公开登记信息的最近变动（Atom 订阅）',
  'An Atom 1.0 feed (RFC 4287)':
    'Atom 1.0 订阅源（RFC 4287）',
};
