import { describe, expect, it } from 'vitest';
import { fakeReportText, labelReferenceOf, type ReportedGi } from '../../../client/pages/fake-report-text';
import '../../support/all-catalogs';

const honey: ReportedGi = { productZh: '沁水蜂蜜', productEn: 'Qinshui honey', giType: 'protected_product', markKind: null, number: null, announcement: '公告2013年第88号' };
const millet: ReportedGi = { productZh: '沁州黄小米', productEn: null, giType: 'trademark', markKind: 'certification', number: '第123号', announcement: '公告甲' };

describe('the report of a suspected fake (in Chinese, the language a page without a choice starts in)', () => {
  it('names the number a label of the GI shows: a protected product’s announcement, a trademark’s registration', () => {
    expect(labelReferenceOf(honey)).toEqual({ kind: 'announcement', value: '公告2013年第88号' });
    expect(labelReferenceOf(millet)).toEqual({ kind: 'number', value: '第123号' });
    expect(labelReferenceOf({ ...millet, number: null })).toEqual({ kind: 'announcement', value: '公告甲' });
    expect(labelReferenceOf({ ...honey, announcement: null })).toBeNull();
  });

  it('says the GI, the company, that it was not valid when checked, and where it was seen', () => {
    const text = fakeReportText({
      gi: honey, company: '某某蜂业', checkedOn: '2026-12-05', url: 'https://gi.example/verify?q=某某蜂业', shop: '东街 3 号摊', place: '', seenOn: '2026-12-01',
    });
    expect(text.split('\n')).toEqual([
      '疑似假冒地理标志专用标志线索',
      '地理标志：沁水蜂蜜（地理标志保护产品），批准公告号 公告2013年第88号',
      '标签上的企业：某某蜂业',
      '查询时（2026-12-05）不是本登记簿中的有效用标企业：https://gi.example/verify?q=某某蜂业',
      '发现地点：东街 3 号摊；（未填）；2026-12-01',
    ]);
    expect(fakeReportText({ gi: null, company: 'x', checkedOn: '2026-12-05', url: 'u', shop: '', place: '', seenOn: '' }).split('\n')[1])
      .toBe('地理标志：标签所示（未能对应到本登记簿中的地理标志）');
  });
});
