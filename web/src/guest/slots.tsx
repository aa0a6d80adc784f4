// Choosing when: a date within the booking window, a party size within the online limit (both limits
// stated), and the day's times grouped by service (lunch, dinner) in one compact list each, instead
// of a grid of every slot of the day.
import { useEffect, useState } from "preact/hooks";
import type { Availability, ServiceHours, Slot } from "../shared/types";
import type { MessageKey } from "./i18n/catalogue";
import { useI18n } from "./i18n/context";
import type { Formats } from "./i18n/format";

export interface ServiceGroup {
  key: string;
  label: MessageKey;
  hours: ServiceHours;
  slots: Slot[];
}

function labelFor(start: string): MessageKey {
  return start < "11:00" ? "book.service.breakfast" : start < "16:00" ? "book.service.lunch" : "book.service.dinner";
}

/** The day's times under the service each falls in (times outside every service stand on their own). */
export function groupByService(slots: Slot[], services: ServiceHours[]): ServiceGroup[] {
  const groups: ServiceGroup[] = [...services]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((hours) => ({ key: `${hours.start}-${hours.end}`, label: labelFor(hours.start), hours, slots: [] }));
  for (const s of slots) {
    let g = groups.find((x) => s.localTime >= x.hours.start && s.localTime < x.hours.end);
    if (!g) {
      g = { key: s.localTime, label: labelFor(s.localTime), hours: { start: s.localTime, end: s.localTime }, slots: [] };
      groups.push(g);
    }
    g.slots.push(s);
  }
  return groups.filter((g) => g.slots.length > 0);
}

export function DateAndSize(props: {
  idPrefix: string;
  fmt: Formats;
  date: string;
  onDate: (d: string) => void;
  lastDate: string | null;
  size: number;
  onSize: (n: number) => void;
  maxSize: number;
}) {
  const { tr } = useI18n();
  const today = props.fmt.localDate(Date.now());
  return (
    <>
      <div class="row">
        <div class="field spacer">
          <label for={`${props.idPrefix}-date`}>{tr.t("book.date")}</label>
          <input
            id={`${props.idPrefix}-date`}
            type="date"
            value={props.date}
            min={today}
            max={props.lastDate ?? undefined}
            aria-describedby={`${props.idPrefix}-limits`}
            onInput={(e) => e.currentTarget.value && props.onDate(e.currentTarget.value)}
          />
        </div>
        <div class="field spacer">
          <label for={`${props.idPrefix}-size`}>{tr.t("form.partySize")}</label>
          <select id={`${props.idPrefix}-size`} value={String(props.size)} onChange={(e) => props.onSize(Number(e.currentTarget.value))} aria-describedby={`${props.idPrefix}-limits`}>
            {Array.from({ length: props.maxSize }, (_, i) => i + 1).map((n) => (
              <option value={n} key={n}>
                {tr.t("common.guests", { count: n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id={`${props.idPrefix}-limits`} class="hint limits" data-testid="limits">
        {props.lastDate ? <p>{tr.t("book.window", { date: props.fmt.calendarDate(props.lastDate) })}</p> : null}
        <p>{tr.t("book.sizeLimit", { count: props.maxSize })}</p>
      </div>
    </>
  );
}

export function SlotPicker({ avail, fmt, value, onPick, idPrefix }: { avail: Availability; fmt: Formats; value: string | null; onPick: (s: Slot | null) => void; idPrefix: string }) {
  const { tr } = useI18n();
  const groups = groupByService(avail.slots, avail.services);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => setChosen(null), [avail]);
  if (avail.date > avail.lastDate) return <p class="alert info" role="status">{tr.t("book.beyondWindow", { date: fmt.calendarDate(avail.lastDate) })}</p>;
  if (groups.length === 0) return <p class="alert info" role="status">{tr.t(avail.services.length === 0 ? "book.closedDay" : "book.noTimes")}</p>;
  const group = groups.find((g) => g.key === chosen) ?? groups.find((g) => g.slots.some((s) => s.start === value)) ?? groups[0]!;
  const selectId = `${idPrefix}-time`;
  return (
    <div class="slots">
      {groups.length > 1 ? (
        <div class="choices services" role="group" aria-label={tr.t("book.time")}>
          {groups.map((g) => (
            <button
              type="button"
              class="choice service"
              aria-pressed={g === group}
              key={g.key}
              onClick={() => {
                setChosen(g.key);
                if (!g.slots.some((s) => s.start === value)) onPick(null);
              }}
            >
              <span>{tr.t(g.label)}</span>
              <small>{tr.t("book.serviceTimes", { from: fmt.wallTime(g.slots[0]!.localTime), to: fmt.wallTime(g.slots.at(-1)!.localTime) })}</small>
            </button>
          ))}
        </div>
      ) : null}
      <label for={selectId}>{tr.t("book.pickTime", { service: tr.t(group.label) })}</label>
      <select
        id={selectId}
        value={group.slots.some((s) => s.start === value) ? value! : ""}
        onChange={(e) => onPick(group.slots.find((s) => s.start === e.currentTarget.value) ?? null)}
      >
        <option value="">{tr.t("book.choose")}</option>
        {group.slots.map((s) => (
          <option value={s.start} key={s.start}>
            {fmt.time(s.start)}
          </option>
        ))}
      </select>
    </div>
  );
}
