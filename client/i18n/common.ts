/** Strings every page uses: the shell, states, and the domain vocabulary (its labels from db/model/labels.ts). */
import { LABELS, type Vocabulary } from '../../db/model';
import { defineCatalog } from './catalog';

/** `giType.trademark` → its label, for every code of every vocabulary, in one language. */
type VocabularyKey = { [V in Vocabulary]: `${V}.${Extract<keyof (typeof LABELS)[V], string>}` }[Vocabulary];
function vocabulary(lang: 'zh' | 'en'): Record<VocabularyKey, string> {
  return Object.fromEntries(Object.entries(LABELS).flatMap(([v, codes]) =>
    Object.entries(codes as Record<string, { zh: string; en: string }>).map(([code, label]) => [`${v}.${code}`, label[lang]]))) as Record<VocabularyKey, string>;
}

/** The common catalog. */
export const common = defineCatalog({
  ...vocabulary('zh'),
  'app.title': '晋城地理标志',
  'app.subtitle': '培育登记与公开地图',
  'nav.map': '地图',
  'nav.tally': '统计',
  'nav.admin': '工作台',
  'nav.main': '主导航',
  'skip.main': '跳到主要内容',
  'footer.label': '页脚',
  'footer.api': '开放数据接口说明（API）',
  'lang.switch': 'English',
  'lang.label': 'English（切换语言）',
  'state.loading': '正在加载…',
  'state.error': '加载失败：',
  'state.retry': '重试',
  'state.empty': '没有符合条件的产品。请放宽筛选条件。',
  'page.notFound': '页面不存在。',
  'page.backToMap': '返回地图',
  'title.map': '地理标志地图 · 晋城',
  'title.of': '{page} · 晋城地理标志',
  'title.tally': '规划目标统计',
  'title.admin': '工作台',
  'title.editProduct': '编辑产品',
  'title.notFound': '页面不存在',
  'notFound.heading': '页面不存在',
  'notFound.text': '这个地址没有页面：链接可能有误，或页面已经移走。',
  'notFound.productHeading': '找不到该产品',
  'notFound.home': '返回地图首页',
  'products.count': '共 {n} 个产品',
  'status.in_force': '有效',
  'status.in_progress': '申报中',
}, {
  ...vocabulary('en'),
  'app.title': 'Jincheng GI',
  'app.subtitle': 'Cultivation registry and public map',
  'nav.map': 'Map',
  'nav.tally': 'Tally',
  'nav.admin': 'Workspace',
  'nav.main': 'Main navigation',
  'skip.main': 'Skip to main content',
  'footer.label': 'Footer',
  'footer.api': 'Open-data API',
  'lang.switch': '中文',
  'lang.label': '中文 (switch language)',
  'state.loading': 'Loading…',
  'state.error': 'Could not load: ',
  'state.retry': 'Retry',
  'state.empty': 'No product matches. Try fewer filters.',
  'page.notFound': 'There is no such page.',
  'page.backToMap': 'Back to the map',
  'title.map': 'GI map · Jincheng',
  'title.of': '{page} · Jincheng GI',
  'title.tally': 'Plan tally',
  'title.admin': 'Workspace',
  'title.editProduct': 'Edit product',
  'title.notFound': 'Page not found',
  'notFound.heading': 'Page not found',
  'notFound.text': 'There is no page at this address: the link may be wrong, or the page has moved.',
  'notFound.productHeading': 'No such product',
  'notFound.home': 'Back to the map',
  'products.count': '{n} products',
  'status.in_force': 'In force',
  'status.in_progress': 'In progress',
});
