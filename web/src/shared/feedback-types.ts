// Feedback after the meal (issue 22): the API's types for the web app, kept in their own file beside
// types.ts. The socket view is the DO's own type; the REST shapes come from the generated description.
import type { components } from "../../../clients/typescript/seatline-api";

type Schemas = components["schemas"];
export type { FeedbackView } from "../../../domain/feedback";
export type Feedback = Schemas["Feedback"];
export type FeedbackSettings = Schemas["FeedbackSettings"];
export type GuestFeedback = Schemas["GuestFeedback"];
export type InsightsFeedback = Schemas["InsightsFeedback"];
