// Errors the catalog throws when a lookup names something the catalog does not hold.
// Each carries what was looked for and the command that lists the valid ids, so a user can act on it.

export interface CatalogLookupErrorDetails {
  /** What kind of entry was looked up, as a reader would say it, e.g. "ISO/IEC 27001:2022 Annex A control". */
  readonly entity: string;
  /** The id or text the caller asked for, exactly as given. */
  readonly query: string;
  /** The `isms` command that lists the valid ids, e.g. "isms catalog controls". */
  readonly listCommand: string;
}

export class CatalogLookupError extends Error {
  override readonly name = "CatalogLookupError";
  readonly entity: string;
  readonly query: string;
  readonly listCommand: string;

  constructor(details: CatalogLookupErrorDetails) {
    super(
      `No ${details.entity} matches "${details.query}". ` +
        `Run \`${details.listCommand}\` to list the valid ids.`,
    );
    this.entity = details.entity;
    this.query = details.query;
    this.listCommand = details.listCommand;
  }
}
