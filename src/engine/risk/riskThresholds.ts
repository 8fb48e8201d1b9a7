import type { CellValue, EngineError, SheetGrid, Warning } from "../types";
import { cellAddress, quotedSheetName } from "../table/cellAddress";
import { cellText } from "../table/cellValue";
import { engineError } from "../engineError";
import { normalizeText, quoteFound } from "../russianText";
import {
  ALL_RISK_PARAMETERS,
  RISK_FACTORS,
  type FactorPresenceRule,
  type RiskDirection,
} from "./riskFactors";
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

/** The settings sheet as read: the thresholds in force and the rule that makes a factor present. */
export interface RiskThresholdsSheet {
  thresholds: RiskThresholds;
  rule: FactorPresenceRule;
  warnings: Warning[];
}

/** The «Код» of the row that holds the rule, and the words the user writes in its «Порог» cell. */
const RULE_CODE = "Правило";
export const PRESENCE_RULE_WORDS: Record<FactorPresenceRule, string> = {
  any: "любой параметр",
  half: "не менее половины",
};
/** What each rule means, after «фактор присутствует, если за порогом …»: the sheet and the method say the same. */
export const PRESENCE_RULE_MEANING: Record<FactorPresenceRule, string> = {
  any: "хотя бы один его заполненный параметр",
  half: "не менее половины его заполненных параметров",
};
const DEFAULT_RULE: FactorPresenceRule = "any";

/**
 * The settings sheet: the rule first (one setting for all factors, seen before the forty thresholds),
 * then one row per parameter; the user edits the «Порог» column (and may flip the direction).
 */
export function riskThresholdsLayout(
  thresholds: RiskThresholds = defaultRiskThresholds(),
  rule: FactorPresenceRule = DEFAULT_RULE
): SheetLayout {
  const ruleRow: CellValue[] = [
    RULE_CODE,
    "Все факторы",
    `Фактор присутствует, если за порогом: «${PRESENCE_RULE_WORDS.any}» — ${PRESENCE_RULE_MEANING.any}; «${PRESENCE_RULE_WORDS.half}» — ${PRESENCE_RULE_MEANING.half}`,
    "",
    PRESENCE_RULE_WORDS[rule],
  ];
  const parameterRows: CellValue[][] = RISK_FACTORS.flatMap((factor) =>
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
  const body = [ruleRow, ...parameterRows];
  return {
    name: "Пороги факторов риска",
    marker: RISK_THRESHOLDS_MARKER,
    // Settings the user edits: written once, then theirs.
    userData: true,
    preamble: [
      "Школьный радар — пороги параметров факторов риска",
      "Измените значения в столбце «Порог» (и, если нужно, «Риск, когда»): матрица рисков пересчитывается по этому листу.",
      `Правило для всех факторов — в строке «${RULE_CODE}», столбец «Порог»: «${PRESENCE_RULE_WORDS.any}» (по умолчанию) — фактор присутствует, если за порогом ${PRESENCE_RULE_MEANING.any}; «${PRESENCE_RULE_WORDS.half}» — строже: за порогом ${PRESENCE_RULE_MEANING.half}.`,
      "Значения по умолчанию — предложение программы, не федеральная норма.",
    ],
    header: ["Код", "Фактор риска", "Параметр", "Риск, когда", "Порог"],
    body,
    columns: [
      { width: 8 },
      { width: 40, wrap: true },
      { width: 60, wrap: true },
      { width: 14 },
      // Wide enough for the rule's words («не менее половины») as well as a number. No format of its
      // own: `0.##` shows a whole threshold as «3,» in LibreOffice (Excel «3.»); General shows «3»
      // and «0,5» in both.
      { width: 18 },
    ],
  };
}

/**
 * Reads the thresholds back from the settings sheet; a parameter the sheet lacks keeps its default, an
 * unreadable threshold is a warning and keeps the default too. So does the rule: a sheet written before
 * the rule had its row says so in a warning, since its own text may still describe the stricter rule.
 */
export function readRiskThresholds(grid: SheetGrid): RiskThresholdsSheet | EngineError {
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
  let rule: FactorPresenceRule | undefined;
  for (let index = headerIndex + 1; index < grid.values.length; index++) {
    const row = grid.values[index] ?? [];
    const address = (column: number): string =>
      cellAddress(grid.sheetName, firstRow + index, firstColumn + column);
    const code = cellText(row[codeColumn]).replace(/^F/i, "Ф");
    if (normalizeText(code) === normalizeText(RULE_CODE)) {
      rule = readRule(row[thresholdColumn], address(thresholdColumn), warnings);
      continue;
    }
    const current = thresholds.get(code);
    if (!current) continue;
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
  if (rule === undefined) {
    warnings.push({
      cell: quotedSheetName(grid.sheetName),
      message: `нет строки «${RULE_CODE}»: применено правило по умолчанию — фактор присутствует, если за порогом ${PRESENCE_RULE_MEANING[DEFAULT_RULE]}; для другого правила добавьте строку с кодом «${RULE_CODE}» и в столбце «Порог» впишите «${PRESENCE_RULE_WORDS.half}»`,
    });
  }
  return { thresholds, rule: rule ?? DEFAULT_RULE, warnings };
}

/** The rule from its cell: a word of either choice is enough («половина», «любой»). */
function readRule(
  raw: CellValue | undefined,
  cell: string,
  warnings: Warning[]
): FactorPresenceRule {
  const text = normalizeText(cellText(raw));
  if (/половин/.test(text)) return "half";
  if (/любо/.test(text)) return "any";
  warnings.push({
    cell,
    message: `правило факторов: ожидалось «${PRESENCE_RULE_WORDS.any}» или «${PRESENCE_RULE_WORDS.half}»; найдено ${quoteFound(cellText(raw))}; применено правило по умолчанию «${PRESENCE_RULE_WORDS[DEFAULT_RULE]}»`,
  });
  return DEFAULT_RULE;
}

function readDirection(text: string): RiskDirection | null {
  const normal = normalizeText(text);
  if (/выше|больше|>/.test(normal)) return "above";
  if (/ниже|меньше|</.test(normal)) return "below";
  return null;
}
