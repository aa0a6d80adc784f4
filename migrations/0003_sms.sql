CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`party_id` text,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`to_phone` text NOT NULL,
	`from_phone` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`provider` text,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	`delivered_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_party_idx` ON `messages` (`location_id`,`party_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_provider_idx` ON `messages` (`provider_message_id`);--> statement-breakpoint
CREATE INDEX `messages_to_idx` ON `messages` (`to_phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_account_idx` ON `messages` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `provider_health` (
	`provider` text PRIMARY KEY NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`open_until` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`account_id` text NOT NULL,
	`phone` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `phone`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
