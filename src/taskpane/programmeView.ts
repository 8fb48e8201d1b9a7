import { GIA_SUBJECTS, type IndicatorSummary, type RowTone } from "../engine";
import type { ResultRow } from "./actions";

/**
 * The pane's rows for the programmes' indicators of docs/method.md §8 under «Сводка показателей»:
 * the latest value of each, against the programme's target where it sets one («рост»,
 * «сокращение»). An indicator that moved the wrong way is «вне цели», as on the sheet.
 */
type Tone = Exclude<RowTone, null>;

const points = (value: number) =>
  `${(Math.round(value * 10) / 10).toString().replace(".", ",")}\u00a0п.\u00a0п.`;
const percent = (value: number | null) =>
  value === null
    ? "нет данных"
    : `${(Math.round(value * 10) / 10).toString().replace(".", ",")}\u00a0%`;

export function programmeViewRows({ programme }: IndicatorSummary): ResultRow[] {
  const rows: ResultRow[] = [];
  const add = (key: string, title: string, reason: string, tone: Tone, detail = "") =>
    rows.push({ key, title, detail, reason, tone, status: tone });
  for (const { subject, genitive } of GIA_SUBJECTS) {
    const pairs = programme.positiveDynamics.filter((item) => item.subject === subject);
    const last = pairs.at(-1);
    if (last === undefined) continue;
    const before = pairs.find((item) => item.year.end === last.previous.end);
    const grew = before?.share == null || last.share === null ? null : last.share > before.share;
    add(
      `gia-dynamics:${subject}`,
      `Положительная динамика ГИА по ${genitive}, ${last.previous.label} → ${last.year.label}`,
      `${percent(last.share)} школ (${last.improved} из ${last.schools})` +
        (before === undefined ? "" : `; в ${before.year.label} — ${percent(before.share)}`) +
        "; цель — рост доли",
      grew === null ? "unknown" : grew ? "ok" : "alert"
    );
  }
  programme.gaps.forEach((gap, index) => {
    const known = gap.values.filter((value) => value.value !== null);
    const last = known.at(-1);
    if (last === undefined) return;
    const before = known.at(-2);
    const arrow = gap.arrows.at(-1);
    add(
      `gap:${index}`,
      `Разрыв между школами: ${gap.procedure.label}, ${last.year.label}`,
      `${points(last.value!)}` +
        (before === undefined ? "" : `; в ${before.year.label} — ${points(before.value!)}`) +
        "; цель — сокращение",
      before === undefined ? "unknown" : arrow === "↓" ? "ok" : "alert",
      gap.arrows.join(" ")
    );
  });
  programme.highResults.forEach((item, index) =>
    add(
      `high:${index}`,
      `% высоких результатов: ${item.procedure.label}`,
      item.values.map((value) => `${value.year.label}: ${percent(value.value)}`).join(" → "),
      "unknown",
      item.arrows.join(" ")
    )
  );
  return rows;
}
