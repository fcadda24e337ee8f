// The ISMS calendar (9.2, 9.3, 7.3, 8.2, A.5.22…): the recurring activities overdue and due within the
// next 30, 90 or 365 days, the overdue ones first and marked; planned ones recorded as done by those allowed.
import { useState } from "react";
import { fetchCalendar } from "../../api/endpoints.js";
import type { CalendarItem } from "../../api/register-schemas.js";
import { allows } from "../../app/access.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { DoneNote, WhenLoaded } from "../../components/Notes.js";
import { CompletionForm } from "./CompletionForm.js";

const horizons = [30, 90, 365] as const;

export function CalendarScreen() {
  const { workspace, principal } = useWorkspace();
  const [withinDays, setWithinDays] = useState<number>(90);
  const [notice, setNotice] = useState<string | null>(null);
  const calendar = useResource(`calendar ${workspace} ${withinDays}`, () => fetchCalendar(workspace, withinDays));
  /** Planned activities (ACT-…) the account may record; items of other registers are recorded there. */
  const recordable = (items: CalendarItem[]) => items.filter((i) => /^ACT-\d+$/.test(i.id) && allows(principal, "update", "activities", { id: i.id, owner: i.owner }));

  return (
    <main className="page" aria-labelledby="calendar-title">
      <div className="page-head">
        <h1 id="calendar-title">Calendar</h1>
        <label>
          Due within{" "}
          <select value={withinDays} onChange={(e) => setWithinDays(Number(e.target.value))}>
            {horizons.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </label>
      </div>
      <WhenLoaded loaded={calendar.loaded} what="the calendar">
        {({ asOf, items }) => (
          <div className="table-wrap">
            <p className="muted small" data-testid="calendar-count">
              {items.filter((i) => i.overdue).length} overdue, {items.filter((i) => !i.overdue).length} due within {withinDays} days of {asOf}
            </p>
            <table className="grid" aria-label="Calendar">
              <thead>
                <tr>
                  <th scope="col" style={{ width: "7rem" }}>
                    Due
                  </th>
                  <th scope="col">Activity</th>
                  <th scope="col" style={{ width: "9rem" }}>
                    Kind
                  </th>
                  <th scope="col" style={{ width: "9rem" }}>
                    Owner
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Last done
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Basis
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Every
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} data-activity={item.id} data-overdue={item.overdue ? "yes" : "no"}>
                    <td className={item.overdue ? "bad-text" : undefined}>
                      {item.due}
                      {item.overdue ? (
                        <>
                          {" "}
                          <span className="pill bad-text">overdue</span>
                        </>
                      ) : null}
                    </td>
                    <td>{item.title}</td>
                    <td>{item.kind}</td>
                    <td>{item.owner ?? "—"}</td>
                    <td>{item.lastDone ?? "never"}</td>
                    <td>{item.basis}</td>
                    <td>{item.recurrenceMonths ? `${item.recurrenceMonths} months` : "once"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {items.length === 0 ? <p className="muted">Nothing overdue and nothing due within {withinDays} days.</p> : null}
            <DoneNote message={notice} />
            <CompletionForm
              key={recordable(items).map((i) => i.id).join(" ")}
              workspace={workspace}
              activities={recordable(items)}
              onRecorded={(message) => {
                setNotice(message);
                calendar.reload();
              }}
            />
          </div>
        )}
      </WhenLoaded>
    </main>
  );
}
