/**
 * The Chinese of the texts of the operations tagged `users` (server/openapi/operations/users.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `users` operations' texts, by their English. */
export const USERS_ZH: Readonly<Record<string, string>> = {
  // listUsers
  'Accounts':
    '账号列表',
  'With each account’s lock (`lockedUntil`: the latest in force from any address) and `version`.':
    '附每个账号的锁定情况（`lockedUntil`：各地址中最晚结束的有效锁定）和 `version`。',
  // createUser
  'Create an account':
    '新建账号',
  'An official has a county; the other roles (`admin`, `security_admin`, `auditor`) none.':
    '县级账号须指定一个县；其他角色（`admin`、`security_admin`、`auditor`）不指定。',
  'A field is wrong, or the password is too weak: under 10 characters, fewer than 6 different ones, a run such as 1234567890, a common password, or the username with a little added (the message says which).':
    '字段有误，或密码太弱：少于 10 个字符、不同字符少于 6 个、连续字符（如 1234567890）、常见密码，或用户名加几个字符（提示会说明是哪一种）。',
  'The username is taken (`username_taken`).':
    '用户名已被占用（`username_taken`）。',
  // updateUser
  'Change an account':
    '修改账号',
  'A new password (a reset: not one of the account’s last `PASSWORD_HISTORY`), a deactivation or a change of role or county ends the account’s sessions. Nobody may deactivate themself or change their own role (403), and at least one active account able to manage accounts must remain (409).':
    '重设密码（不能是该账号最近 `PASSWORD_HISTORY` 次用过的密码）、停用账号或更改角色、所属县，都会结束该账号的所有会话。任何人都不能停用自己或更改自己的角色（403），且须至少保留一个可以管理账号的有效账号（409）。',
  'A field is wrong, the new password is too weak (as when an account is created; the message says why), or it is one of the last `PASSWORD_HISTORY` (`password_reused`).':
    '字段有误，新密码太弱（规则与新建账号相同，提示会说明原因），或是最近 `PASSWORD_HISTORY` 次用过的密码之一（`password_reused`）。',
  'It would leave no active account able to manage accounts (`last_account_manager`).':
    '这样将没有可以管理账号的有效账号（`last_account_manager`）。',
  // unlockUser
  'Unlock an account':
    '解锁账号',
  'Lifts every lock wrong passwords put on the account’s username, from every address, and forgets the failures. A security event (`unlocked`).':
    '解除因输错密码而对该账号用户名施加的全部锁定（所有地址），并清除失败记录。记入安全事件（`unlocked`）。',
};
