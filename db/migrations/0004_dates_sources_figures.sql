-- Industry figures of a product by year (seeded from seeds/jincheng-gi-facts-more.csv), read by the public.
CREATE TABLE `product_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL REFERENCES `products`(`id`),
	`year` integer NOT NULL,
	`households` integer,
	`area_mu` real,
	`output_tonnes` real,
	`value_wan_yuan` real,
	`note` text DEFAULT '' NOT NULL,
	`sources` text DEFAULT '[]' NOT NULL,
	`confidence` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_figures_product_year_idx` ON `product_figures` (`product_id`,`year`);
--> statement-breakpoint
CREATE TRIGGER `product_figures_insert_moves_registry` AFTER INSERT ON `product_figures`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_figures_update_moves_registry` AFTER UPDATE ON `product_figures`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_figures_delete_moves_registry` AFTER DELETE ON `product_figures`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
-- Sources become {title, url} objects (db/model/source-text.ts gives the same rules in TypeScript): a
-- cell of several sources ("a ; b") is split; a piece the seed cited (seeds/sources.csv) takes the seed's
-- link and title; an address first ("host/path 标题", "https://… 标题") or last ("标题 https://…",
-- "标题 <https://…>") becomes the link and the rest its title (one pair of brackets around it removed);
-- any other text is a title alone.
CREATE TEMP TABLE `seed_source_links` (`cited` text PRIMARY KEY NOT NULL, `title` text, `url` text)
--> statement-breakpoint
INSERT INTO `seed_source_links` (`cited`, `title`, `url`) VALUES
  ('sqrdapp.com/news/2020/11/576065.html', NULL, 'https://sqrdapp.com/news/2020/11/576065.html'),
  ('sx.news.163.com (2024-06-04)', '网易山西（2024-06-04）', 'https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html'),
  ('https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html', '网易山西（2024-06-04）', 'https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html'),
  ('ipwq.cn/ipwqnew/show-3027.html', NULL, 'http://www.ipwq.cn/ipwqnew/show-3027.html'),
  ('baike.baidu.hk', '百度百科', 'https://baike.baidu.hk'),
  ('sxsfzxw.com (2015-09)', NULL, 'https://www.sxsfzxw.com/keji/2015090723637.html'),
  ('maigoo.com/citiao/51617.html', '买购网', 'https://www.maigoo.com/citiao/51617.html'),
  ('https://www.maigoo.com/citiao/51617.html', '买购网', 'https://www.maigoo.com/citiao/51617.html'),
  ('newton.com.tw', '陽城山茱萸', 'https://newton.com.tw/wiki/%E9%99%BD%E5%9F%8E%E5%B1%B1%E8%8C%B1%E8%90%B8/13872877'),
  ('https://newton.com.tw/wiki/%E9%99%BD%E5%9F%8E%E5%B1%B1%E8%8C%B1%E8%90%B8/13872877', '陽城山茱萸', 'https://newton.com.tw/wiki/%E9%99%BD%E5%9F%8E%E5%B1%B1%E8%8C%B1%E8%90%B8/13872877'),
  ('m.ipa361.com', NULL, 'http://m.ipa361.com/index.php/Home/Baike/baikeshow/did/2305852.html'),
  ('hbzqbyyxgs.com/citiao/51623', NULL, 'http://s.www.hbzqbyyxgs.com/citiao/51623.html'),
  ('http://xxgk.sxgp.gov.cn/gzbm/gpnyncj/fdzdgknr/jytabl_nyncj/202512/t20251209_2294783.shtml', '高平市农业农村局 高农发〔2025〕41号', 'http://xxgk.sxgp.gov.cn/gzbm/gpnyncj/fdzdgknr/jytabl_nyncj/202512/t20251209_2294783.shtml'),
  ('https://jcgov.gov.cn/zwgk/ldzc/srdld/fzr/dxq_47303_2022_02/zyhd_47305_2022_02/202304/t20230417_1781382.shtml', '晋城市人民政府（2023-04-17）', 'https://jcgov.gov.cn/zwgk/ldzc/srdld/fzr/dxq_47303_2022_02/zyhd_47305_2022_02/202304/t20230417_1781382.shtml')
--> statement-breakpoint
CREATE TEMP TABLE `source_json` AS
WITH RECURSIVE
  `elements` (`tbl`, `row_id`, `elem`, `value`, `kind`) AS (
    SELECT 'products', p.`id`, CAST(j.`key` AS integer), j.`value`, j.`type` FROM `products` p, json_each(p.`sources`) j
    UNION ALL
    SELECT 'designations', d.`id`, CAST(j.`key` AS integer), j.`value`, j.`type` FROM `designations` d, json_each(d.`sources`) j
  ),
  `split` (`tbl`, `row_id`, `elem`, `piece_no`, `piece`, `rest`) AS (
    SELECT `tbl`, `row_id`, `elem`, 0, NULL, replace(`value`, '；', ';') || ';' FROM `elements` WHERE `kind` = 'text'
    UNION ALL
    SELECT `tbl`, `row_id`, `elem`, `piece_no` + 1, trim(substr(`rest`, 1, instr(`rest`, ';') - 1), ' 　'),
      substr(`rest`, instr(`rest`, ';') + 1)
    FROM `split` WHERE `rest` <> ''
  ),
  `words` AS (
    SELECT `tbl`, `row_id`, `elem`, `piece_no`, `piece`,
      CASE WHEN instr(`piece`, ' ') > 0 THEN substr(`piece`, 1, instr(`piece`, ' ') - 1) ELSE `piece` END AS `first`,
      rtrim(`piece`, replace(`piece`, ' ', '')) AS `head`
    FROM `split` WHERE `piece` IS NOT NULL AND `piece` <> ''
  ),
  `parts` AS (
    SELECT *,
      trim(substr(`piece`, length(`first`) + 1)) AS `after_first`,
      substr(`piece`, length(`head`) + 1) AS `last`,
      lower(CASE WHEN instr(`first`, '/') > 0 THEN substr(`first`, 1, instr(`first`, '/') - 1) ELSE `first` END) AS `host`
    FROM `words`
  ),
  `read` AS (
    SELECT *,
      CASE WHEN `last` GLOB '<*>' THEN substr(`last`, 2, length(`last`) - 2) ELSE `last` END AS `last_url`,
      substr(`host`, length(rtrim(`host`, replace(`host`, '.', ''))) + 1) AS `tld`
    FROM `parts`
  ),
  `classified` AS (
    SELECT `tbl`, `row_id`, `elem`, `piece_no`, `piece`, `first`, `head`, `after_first`, `last_url`,
      (lower(`first`) GLOB 'http://?*' OR lower(`first`) GLOB 'https://?*') AS `first_is_url`,
      (lower(`first`) NOT GLOB '*[^a-z0-9./_%?=&#:~+-]*' AND `host` NOT GLOB '*[^a-z0-9.-]*' AND `host` GLOB '*.*'
        AND `host` NOT GLOB '*..*' AND `host` NOT GLOB '[.-]*' AND `tld` <> '' AND `tld` NOT GLOB '*[^a-z]*'
        AND length(`tld`) BETWEEN 2 AND 24) AS `first_is_bare`,
      (`head` <> '' AND (lower(`last_url`) GLOB 'http://?*' OR lower(`last_url`) GLOB 'https://?*')) AS `last_is_url`,
      (`piece` GLOB '<*>' AND (lower(`piece`) GLOB '<http://?*>' OR lower(`piece`) GLOB '<https://?*>')) AS `is_bracketed`
    FROM `read`
  ),
  `titled` AS (
    SELECT *,
      CASE WHEN `after_first` GLOB '(*)' OR `after_first` GLOB '（*）'
        THEN trim(substr(`after_first`, 2, length(`after_first`) - 2)) ELSE `after_first` END AS `title_after`,
      CASE WHEN trim(`head`) GLOB '(*)' OR trim(`head`) GLOB '（*）'
        THEN trim(substr(trim(`head`), 2, length(trim(`head`)) - 2)) ELSE trim(`head`) END AS `title_before`
    FROM `classified`
  )
SELECT c.`tbl`, c.`row_id`, c.`elem`, c.`piece_no`,
  CASE
    WHEN l.`cited` IS NOT NULL THEN json_object('title', l.`title`, 'url', l.`url`)
    WHEN c.`first_is_url` THEN json_object('title', nullif(c.`title_after`, ''), 'url', c.`first`)
    WHEN c.`first_is_bare` THEN json_object('title', nullif(c.`title_after`, ''), 'url', 'https://' || c.`first`)
    WHEN c.`last_is_url` THEN json_object('title', nullif(c.`title_before`, ''), 'url', c.`last_url`)
    WHEN c.`is_bracketed` THEN json_object('title', NULL, 'url', substr(c.`piece`, 2, length(c.`piece`) - 2))
    ELSE json_object('title', c.`piece`, 'url', NULL)
  END AS `json`
FROM `titled` c LEFT JOIN `seed_source_links` l ON l.`cited` = c.`piece`
UNION ALL
SELECT `tbl`, `row_id`, `elem`, 0, `value` FROM `elements` WHERE `kind` = 'object'
--> statement-breakpoint
UPDATE `products` SET `sources` = (
  SELECT json_group_array(json(s.`json`) ORDER BY s.`elem`, s.`piece_no`) FROM `source_json` s
  WHERE s.`tbl` = 'products' AND s.`row_id` = `products`.`id`
)
WHERE `id` IN (SELECT d.`id` FROM `products` d, json_each(d.`sources`) j WHERE j.`type` = 'text')
--> statement-breakpoint
UPDATE `designations` SET `sources` = (
  SELECT json_group_array(json(s.`json`) ORDER BY s.`elem`, s.`piece_no`) FROM `source_json` s
  WHERE s.`tbl` = 'designations' AND s.`row_id` = `designations`.`id`
)
WHERE `id` IN (SELECT d.`id` FROM `designations` d, json_each(d.`sources`) j WHERE j.`type` = 'text')
--> statement-breakpoint
-- A seeded fact known only to the year was dated 1 January and said so in its notes: its seeded moves
-- (no account, noted 种子数据) now carry the year itself, the precision the fact is known to.
UPDATE `transitions` SET `on` = substr(`on`, 1, 4)
WHERE `note` = '种子数据' AND `user_id` IS NULL AND `on` GLOB '[0-9][0-9][0-9][0-9]-01-01'
  AND `designation_id` IN (SELECT `id` FROM `designations` WHERE instr(`notes`, '日期仅知年份，按当年1月1日记。') > 0)
--> statement-breakpoint
-- Seeded moves say where their fact came from (the designation's sources) and how sure it is, instead of 种子数据.
UPDATE `transitions` SET `note` = '来源：' || coalesce((
    SELECT group_concat(CASE WHEN json_extract(j.`value`, '$.title') IS NOT NULL AND json_extract(j.`value`, '$.url') IS NOT NULL
        THEN json_extract(j.`value`, '$.title') || ' <' || json_extract(j.`value`, '$.url') || '>'
        ELSE coalesce(json_extract(j.`value`, '$.url'), json_extract(j.`value`, '$.title')) END, '；' ORDER BY CAST(j.`key` AS integer))
    FROM `designations` d, json_each(d.`sources`) j WHERE d.`id` = `transitions`.`designation_id`), '未注明')
  || coalesce((SELECT CASE WHEN instr(d.`notes`, '来源可信度：较高') > 0 THEN '（可信度：较高）'
      WHEN instr(d.`notes`, '来源可信度：一般') > 0 THEN '（可信度：一般）' END
    FROM `designations` d WHERE d.`id` = `transitions`.`designation_id`), '')
WHERE `note` = '种子数据' AND `user_id` IS NULL
--> statement-breakpoint
UPDATE `transitions` SET `note` = '规划列为培育对象。来源：晋城市“十四五”知识产权保护和运用规划（晋市政发〔2022〕32号）'
WHERE `note` = '规划列为培育对象' AND `user_id` IS NULL
--> statement-breakpoint
-- The date's precision now says what the year-only sentence said.
UPDATE `designations` SET `notes` = trim(replace(replace(`notes`, ' 日期仅知年份，按当年1月1日记。', ''), '日期仅知年份，按当年1月1日记。', ''))
WHERE instr(`notes`, '日期仅知年份，按当年1月1日记。') > 0
--> statement-breakpoint
-- The seed's English notes in Chinese (seeds/notes-zh.csv), only in notes the seed wrote (they carry its
-- 来源可信度 sentence); hand-written notes are left as they are.
UPDATE `designations` SET `notes` = '2020年11月前已注册；是规划基数“成功注册4件”地理标志商标之一。' || substr(`notes`, length('registered before Nov 2020; one of the 4 GI trademarks of the baseline') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'registered before Nov 2020; one of the 4 GI trademarks of the baseline' OR substr(`notes`, 1, length('registered before Nov 2020; one of the 4 GI trademarks of the baseline') + 1) = 'registered before Nov 2020; one of the 4 GI trademarks of the baseline ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '2020年11月前已注册。' || substr(`notes`, length('registered before Nov 2020') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'registered before Nov 2020' OR substr(`notes`, 1, length('registered before Nov 2020') + 1) = 'registered before Nov 2020 ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '国家知识产权局公告第437号（2021-07-09）受理申请，涵盖7个乡镇；未查到批准。' || substr(`notes`, length('application accepted by CNIPA 公告第437号 (2021-07-09), covering 7 townships; approval not found') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'application accepted by CNIPA 公告第437号 (2021-07-09), covering 7 townships; approval not found' OR substr(`notes`, 1, length('application accepted by CNIPA 公告第437号 (2021-07-09), covering 7 townships; approval not found') + 1) = 'application accepted by CNIPA 公告第437号 (2021-07-09), covering 7 townships; approval not found ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '商标公告第1717期；晋城市第4件地理标志商标。' || substr(`notes`, length('商标公告第1717期; the city''s 4th GI trademark') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = '商标公告第1717期; the city''s 4th GI trademark' OR substr(`notes`, 1, length('商标公告第1717期; the city''s 4th GI trademark') + 1) = '商标公告第1717期; the city''s 4th GI trademark ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '地方标准 DB14/T 2361-2021。' || substr(`notes`, length('local standard DB14/T 2361-2021') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'local standard DB14/T 2361-2021' OR substr(`notes`, 1, length('local standard DB14/T 2361-2021') + 1) = 'local standard DB14/T 2361-2021 ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '首个蚕茧地理标志保护产品。' || substr(`notes`, length('first GI protected product for silkworm cocoons') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'first GI protected product for silkworm cocoons' OR substr(`notes`, 1, length('first GI protected product for silkworm cocoons') + 1) = 'first GI protected product for silkworm cocoons ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = '编号为质量控制技术规范编号。' || substr(`notes`, length('number is the quality-control specification number') + 1)
WHERE instr(`notes`, '来源可信度：') > 0 AND (`notes` = 'number is the quality-control specification number' OR substr(`notes`, 1, length('number is the quality-control specification number') + 1) = 'number is the quality-control specification number ')
--> statement-breakpoint
UPDATE `designations` SET `notes` = replace(`notes`, '专栏6 商标品牌培育计划 (already a GI certification mark; the route sought here is the second protection)', '专栏6 商标品牌培育计划（已是地理标志证明商标；此处所寻求的是第二种保护）')
WHERE substr(`notes`, 1, 8) = '规划列为培育对象'
--> statement-breakpoint
DROP TABLE `temp`.`source_json`
--> statement-breakpoint
DROP TABLE `temp`.`seed_source_links`;
