-- Cultivation dossiers: each GI type's checklist (template), and per designation the items of its
-- application with their status, owner, due date, note and backing documents.
CREATE TABLE `dossier_templates` (
	`gi_type` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `dossiers` (
	`designation_id` integer PRIMARY KEY NOT NULL REFERENCES `designations`(`id`),
	`template_version` integer NOT NULL,
	`filed_incomplete` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dossier_items` (
	`designation_id` integer NOT NULL REFERENCES `dossiers`(`designation_id`),
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'missing' NOT NULL,
	`owner` text,
	`due_on` text,
	`note` text DEFAULT '' NOT NULL,
	`document_ids` text DEFAULT '[]' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`designation_id`, `key`)
);
--> statement-breakpoint
-- The checklists of the current rules: 《集体商标、证明商标注册和管理规定》 (2024) and
-- 《地理标志产品保护办法》 (2024). Agricultural-product GIs take no new registrations since 2022: none.
INSERT INTO `dossier_templates` (`gi_type`, `version`, `items`) VALUES ('trademark', 1, json('[
 {"key":"applicant_qualification","titleZh":"主体资格证明","titleEn":"Applicant''s qualification"},
 {"key":"government_approval","titleZh":"地方人民政府或主管部门同意申请的批准文件","titleEn":"Local government''s approval of the applicant"},
 {"key":"area_delimitation","titleZh":"地域范围划定文件","titleEn":"Delimitation of the production area"},
 {"key":"specific_quality","titleZh":"特定质量、信誉或特征及其与地理环境关系的说明","titleEn":"The product''s specific quality and its link to the area"},
 {"key":"testing_capability","titleZh":"检验检测能力证明","titleEn":"Testing capability"},
 {"key":"usage_rules","titleZh":"使用管理规则","titleEn":"Rules for using the mark"},
 {"key":"historical_evidence","titleZh":"历史渊源材料","titleEn":"Historical evidence"},
 {"key":"mark_design","titleZh":"商标图样","titleEn":"The mark''s design"}
]')), ('protected_product', 1, json('[
 {"key":"area_proposal","titleZh":"当地人民政府关于产地范围的建议","titleEn":"Government''s proposal of the production area"},
 {"key":"applicant_designation","titleZh":"申请机构（申请人）的确定文件","titleEn":"Designation of the applicant"},
 {"key":"name_and_area","titleZh":"产品名称、类别、产地范围及地理特征说明","titleEn":"Name, category, area and geographic features"},
 {"key":"quality_link","titleZh":"质量特色及其与自然因素、人文因素的关联性说明","titleEn":"Quality features and their link to natural and human factors"},
 {"key":"technical_specification","titleZh":"质量技术要求","titleEn":"Technical specification"},
 {"key":"reputation_history","titleZh":"知名度、产销及历史渊源材料","titleEn":"Reputation, production and history"},
 {"key":"test_report","titleZh":"检测报告","titleEn":"Test report"}
]')), ('agricultural_product', 1, '[]');
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_insert_moves_registry` AFTER INSERT ON `dossier_templates`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_update_moves_registry` AFTER UPDATE ON `dossier_templates`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_delete_moves_registry` AFTER DELETE ON `dossier_templates`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_insert_moves_registry` AFTER INSERT ON `dossiers`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_update_moves_registry` AFTER UPDATE ON `dossiers`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_delete_moves_registry` AFTER DELETE ON `dossiers`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_insert_moves_registry` AFTER INSERT ON `dossier_items`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_update_moves_registry` AFTER UPDATE ON `dossier_items`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_delete_moves_registry` AFTER DELETE ON `dossier_items`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
