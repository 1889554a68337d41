/**
 * The Chinese of the texts of the operations tagged `designations` (server/openapi/operations/designations.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `designations` operations' texts, by their English. */
export const DESIGNATIONS_ZH: Readonly<Record<string, string>> = {
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
};
