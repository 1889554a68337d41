import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../db/model';
import {
  checkParticipants, draftFromParticipant, emptyParticipant, participantBody, validRows,
} from '../../../client/admin/participants';

const first17 = '91140521MA0K12345';
const goodCode = first17 + creditCodeCheckChar(first17);
const badCode = first17 + (creditCodeCheckChar(first17) === '0' ? '1' : '0');

describe('participant rows', () => {
  it('farmers carry no name; empty cells are null; codes are upper-cased', () => {
    expect(participantBody({ ...emptyParticipant('farmers'), name: 'ignored', households: '1200' }))
      .toEqual({ role: 'farmers', name: null, creditCode: null, households: 1200, areaMu: null, outputTonnes: null, valueWanYuan: null });
    expect(participantBody({ ...emptyParticipant('enterprise'), name: ' 公司 ', creditCode: goodCode.toLowerCase() }).creditCode).toBe(goodCode);
  });

  it.each([
    ['a valid chain', [{ ...emptyParticipant('enterprise'), name: '沁水蜂业公司', creditCode: goodCode },
      { ...emptyParticipant('farmers'), households: '300', areaMu: '1,500' }], {}],
    ['a cooperative without a name', [emptyParticipant('cooperative')], { '0.name': '农户行不填名称；企业、协会、合作社须填名称' }],
    ['a wrong check character', [{ ...emptyParticipant('enterprise'), name: 'A', creditCode: badCode }], { '0.creditCode': '统一社会信用代码校验位不正确' }],
    ['a credit code with a forbidden letter', [{ ...emptyParticipant('enterprise'), name: 'A', creditCode: 'I'.repeat(18) }],
      { '0.creditCode': '统一社会信用代码须为18位（数字或大写字母，不含I、O、S、V、Z）' }],
    ['fractional households', [{ ...emptyParticipant('farmers'), households: '2.5' }], { '0.households': '请输入整数。' }],
    ['negative area', [{ ...emptyParticipant('farmers'), areaMu: '-3' }], { '0.areaMu': '不能小于 0。' }],
    ['text in a number cell', [{ ...emptyParticipant('farmers'), outputTonnes: 'many' }], { '0.outputTonnes': '请输入数字。' }],
  ])('%s', (_, rows, errors) => {
    const check = checkParticipants(rows);
    expect(check.ok ? {} : check.errors).toEqual(errors);
  });

  it('round-trips a participant through its row', () => {
    const p = { role: 'cooperative' as const, name: '合作社', creditCode: goodCode, households: 80, areaMu: 500.5, outputTonnes: null, valueWanYuan: 12 };
    expect(participantBody(draftFromParticipant(p))).toEqual(p);
  });

  it('previews only the rows that are already valid', () => {
    expect(validRows([emptyParticipant('cooperative'), { ...emptyParticipant('farmers'), households: '10' }])).toHaveLength(1);
  });
});

