/**
 * The words of the history's sentences in both languages: field names, actions, units and
 * punctuation. Kept apart from the sentence logic (audit-text.ts) so a wording change is one line.
 */

/** A language of the sentences. */
export type AuditLang = 'zh' | 'en';

/** Names of the snapshot fields the server writes, by entity-independent key. */
export const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  category: { zh: '产品类别', en: 'Category' },
  counties: { zh: '所在县', en: 'Counties' },
  description: { zh: '产品介绍', en: 'Description' },
  quality: { zh: '质量特色', en: 'Quality characteristics' },
  visibility: { zh: '公开状态', en: 'Visibility' },
  archived: { zh: '已归档', en: 'Archived' },
  locations: { zh: '位置', en: 'Locations' },
  protectedArea: { zh: '地域保护范围', en: 'Protected area' },
  sources: { zh: '资料来源', en: 'Sources' },
  giType: { zh: '地理标志类型', en: 'GI type' },
  markKind: { zh: '商标种类', en: 'Kind of mark' },
  status: { zh: '状态', en: 'Status' },
  holder: { zh: '申请人/持有人', en: 'Applicant / holder' },
  holderCreditCode: { zh: '持有人统一社会信用代码', en: 'Holder’s credit code' },
  number: { zh: '申请号/注册号/证书号', en: 'Number' },
  announcement: { zh: '公告', en: 'Announcement' },
  filedOn: { zh: '申报日期', en: 'Filed on' },
  grantedOn: { zh: '获批日期', en: 'Granted on' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  notes: { zh: '备注', en: 'Notes' },
  note: { zh: '变更说明', en: 'Note' },
  participants: { zh: '参与主体', en: 'Participants' },
  figures: { zh: '产业数据', en: 'Industry figures' },
  name: { zh: '名称', en: 'Name' },
  startsOn: { zh: '开始日期', en: 'Starts on' },
  endsOn: { zh: '结束日期', en: 'Ends on' },
  targets: { zh: '目标', en: 'Targets' },
  username: { zh: '用户名', en: 'Username' },
  role: { zh: '角色', en: 'Role' },
  county: { zh: '所属县', en: 'County' },
  active: { zh: '账号状态', en: 'Account' },
  passwordChanged: { zh: '密码', en: 'Password' },
  dossierStatus: { zh: '材料状态', en: 'Item status' },
  owner: { zh: '负责人', en: 'Owner' },
  dueOn: { zh: '完成期限', en: 'Due' },
  documents: { zh: '佐证文件', en: 'Documents' },
  templateVersion: { zh: '清单版本', en: 'Checklist version' },
  itemsAdded: { zh: '新增材料', en: 'Items added' },
  itemsRemoved: { zh: '移除材料', en: 'Items removed' },
  checklist: { zh: '材料清单', en: 'Checklist' },
  filedIncomplete: { zh: '材料未齐备即申报', en: 'Filed with the dossier incomplete' },
  readiness: { zh: '材料齐备度', en: 'Dossier readiness' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  basis: { zh: '用标依据', en: 'Basis' },
  reference: { zh: '公告号/备案号', en: 'Reference' },
  from: { zh: '起始日期', en: 'From' },
  until: { zh: '截止日期', en: 'Until' },
  authorizationStatus: { zh: '用标状态', en: 'Authorisation status' },
  decisionReason: { zh: '处理决定理由', en: 'Reason of the decision' },
  decisionNumber: { zh: '决定书文号', en: 'Decision number' },
  decisionOn: { zh: '决定日期', en: 'Decision date' },
  displayUntil: { zh: '公示截止日期', en: 'Shown to the public until' },
  decisionWithdrawnOn: { zh: '决定撤回日期', en: 'Decision withdrawn on' },
  kind: { zh: '文件类别', en: 'Kind of file' },
  title: { zh: '标题', en: 'Title' },
  date: { zh: '文件日期', en: 'Date of the file' },
  source: { zh: '来源', en: 'Source' },
  format: { zh: '文件格式', en: 'Format' },
  bytes: { zh: '文件大小（字节）', en: 'Size (bytes)' },
  issuerZh: { zh: '发布单位（中文）', en: 'Issuer (Chinese)' },
  issuerEn: { zh: '发布单位（英文）', en: 'Issuer (English)' },
  producerShare: { zh: '用标生产者占比门槛', en: 'Threshold: share of producers using the mark' },
  outputShare: { zh: '用标产量占比门槛', en: 'Threshold: share of output under the mark' },
  minYears: { zh: '注册年限门槛（年）', en: 'Threshold: years since registration' },
  scopeText: { zh: '保护范围原文', en: 'Scope text' },
  announcedOn: { zh: '公告日期', en: 'Announced on' },
  box: { zh: '坐标范围', en: 'Coordinate box' },
  scopeUnits: { zh: '保护范围', en: 'Protected area' },
};

/** Names of the audited entities. */
export const ENTITY_NAMES = {
  product: { zh: '产品', en: 'product' },
  designation: { zh: '地理标志', en: 'designation' },
  period: { zh: '规划期', en: 'plan period' },
  user: { zh: '账号', en: 'account' },
  dossier_template: { zh: '申报材料清单', en: 'dossier checklist' },
  report_settings: { zh: '年度报告发布单位', en: 'annual report issuer' },
  readiness_settings: { zh: '示范区条件门槛', en: 'demonstration-zone thresholds' },
} as const;

/** Names of the actions the server records (the filter's choices). */
export const ACTION_NAMES = {
  create: { zh: '新建', en: 'Created' },
  update: { zh: '修改', en: 'Changed' },
  archive: { zh: '归档', en: 'Archived' },
  restore: { zh: '恢复', en: 'Restored' },
  transition: { zh: '状态变更', en: 'Status move' },
  replace_participants: { zh: '更新经营模式', en: 'Model updated' },
  replace_figures: { zh: '更新产业数据', en: 'Figures updated' },
  dossier_item: { zh: '申报材料', en: 'Dossier item' },
  dossier_template_accept: { zh: '采用新版清单', en: 'Checklist taken' },
  authorized_user_add: { zh: '添加用标企业', en: 'Authorised user added' },
  authorized_user_update: { zh: '修改用标企业', en: 'Authorised user changed' },
  document_add: { zh: '添加文件', en: 'File added' },
  document_update: { zh: '修改文件', en: 'File changed' },
  document_delete: { zh: '删除文件', en: 'File deleted' },
  scope_replace: { zh: '更新保护范围', en: 'Protected area updated' },
  scope_delete: { zh: '删除保护范围', en: 'Protected area removed' },
  usage_return_enter: { zh: '录入用标报告', en: 'Usage return entered' },
  usage_return_submit: { zh: '企业提交用标报告', en: 'Usage return submitted' },
  usage_return_review: { zh: '审核用标报告', en: 'Usage return reviewed' },
  return_link_issue: { zh: '发放填报链接', en: 'Return link issued' },
} as const;

/** Account roles (participant roles are in LABELS.role). */
export const ACCOUNT_ROLE_NAMES = {
  admin: { zh: '市级管理员', en: 'City admin' },
  official: { zh: '县级工作人员', en: 'County official' },
} as const;

/** Punctuation, units and stock phrases. */
export const WORDS = {
  zh: {
    colon: '：', arrow: ' → ', list: '、', none: '—', yes: '是', no: '否', open: '（', close: '）', semi: '；',
    active: '启用', inactive: '已停用', passwordReset: '已重设', reordered: '调整了顺序',
    places: (n: number) => `${n} 处`, items: (n: number) => `${n} 条`,
    households: (n: string) => `${n} 户`, area: (n: string) => `${n} 亩`, output: (n: string) => `${n} 吨`,
    yield: (n: string) => `亩产 ${n} 公斤`,
    value: (n: string) => `产值 ${n} 万元`, creditCode: (c: string) => `统一社会信用代码 ${c}`,
    polygon: (n: number) => `含多边形（${n} 个顶点）`, added: '新增', removed: '移除', changed: '修改',
    target: (base: number, target: number) => `基数 ${base}，目标 ${target}`,
    year: (y: string) => `${y}年`, noteChanged: '说明已修改', sourceCount: (n: number) => `来源 ${n} 条`,
  },
  en: {
    colon: ': ', arrow: ' → ', list: ', ', none: '—', yes: 'yes', no: 'no', open: ' (', close: ')', semi: '; ',
    active: 'active', inactive: 'deactivated', passwordReset: 'reset', reordered: 'reordered',
    places: (n: number) => (n === 1 ? '1 place' : `${n} places`), items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    households: (n: string) => `${n} households`, area: (n: string) => `${n} mu`, output: (n: string) => `${n} t`,
    yield: (n: string) => `${n} kg per mu`,
    value: (n: string) => `output value ${n} × 10,000 yuan`, creditCode: (c: string) => `credit code ${c}`,
    polygon: (n: number) => `with a polygon (${n} vertices)`, added: 'added', removed: 'removed', changed: 'changed',
    target: (base: number, target: number) => `baseline ${base}, target ${target}`,
    year: (y: string) => y, noteChanged: 'note changed', sourceCount: (n: number) => (n === 1 ? '1 source' : `${n} sources`),
  },
} as const;
