import { describe, expect, it } from 'vitest';
import { matchesSearch, pinyinForms, searchWords, sortByName, type SearchName } from '../../db/model';
import { namePinyin } from '../../server/domain/products/name-pinyin';

const product = (id: number, nameZh: string, nameEn: string | null = null): SearchName & { id: number } =>
  ({ id, nameZh, nameEn, namePinyin: namePinyin(nameZh) });

const honey = product(1, '沁水蜂蜜', 'Qinshui honey');
const locustHoney = product(2, '沁水刺槐蜂蜜', 'Qinshui black locust honey');
const tea = product(3, '晋城药茶', null);

describe('the pinyin a name is searched by', () => {
  it('is toneless, spaced by syllable, with ü as v, and gives the full form and the initials', () => {
    expect(locustHoney.namePinyin).toBe('qin shui ci huai feng mi');
    expect(namePinyin('绿茶')).toBe('lv cha');
    expect(pinyinForms(locustHoney.namePinyin)).toEqual({ full: 'qinshuicihuaifengmi', initials: 'qschfm' });
  });

  it('reads a query as words, full-width and ideographic spaces included', () => {
    expect(searchWords('  沁水\u3000蜂蜜 ')).toEqual(['沁水', '蜂蜜']);
    expect(searchWords('ＱＳＦＭ')).toEqual(['qsfm']);
    expect(searchWords("xi'an")).toEqual(['xian']);
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('a product search', () => {
  it.each([
    '沁水 蜂蜜', '蜂蜜 沁水', '沁水蜂蜜', 'qinshui', 'QinShui', 'qinshui fengmi', 'fengmi', 'shuifeng', 'qsfm', 'QSFM', 'qs fm',
    'honey', 'Qinshui Honey', '沁水 honey', 'qinshui 蜂蜜', 'ｑｉｎｓｈｕｉ', '',
  ])('finds 沁水蜂蜜 by %j', (q) => expect(matchesSearch(honey, q)).toBe(true));

  it.each(['沁水 大葱', 'qinshui cong', 'qsfx', 'sqfm', 'fmqs', 'qinshuifengmix', 'mifeng', 'locust', '刺槐'])(
    'does not find 沁水蜂蜜 by %j', (q) => expect(matchesSearch(honey, q)).toBe(false));

  it('needs every word, and reads initials as a run of the name: qsfm is not 沁水刺槐蜂蜜 (q-s-c-h-f-m)', () => {
    expect(matchesSearch(locustHoney, 'qsfm')).toBe(false);
    expect(matchesSearch(locustHoney, 'qschfm')).toBe(true);
    expect(matchesSearch(locustHoney, 'qs fm')).toBe(true);
    expect(matchesSearch(locustHoney, '沁水 蜂蜜')).toBe(true);
    expect(matchesSearch(locustHoney, 'locust honey')).toBe(true);
    expect(matchesSearch(tea, 'honey')).toBe(false);
    expect(matchesSearch(tea, 'jincheng yaocha')).toBe(true);
    expect(matchesSearch(tea, 'jcyc')).toBe(true);
  });

  it('takes ü as v, as a pinyin keyboard does', () => {
    expect(matchesSearch(product(4, '绿茶'), 'lvcha')).toBe(true);
    expect(matchesSearch(product(4, '绿茶'), 'lücha')).toBe(true);
  });
});

describe('the order of a list', () => {
  const items = [
    product(10, '沁水蜂蜜', 'Qinshui honey'), product(11, '晋城药茶', null), product(12, '巴公大葱', 'Bagong scallion'),
    product(13, '高平大黄梨', 'Gaoping pear'), product(14, '陵川潞党参', 'Lingchuan codonopsis'), product(15, '阳城蚕茧', 'Yangcheng cocoon'),
  ];

  it('is by pinyin in Chinese, syllable by syllable', () => {
    expect(sortByName(items, 'zh').map((p) => p.nameZh)).toEqual(['巴公大葱', '高平大黄梨', '晋城药茶', '陵川潞党参', '沁水蜂蜜', '阳城蚕茧']);
  });

  it('is alphabetical by English name in English, the pinyin standing in for a missing one', () => {
    expect(sortByName(items, 'en').map((p) => p.nameEn ?? p.namePinyin))
      .toEqual(['Bagong scallion', 'Gaoping pear', 'jin cheng yao cha', 'Lingchuan codonopsis', 'Qinshui honey', 'Yangcheng cocoon']);
    const lower = product(16, '甲', 'apple');
    const upper = product(17, '乙', 'Banana');
    expect(sortByName([upper, lower], 'en').map((p) => p.id)).toEqual([16, 17]);
  });

  it('breaks ties by the Chinese name, then the id', () => {
    const same = [product(21, '沁水蜂蜜'), product(20, '沁水蜂蜜')];
    expect(sortByName(same, 'zh').map((p) => p.id)).toEqual([20, 21]);
  });
});
