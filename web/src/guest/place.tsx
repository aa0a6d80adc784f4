// The place's own facts on the check-in page: address with a map link, today's hours, its phone.
import type { Formats } from "./i18n/format";
import { useI18n } from "./i18n/context";
import type { PublicLocation } from "../shared/types";

export function PlaceFacts({ loc, fmt }: { loc: PublicLocation; fmt: Formats }) {
  const { tr } = useI18n();
  const hours = loc.hoursToday.map((s) => fmt.range(s.start, s.end)).join(", ");
  return (
    <dl class="place" data-testid="place">
      {loc.address ? (
        <div>
          <dt>{tr.t("place.address")}</dt>
          <dd>
            {loc.address}{" "}
            <a href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(loc.address)}`} target="_blank" rel="noopener noreferrer">
              {tr.t("place.map")}
            </a>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{tr.t("place.hoursToday")}</dt>
        <dd data-testid="hours-today">{hours ? <bdi>{hours}</bdi> : tr.t("place.closedToday")}</dd>
      </div>
      {loc.phone ? (
        <div>
          <dt class="sr-only">{tr.t("form.phone")}</dt>
          <dd>
            <a href={`tel:${loc.phone}`}>{tr.t("place.call", { phone: loc.phoneDisplay ?? loc.phone })}</a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
