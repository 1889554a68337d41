/**
 * The password rule on its own: length, breadth, the common-password list and the username, each refusal
 * saying why in Chinese and English; phrases of words and of Chinese characters pass.
 */
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../server/domain/accounts/password-rule';

describe('passwordProblem', () => {
  it.each([
    ['1234567890', 'admin', /连续|run/],
    ['0987654321', 'admin', /连续|run/],
    ['abcdefghijk', 'admin', /连续|run/],
    ['aaaaaaaaaaaa', 'admin', /不同的字符|different/],
    ['abababababab', 'admin', /不同的字符|different/],
    ['1122334455', 'admin', /不同的字符|different/],
    ['qwertyuiop', 'admin', /常用密码|commonly used/],
    ['password123', 'admin', /常用密码|commonly used/],
    ['Password!!!', 'admin', /常用密码|commonly used/],
    ['iloveyou2024', 'admin', /常用密码|commonly used/],
    ['  sunshine  ', 'admin', /常用密码|commonly used/],
    ['short', 'admin', /至少需要 10|at least 10/],
    ['qinshui-official', 'qinshui-official', /用户名|username/],
    ['qinshui-official1', 'qinshui-official', /用户名|username/],
    ['gaoping password', 'gaoping', /用户名|username/],
    ['CITY2025city', 'city', /用户名|username/],
  ])('refuses %j for %j, saying why', async (password, username, why) => {
    const problem = await passwordProblem(password, username);
    expect(problem).toMatch(why);
    expect(problem).toMatch(/ \/ [A-Z]/); // both languages
  });

  it.each([
    ['correct horse battery', 'qinshui'],
    ['terraced tea garden', 'gaoping'],
    ['city-admin-password', 'city'], // the name inside a phrase that stands on its own
    ['晋城沁水蜂蜜真好吃呀', 'qinshui'],
    ['Jc-GI#registry', 'admin'],
    ['13579abcde', 'admin'],
  ])('accepts %j for %j', async (password, username) => {
    expect(await passwordProblem(password, username)).toBeNull();
  });
});
