import type { Procedure } from "../table/exportTable";

/**
 * What a procedure's low-result share is called (docs/method.md §2). ВПР gives marks, so its low
 * results are marks «2». ОГЭ and ЕГЭ are judged by the minimum threshold of points, and ЕГЭ gives no
 * mark at all: «% «2»» there would name something that does not exist. The export's own column header
 * may still say «% «2»» — that is the user's text, read as it is.
 */
export function isThresholdExam(procedure: Pick<Procedure, "family">): boolean {
  return procedure.family === "ОГЭ" || procedure.family === "ЕГЭ";
}

/** A share in a sentence: «% «2»» or «% не преодолевших минимальный порог». */
export function lowShareName(procedure: Pick<Procedure, "family">): string {
  return isThresholdExam(procedure) ? "% не преодолевших минимальный порог" : "% «2»";
}

/**
 * An axis or a heading over several procedures: one name when they are of one kind, both — each with
 * its families — when ВПР and ОГЭ/ЕГЭ stand together: «% «2» (ВПР), % ниже минимального порога (ОГЭ, ЕГЭ)».
 */
export function lowShareNameOf(procedures: Pick<Procedure, "family">[]): string {
  const families = (exams: boolean) => [
    ...new Set(
      procedures.filter((item) => isThresholdExam(item) === exams).map((item) => item.family)
    ),
  ];
  const marks = families(false);
  const exams = families(true);
  if (exams.length === 0) return "% «2»";
  if (marks.length === 0) return "% ниже минимального порога";
  return `% «2» (${marks.join(", ")}),\u00a0% ниже минимального порога (${exams.join(", ")})`;
}
