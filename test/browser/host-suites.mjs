// The host screen's flows (issue 16), each suite with its own owner and location.
import { hostAddFlows } from "./host-add.flow.mjs";
import { hostLineFlows } from "./host-line.flow.mjs";
import { hostEditFlows } from "./host-edit.flow.mjs";
import { hostAlertFlows } from "./host-alerts.flow.mjs";
import { hostReservationFlows } from "./host-reservations.flow.mjs";
import { hostA11yFlows } from "./host-a11y.flow.mjs";
import { hostHoldFlows } from "./host-hold.flow.mjs";
import { hostQuoteFlows } from "./host-quotes.flow.mjs";
import { hostGuestFlows } from "./host-guests.flow.mjs";

export const hostSuites = {
  "host-add": hostAddFlows,
  "host-line": hostLineFlows,
  "host-edit": hostEditFlows,
  "host-alerts": hostAlertFlows,
  "host-reservations": hostReservationFlows,
  "host-a11y": hostA11yFlows,
  "host-hold": hostHoldFlows,
  "host-quotes": hostQuoteFlows,
  "host-guests": hostGuestFlows,
};
