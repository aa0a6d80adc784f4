CREATE TABLE `parties` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`size` integer NOT NULL,
	`notes` text NOT NULL,
	`tags` text NOT NULL,
	`quoted_wait` integer NOT NULL,
	`source` text NOT NULL,
	`sms_consent` integer NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer,
	`notify_count` integer NOT NULL,
	`seated_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `parties_location_closed_idx` ON `parties` (`location_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `parties_account_idx` ON `parties` (`account_id`);