/**
 * The Chinese of the texts of the operations tagged `places` (server/openapi/operations/places.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `places` operations' texts, by their English. */
export const PLACES_ZH: Readonly<Record<string, string>> = {
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
};
