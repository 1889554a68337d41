/**
 * The Chinese of the texts of the operations tagged `cultivation` (server/openapi/operations/cultivation.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `cultivation` operations' texts, by their English. */
export const CULTIVATION_ZH: Readonly<Record<string, string>> = {
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
};
