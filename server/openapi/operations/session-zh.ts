/**
 * The Chinese of the texts of the operations tagged `session` (server/openapi/operations/session.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `session` operations' texts, by their English. */
export const SESSION_ZH: Readonly<Record<string, string>> = {
  // signIn
  'Sign in':
    '登录',
  'Sets the HttpOnly session cookie `gi_session` (its `Max-Age` is the session’s lifetime) and answers the account with its session’s timing. `LOCKOUT_ATTEMPTS` (5) wrong passwords in a row for a username from one address lock that pair for `LOCKOUT_MINUTES` (30): 423 with `Retry-After`; another address is not locked, and an unknown username is treated alike. Growing delays per username and address, and a cap per address, answer 429. Every sign-in and failure is a security event.':
    '设置 HttpOnly 会话 Cookie `gi_session`（其 `Max-Age` 即会话的最长有效期），返回账号及会话的时间信息。同一用户名从同一地址连续输错密码 `LOCKOUT_ATTEMPTS`（5）次，该用户名与地址的组合即被锁定 `LOCKOUT_MINUTES`（30）分钟：返回 423 并带 `Retry-After`；其他地址不受影响，不存在的用户名也同样处理。同一用户名与地址的重试间隔逐次加长、同一地址的失败次数有上限，超出时返回 429。每次登录和登录失败都记入安全事件。',
  'The signed-in account and its session':
    '已登录的账号及其会话',
  'Too many wrong passwords for this username from this address (`account_locked`): retry after `Retry-After` seconds, or have an account manager unlock it.':
    '此用户名从此地址输错密码次数过多（`account_locked`）：请在 `Retry-After` 秒后重试，或请账号管理员解锁。',
  'Wrong username or password, or an inactive account (`bad_credentials`).':
    '用户名或密码错误，或账号已停用（`bad_credentials`）。',
  // whoAmI
  'Who am I':
    '当前登录的账号',
  'The account and its session: when it ends if idle (`idleExpiresAt`, `SESSION_IDLE_MINUTES`), when it ends however busy (`expiresAt`, `SESSION_MAX_HOURS`), whether its password must be changed first (`passwordExpired`). Every signed-in request counts as activity.':
    '账号及其会话：无操作时何时结束（`idleExpiresAt`，`SESSION_IDLE_MINUTES`），无论是否操作何时结束（`expiresAt`，`SESSION_MAX_HOURS`），是否须先修改密码（`passwordExpired`）。登录后的每个请求都算作操作。',
  'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`, said once).':
    '未登录（`unauthorized`），或会话刚因超时结束（`session_timeout`，只提示一次）。',
  // keepAlive
  'Stay signed in':
    '保持登录',
  'Starts the idle time again (not the lifetime): the answer’s `idleExpiresAt` is a full idle time from now.':
    '重新开始计算无操作时间（不延长最长有效期）：返回的 `idleExpiresAt` 为从现在起一个完整的无操作时限。',
  'The session’s timing':
    '会话的时间信息',
  'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`).':
    '未登录（`unauthorized`），或会话刚因超时结束（`session_timeout`）。',
  // changePassword
  'Change my password':
    '修改我的密码',
  'Any signed-in account changes its own. The account’s other sessions end; this one goes on, and may write again if its password had expired.':
    '任何已登录的账号都可以修改自己的密码。该账号的其他会话随即结束；本会话继续，若此前密码已过期，修改后即可再次写入。',
  'The account and its session':
    '账号及其会话',
  'A field is wrong; the current password is wrong (`wrong_password`); the new one is too weak (as when an account is created); or it is the current one or one of the last `PASSWORD_HISTORY` (`password_reused`).':
    '字段有误；当前密码不正确（`wrong_password`）；新密码太弱（规则与新建账号相同）；或新密码就是当前密码或最近 `PASSWORD_HISTORY` 次用过的密码之一（`password_reused`）。',
  // signOut
  'Sign out':
    '退出登录',
  'Ends the session (if any) and clears the cookie; signing out twice is fine.':
    '结束会话（如有）并清除 Cookie；重复退出也没有问题。',
  'Signed out':
    '已退出',
};
