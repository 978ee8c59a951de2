/**
 * The one rule for which columns of a table with a header row are the vectors and which is the label,
 * used by the CLI (io/detect.ts) and the app (workers/choices.ts) alike, so that the same file gives
 * the same vectors and labels in both.
 */

/** A header column: its name and whether its (sampled) data cells are all numbers. */
export interface ColumnInfo {
  name: string;
  numeric: boolean;
}

/** Column names taken as the labels when none is named: label, labels, class, y (any case). */
export function isLabelColumnName(column: string): boolean {
  return /^(labels?|class|y)$/i.test(column);
}

/** Numeric columns that are row identifiers, not coordinates (pandas writes its index as '' or 'Unnamed: 0'). */
export const ID_COLUMN = /^(id|idx|index|row|unnamed: ?\d+|)$/i;

/** What the rule decided for a table, and the question left open. */
export interface ColumnRoles {
  /** The label column, '' for none. */
  labelColumn: string;
  /** The vector components, in file order. */
  vectorColumns: string[];
  /** Several text columns and none named like a label: the text columns to choose from (else null). */
  ambiguousLabels: string[] | null;
}

/**
 * The label column: `labelColumn` when given ('' = none), else the first column named label/labels/
 * class/y (any case, numeric or not), else the only text column, else none (several text columns
 * and none named like a label: none, with ambiguousLabels listing them). The vectors: `vectorColumns`
 * when given, else every numeric column except the label and id-like ones (ID_COLUMN).
 */
export function columnRoles(columns: readonly ColumnInfo[], chosen: { labelColumn?: string; vectorColumns?: string[] } = {}): ColumnRoles {
  const named = columns.find((c) => isLabelColumnName(c.name));
  const text = columns.filter((c) => !c.numeric);
  let labelColumn = chosen.labelColumn ?? named?.name ?? (text.length === 1 ? text[0].name : '');
  const ambiguousLabels = chosen.labelColumn === undefined && !named && text.length > 1 ? text.map((c) => c.name) : null;
  if (ambiguousLabels) labelColumn = '';
  const vectorColumns = chosen.vectorColumns ?? columns.filter((c) => c.numeric && c.name !== labelColumn && !ID_COLUMN.test(c.name)).map((c) => c.name);
  return { labelColumn, vectorColumns, ambiguousLabels };
}
