CREATE TABLE `insight_rollups` (
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`period` text NOT NULL,
	`key` text NOT NULL,
	`floor` text,
	`messages` text,
	`floor_computed_at` integer,
	`messages_computed_at` integer,
	PRIMARY KEY(`location_id`, `period`, `key`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insight_rollups_account_idx` ON `insight_rollups` (`account_id`,`period`,`key`);--> statement-breakpoint
ALTER TABLE `parties` ADD `join_estimate_minutes` integer;--> statement-breakpoint
CREATE INDEX `parties_location_created_idx` ON `parties` (`location_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `parties_location_seated_idx` ON `parties` (`location_id`,`seated_at`);--> statement-breakpoint
CREATE INDEX `reservations_location_seated_idx` ON `reservations` (`location_id`,`seated_at`);