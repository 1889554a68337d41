/**
 * The 等保 2.0 level-2 self-check (自查表): each requirement of GB/T 22239-2019 level 2 that touches this
 * system, who meets it (the application, the host it runs on, or the organisation running it), how, and —
 * for what the application meets — the tests that prove it. `npm run self-check` writes it into the
 * README; test/deploy/self-check.test.ts holds the README to it and every proof to a test that exists.
 *
 * The requirement texts are short forms of the standard's level-2 items (第二级安全要求); the assessor's
 * copy of the standard is the reference.
 */

/** Who meets a requirement: this application, the host (server, network, OS), or the organisation. */
export type Party = 'app' | 'host' | 'org';

/** A test that proves a requirement: a test file and (part of) the title of a test in it. */
export interface Proof { file: string; test: string }

/** One row of the self-check. */
export interface SelfCheckItem {
  /** The item's clause in GB/T 22239-2019, e.g. `8.1.4.1 a)`. */
  clause: string;
  /** The requirement, in the standard's words, shortened. */
  requirement: string;
  /** Who meets it; an item met partly by the app and partly by the host is listed as `app` and says what the host adds. */
  party: Party;
  /** How it is met: the feature and its settings (in Chinese, for the assessor). */
  how: string;
  /** The tests that prove what the application does (empty for host and organisation items). */
  proofs: Proof[];
}

/** Every level-2 item this system is assessed against, in the standard's order. */
export const SELF_CHECK_ITEMS: SelfCheckItem[] = [
  // 8.1.2 安全通信网络 / 8.1.3 安全区域边界: the network the host sits in.
  {
    clause: '8.1.2.2', requirement: '应采用校验技术保证通信过程中数据的完整性（通信传输）', party: 'host',
    how: 'nginx 以 TLS（HTTP/2）提供服务，HTTP 跳转 HTTPS（deploy/nginx/jincheng-gi.conf）；证书由单位申请并配置。',
    proofs: [{ file: 'test/deploy/nginx.test.ts', test: 'sends plain HTTP to HTTPS' }],
  },
  {
    clause: '8.1.3.1', requirement: '应保证跨越边界的访问和数据流通过边界设备提供的受控接口进行通信（边界防护）', party: 'host',
    how: '应用只接受本机回环地址的连接（systemd 单元 IPAddressDeny=any、IPAddressAllow=localhost），仅经 nginx 对外；防火墙与网络边界由主机与机房负责。',
    proofs: [],
  },
  {
    clause: '8.1.3.2', requirement: '应在网络边界根据访问控制策略设置访问控制规则（访问控制）', party: 'host',
    how: '由单位防火墙配置；管理界面可在 nginx 中按地址段限制（allow/deny）。',
    proofs: [],
  },
  // 8.1.4 安全计算环境
  {
    clause: '8.1.4.1 a)', requirement: '应对登录的用户进行身份标识和鉴别，身份标识具有唯一性，身份鉴别信息具有复杂度要求并定期更换', party: 'app',
    how: '用户名唯一；口令规则（至少 10 位、6 个不同字符、非连续序列、非常见口令、不含用户名，server/domain/accounts/password-rule.ts）；口令以 scrypt 散列保存；可设 PASSWORD_MAX_AGE_DAYS 定期更换、PASSWORD_HISTORY 禁止重用。',
    proofs: [
      { file: 'test/server/users.test.ts', test: 'refuses a weak new password for an existing account' },
      { file: 'test/server/cli.test.ts', test: 'creates an official and an admin with scrypt hashes' },
      { file: 'test/server/security-audit.test.ts', test: 'signs in with an expired password' },
      { file: 'test/server/security-audit.test.ts', test: 'refuses the last 3 passwords' },
    ],
  },
  {
    clause: '8.1.4.1 b)', requirement: '应具有登录失败处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时自动退出等相关措施', party: 'app',
    how: '同一地址连续输错 LOCKOUT_ATTEMPTS（默认 5）次即锁定该账号在该地址的登录 LOCKOUT_MINUTES（默认 30）分钟，管理员可解锁，其他地址不受影响；SESSION_IDLE_MINUTES（默认 15）分钟无操作自动退出（到期前提醒、输入时续期），SESSION_MAX_HOURS（默认 8）小时后必须重新登录；可随时退出登录。',
    proofs: [
      { file: 'test/server/rate-limit.test.ts', test: 'never locks an account for everyone' },
      { file: 'test/server/session.test.ts', test: 'signs out: 204, the cookie cleared, the session gone' },
      { file: 'test/server/security-audit.test.ts', test: 'locks a username at one address after 5 wrong passwords' },
      { file: 'test/server/session.test.ts', test: 'ends a session idle for longer than the timeout' },
      { file: 'test/e2e/security.e2e.ts', test: 'records sign-ins, a failure, a change, an export and an idle timeout, which the auditor reads' },
      { file: 'test/e2e/security.e2e.ts', test: 'locks an account after wrong passwords; the security admin unlocks it' },
    ],
  },
  {
    clause: '8.1.4.1 c)', requirement: '当进行远程管理时，应采取必要措施防止鉴别信息在网络传输过程中被窃听', party: 'app',
    how: '经 TLS 传输；会话 Cookie 为 HttpOnly、SameSite=Strict，在 HTTPS 下带 Secure；库中只存会话令牌的 SHA-256。',
    proofs: [
      { file: 'test/server/session.test.ts', test: 'marks the cookie Secure and takes the https origin as its own' },
      { file: 'test/server/session.test.ts', test: 'signs in with a strict, HttpOnly cookie' },
    ],
  },
  {
    clause: '8.1.4.2 a)', requirement: '应对登录的用户分配账户和权限', party: 'app',
    how: '每人一个账号；角色：市级管理员、县级账号（只能改本县）、安全管理员（只管账号）、审计管理员（只读日志）。',
    proofs: [{ file: 'test/server/authz-matrix.test.ts', test: '$what as $who → $status' }],
  },
  {
    clause: '8.1.4.2 b)', requirement: '应重命名或删除默认账户，修改默认账户的默认口令', party: 'app',
    how: '系统没有默认账号与默认口令：首个账号由部署人员用 npm run user:add 创建，口令交互输入并受口令规则约束。',
    proofs: [{ file: 'test/server/cli.test.ts', test: 'asks for the password twice when none is given' }],
  },
  {
    clause: '8.1.4.2 c)', requirement: '应及时删除或停用多余的、过期的账户，避免共享账户的存在', party: 'app',
    how: '账号可停用（停用即结束其全部会话，历史记录保留）；账号页列出每个账号；共享账号由单位制度禁止。',
    proofs: [{ file: 'test/server/users.test.ts', test: 'deactivates an account: its sessions end and it cannot sign in' }],
  },
  {
    clause: '8.1.4.2 d)', requirement: '应授予管理用户所需的最小权限，实现管理用户的权限分离', party: 'app',
    how: 'SEPARATE_DUTIES=true（部署环境文件的取值）时三员分立：安全管理员只管账号，审计管理员只读审计与安全日志，市级管理员只管内容；任何人不能停用或降级自己。',
    proofs: [
      { file: 'test/server/security-audit.test.ts', test: 'keeps the security events to the auditor and the accounts to the security admin' },
      { file: 'test/server/security-audit.test.ts', test: 'lets nobody deactivate themself or change their own role' },
    ],
  },
  {
    clause: '8.1.4.3 a)', requirement: '应启用安全审计功能，审计覆盖到每个用户，对重要的用户行为和重要安全事件进行审计', party: 'app',
    how: '内容的每次修改记入历史（audit_events，含修改前后）；登录成功与失败、锁定与解锁、退出、超时、口令与角色及账号变更、导出、备份、恢复、配置变更记入安全日志。',
    proofs: [{ file: 'test/server/audit.test.ts', test: 'records who changed what, with before and after' }],
  },
  {
    clause: '8.1.4.3 b)', requirement: '审计记录应包括事件的日期和时间、用户、事件类型、事件是否成功及其他与审计相关的信息', party: 'app',
    how: '每条安全事件有时间、用户、来源地址、类型（成功与失败分为不同类型）和详情；内容历史有时间、用户、动作、对象和前后内容。',
    proofs: [
      { file: 'test/server/security-audit.test.ts', test: 'records sign-ins, failures, sign-outs, time-outs, role changes, resets and exports, for the auditor to read' },
    ],
  },
  {
    clause: '8.1.4.3 c)', requirement: '应对审计记录进行保护，定期备份，避免受到未预期的删除、修改或覆盖等', party: 'app',
    how: '没有修改或删除日志的接口；安全日志至少保留 AUDIT_RETENTION_DAYS（默认且不少于 180）天，之后归档为 gzip 文件而非删除；日志随数据库经 Litestream 持续异地复制。',
    proofs: [
      { file: 'test/server/security-audit.test.ts', test: 'archives a 200-day-old event into the month' },
      { file: 'test/server/security-audit.test.ts', test: 'appends a second run as another gzip member' },
    ],
  },
  {
    clause: '8.1.4.4 a)', requirement: '应遵循最小安装的原则，仅安装需要的组件和应用程序', party: 'host',
    how: '应用只依赖 Node.js 与 nginx（无数据库服务）；容器镜像多阶段构建，只含运行所需；主机最小安装由运维负责。',
    proofs: [{ file: 'test/deploy/containerfile.test.ts', test: 'builds in stages from a pinned base' }],
  },
  {
    clause: '8.1.4.4 b)', requirement: '应关闭不需要的系统服务、默认共享和高危端口', party: 'host',
    how: '应用只监听回环地址的一个端口；其余由主机负责。',
    proofs: [],
  },
  {
    clause: '8.1.4.4 c)', requirement: '应通过设定终端接入方式或网络地址范围对通过网络进行管理的管理终端进行限制', party: 'host',
    how: '可在 nginx 站点中对工作台与接口按地址段 allow/deny；由单位按其网络设定。',
    proofs: [],
  },
  {
    clause: '8.1.4.4 d)', requirement: '应提供数据有效性检验功能，保证通过人机接口输入或通过通信接口输入的内容符合系统设定要求', party: 'app',
    how: '每个接口的输入都经 zod 校验，错误输入得到明确的 4xx 且不改变任何数据；模糊测试覆盖每个接口。',
    proofs: [
      { file: 'test/server/fuzz.test.ts', test: 'answers every operation with a documented status, never 5xx; refused writes change nothing' },
      { file: 'test/server/validation.test.ts', test: 'refuses control characters in designation texts too' },
    ],
  },
  {
    clause: '8.1.4.4 e)', requirement: '应能发现可能存在的已知漏洞，并在经过充分测试评估后，及时修补漏洞', party: 'org',
    how: '依赖由 package-lock.json 固定，npm audit 可列出已知漏洞；升级经 npm test 与浏览器测试后发布。',
    proofs: [],
  },
  {
    clause: '8.1.4.5', requirement: '应安装防恶意代码软件或配置具有相应功能的软件，并定期进行升级和更新防恶意代码库', party: 'host',
    how: '由主机安装防恶意代码软件；应用对上传文件只接受白名单格式，并去除 Word/Excel/照片中的作者与位置信息。',
    proofs: [{ file: 'test/server/documents-metadata.test.ts', test: 'is kept without its authors and custom properties' }],
  },
  {
    clause: '8.1.4.6', requirement: '可基于可信根对计算设备的系统引导程序、系统程序、重要配置参数和应用程序等进行可信验证', party: 'host',
    how: '由主机与平台提供；应用程序以只读方式部署（ProtectSystem=strict，容器只读根文件系统）。',
    proofs: [{ file: 'test/deploy/read-only.test.ts', test: 'cannot write to its own folder (the mount holds)' }],
  },
  {
    clause: '8.1.4.7', requirement: '应采用校验技术保证重要数据在传输过程中的完整性', party: 'host',
    how: '经 TLS 传输（见 8.1.2.2）；备份与复制由 SQLite 完整性检查与 Litestream 校验。',
    proofs: [],
  },
  {
    clause: '8.1.4.8 a)', requirement: '应提供重要数据的本地数据备份与恢复功能', party: 'app',
    how: 'npm run backup 写出一致的副本，npm run restore 恢复（检查完整性，拒绝覆盖正在使用的数据库）。',
    proofs: [
      { file: 'test/server/cli.test.ts', test: 'writes a consistent copy and refuses to overwrite it' },
      { file: 'test/server/restore.test.ts', test: 'after a SIGKILL: restores the backup' },
    ],
  },
  {
    clause: '8.1.4.8 b)', requirement: '应提供异地数据备份功能，利用通信网络将重要数据定时批量传送至备用场地', party: 'app',
    how: 'Litestream 随服务启动（jincheng-gi-replicate.service），每秒把数据库的变化传到另一块盘、SFTP 或 S3 兼容存储；npm run restore:replica 按时间点恢复。实测 RPO 约 1 秒，RTO 约 3.5 秒。',
    proofs: [{ file: 'test/server/replication.test.ts', test: 'restores every acknowledged write from the replica' }],
  },
  {
    clause: '8.1.4.9', requirement: '应保证鉴别信息所在的存储空间被释放或重新分配前得到完全清除', party: 'app',
    how: '数据库开启 secure_delete：释放的页（旧口令散列、结束的会话）被清零；库中只有口令散列与会话令牌的散列。',
    proofs: [{ file: 'test/db/open.test.ts', test: 'creates a fresh file with every table and durable settings' }],
  },
  {
    clause: '8.1.4.10 a)', requirement: '应仅采集和保存业务必需的用户个人信息', party: 'app',
    how: '只保存账号名与角色，不收集身份证号、手机号；用标企业的联系人只在登录后可见；照片与文档去除位置信息。',
    proofs: [{ file: 'test/server/documents-metadata.test.ts', test: 'carrying a photo with its GPS position is refused' }],
  },
  {
    clause: '8.1.4.10 b)', requirement: '应禁止未授权访问和非法使用用户个人信息', party: 'app',
    how: '公开接口只给出公开字段（公开面测试逐项核对）；账号信息只有账号管理员可读。',
    proofs: [{ file: 'test/server/public-answers.test.ts', test: "never gives an official the public's body, nor the public an official's" }],
  },
  // 8.1.5 安全管理中心
  {
    clause: '8.1.5.1', requirement: '应对系统管理员进行身份鉴别，只允许其通过特定的命令或操作界面进行系统管理操作，并对这些操作进行审计', party: 'app',
    how: '系统配置只能经工作台的设置页或服务器上的命令（npm run …）修改；设置变更、备份、恢复记入安全日志。',
    proofs: [
      { file: 'test/server/security-audit.test.ts', test: 'settings as config_changed' },
      { file: 'test/server/cli.test.ts', test: 'writes a consistent copy and refuses to overwrite it' },
      { file: 'test/server/restore.test.ts', test: 'after a SIGKILL: restores the backup' },
    ],
  },
  {
    clause: '8.1.5.2', requirement: '应对审计管理员进行身份鉴别，只允许其通过特定的命令或操作界面进行安全审计操作，并对这些操作进行审计', party: 'app',
    how: '审计管理员登录后只能查看与导出历史和安全日志；其导出也记入安全日志。',
    proofs: [
      { file: 'test/server/security-audit.test.ts', test: 'lets the auditor and (duties not separated) the admin read and export them' },
      { file: 'test/server/security-audit.test.ts', test: 'gives the auditor every county' },
    ],
  },
  // 8.1.10 安全运维管理 (the organisation's part, listed so that nothing is assumed)
  {
    clause: '8.1.10', requirement: '安全管理制度、机构、人员、建设与运维管理', party: 'org',
    how: '由运营单位制定制度、指定三员并定期检查日志；本系统提供所需的角色、日志导出与恢复演练命令（README“Replication and recovery”）。',
    proofs: [],
  },
];
