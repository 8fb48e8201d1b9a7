/** A sheet the copying writer added, or a user-data layout it kept as the workbook had it. */
export interface WrittenSheet {
  marker: string;
  /** The name the layout asked for (`ШНОР`). */
  requestedName: string;
  /** The name actually used: differs when a user sheet already had the requested one. */
  name: string;
}

/** What appendOutputs did to a workbook: the command line and the page report it to the user. */
export interface AddedOutputs {
  sheets: WrittenSheet[];
  /** Our own sheets from an earlier run that this run replaced. */
  replacedSheets: string[];
  /**
   * User-data layouts (thresholds, templates) not written because the workbook already has that sheet:
   * `name` is the existing sheet, which is the user's now and is left as it is.
   */
  keptSheets: WrittenSheet[];
}
