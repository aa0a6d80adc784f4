CREATE TABLE `reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`party_size` integer NOT NULL,
	`notes` text NOT NULL,
	`tags` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`table_ids` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`sms_consent` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`confirmed_at` integer,
	`arrived_at` integer,
	`seated_at` integer,
	`closed_at` integer,
	`version` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reservations_location_start_idx` ON `reservations` (`location_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `reservations_account_idx` ON `reservations` (`account_id`,`created_at`);