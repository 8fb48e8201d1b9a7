import type { CellValue, EngineError, SheetGrid, Warning } from "../types";
import { cellAddress } from "../table/cellAddress";
import { cellText } from "../table/cellValue";
import { engineError } from "../engineError";
import { normalizeText, quoteFound } from "../russianText";
import { ALL_RISK_PARAMETERS, RISK_FACTORS, type RiskDirection } from "./riskFactors";
import type { SheetLayout } from "../sheetLayout";

/** Code → direction and threshold in force. */
export type RiskThresholds = Map<string, { direction: RiskDirection; threshold: number }>;

export function defaultRiskThresholds(): RiskThresholds {
  return new Map(
    ALL_RISK_PARAMETERS.map((parameter) => [
      parameter.code,
      { direction: parameter.direction, threshold: parameter.threshold },
    ])
  );
}

const DIRECTION_WORDS: Record<RiskDirection, string> = {
  above: "выше порога",
  below: "ниже порога",
};

export const RISK_THRESHOLDS_MARKER = "school-radar:risk-thresholds";

/** The settings sheet: one row per parameter, the user edits the «Порог» column (and may flip the direction). */
export function riskThresholdsLayout(
  thresholds: RiskThresholds = defaultRiskThresholds()
): SheetLayout {
  const body: CellValue[][] = RISK_FACTORS.flatMap((factor) =>
    factor.parameters.map((parameter) => {
      const current = thresholds.get(parameter.code) ?? parameter;
      return [
        parameter.code,
        factor.name,
        parameter.label,
        DIRECTION_WORDS[current.direction],
        current.threshold,
      ];
    })
  );
  return {
    name: "Пороги факторов риска",
    marker: RISK_THRESHOLDS_MARKER,
    // Settings the user edits: written once, then theirs.
    userData: true,
    preamble: [
      "Школьный радар — пороги параметров факторов риска",
      "Измените значения в столбце «Порог» (и, если нужно, «Риск, когда»): матрица рисков пересчитывается по этому листу.",
      "Фактор считается присутствующим, если не менее половины его заполненных параметров за порогом. Значения по умолчанию — предложение программы, не федеральная норма.",
    ],
    header: ["Код", "Фактор риска", "Параметр", "Риск, когда", "Порог"],
    body,
    columns: [
      { width: 8 },
      { width: 40, wrap: true },
      { width: 60, wrap: true },
      { width: 14 },
      { width: 10, numberFormat: "0.##" },
    ],
  };
}

/**
 * Reads the thresholds back from the settings sheet; a parameter the sheet lacks keeps its default, an
 * unreadable threshold is a warning and keeps the default too.
 */
export function readRiskThresholds(
  grid: SheetGrid
): { thresholds: RiskThresholds; warnings: Warning[] } | EngineError {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const headerIndex = grid.values.findIndex((row) => {
    const texts = row.map((cell) => normalizeText(cellText(cell)));
    return texts.includes("код") && texts.some((text) => text.startsWith("порог"));
  });
  if (headerIndex < 0) {
    return engineError(
      "no_table",
      `На листе «${grid.sheetName}» не найдена таблица порогов: ожидались столбцы «Код» и «Порог»`
    );
  }
  const header = grid.values[headerIndex].map((cell) => normalizeText(cellText(cell)));
  const codeColumn = header.indexOf("код");
  const thresholdColumn = header.findIndex((text) => text.startsWith("порог"));
  const directionColumn = header.findIndex((text) => text.startsWith("риск"));
  const thresholds = defaultRiskThresholds();
  const warnings: Warning[] = [];
  for (let index = headerIndex + 1; index < grid.values.length; index++) {
    const row = grid.values[index] ?? [];
    const code = cellText(row[codeColumn]).replace(/^F/i, "Ф");
    const current = thresholds.get(code);
    if (!current) continue;
    const address = (column: number): string =>
      cellAddress(grid.sheetName, firstRow + index, firstColumn + column);
    const raw = row[thresholdColumn];
    const value = typeof raw === "number" ? raw : Number(cellText(raw).replace(",", "."));
    if (cellText(raw) === "" || !Number.isFinite(value)) {
      warnings.push({
        cell: address(thresholdColumn),
        message: `порог ${code}: ожидалось число; найдено ${quoteFound(cellText(raw))}; оставлен порог по умолчанию ${current.threshold}`,
      });
      continue;
    }
    const direction =
      directionColumn < 0 ? current.direction : readDirection(cellText(row[directionColumn]));
    if (direction === null) {
      warnings.push({
        cell: address(directionColumn),
        message: `порог ${code}: ожидалось «выше порога» или «ниже порога»; найдено ${quoteFound(cellText(row[directionColumn]))}`,
      });
    }
    thresholds.set(code, { direction: direction ?? current.direction, threshold: value });
  }
  return { thresholds, warnings };
}

function readDirection(text: string): RiskDirection | null {
  const normal = normalizeText(text);
  if (/выше|больше|>/.test(normal)) return "above";
  if (/ниже|меньше|</.test(normal)) return "below";
  return null;
}
