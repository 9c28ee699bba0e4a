import type { RefusalCatalogue } from '@kyodo/subgraph-kit';
import type { CardsRefusalKey } from './refusals.js';

/** The cards subgraph's refusals in English (I1). */
export const CARDS_REFUSALS_EN: RefusalCatalogue<CardsRefusalKey> = {
  guestsMayNotUseCards: 'Guests may not work with business cards (C3).',
  exportPermissionAdminOnly: 'Only a tenant administrator may grant the export permission (C3).',
  exportNeedsPermission: 'Exporting cards needs the export permission, which a tenant administrator grants (C3).',

  nameRequired: 'name is required.',
  fieldTooLong: '{field} has at most {max} characters.',
  emailInvalid: 'email "{email}" is not an email address.',
  urlInvalid: 'url must be an http(s) URL of at most {max} characters.',
  languageInvalid: 'language must be one of {languages}.',
  exchangedOnInvalid: 'exchangedOn "{value}" is not a date (YYYY-MM-DD).',
  addressesInvalid: 'at most {max} addresses of at most {maxLength} characters each.',
  phonesInvalid: 'phones: at most {max} numbers of digits, spaces and + ( ) - . only.',
  cardFieldsInvalid: 'The card has several problems: {problems}',

  tooManyGroups: 'A card is limited to at most {max} groups.',
  groupsExcludeAuthor: 'You are in none of these groups, so you could not see the card yourself; name at least one group you belong to (C3).',
  importGroupsExcludeAuthor: 'You are in none of these groups, so you could not see the imported cards yourself; name at least one group you belong to (C3).',
  mergeCardCount: 'Merge 2 to {max} different cards.',
  searchTooLong: 'A search has at most {max} characters.',

  imageNotBase64: 'The image is not base64.',
  imageEmpty: 'The image is empty.',
  imageTooLarge: 'An image is at most {maxKiB} KiB; this one has {bytes} bytes. Scan at 300 dpi or save it as JPEG.',
  imageNotJpegOrPng: 'The image must be a JPEG or a PNG file; these bytes are neither.',

  readNeedsScanned: 'Only a SCANNED card can be read (OCR); this card is {state}.',
  verifyNeedsRead: 'Only a READ card can be verified; this card is {state}.',
  cardChangedMeanwhile: 'The card changed meanwhile; try again.',
  cardHasNoFrontImage: 'The card has no front image yet; store it with setCardImage first.',

  scanSides: 'A scan has 1 side (front) or 2 (front and back); it was {sides} (L15).',
  scanQuotaExceeded:
    "This scan needs {sides} card side(s), but only {remaining} of the tenant's {limit} ({included} included + {purchased} purchased) remain; {used} are used. Buy a digitisation pack first (L15).",
  cardServiceEnded: "The tenant's card service contract ended on {endsOn}, so no more card sides can be digitised (L14, L15).",
  cardQuotaUnavailable: "The licensing service's card contract did not come with this request, so the card quota cannot be shown (L15). Please try again shortly.",

  importAlreadyRun: 'The file of this import is complete: it has been run. Start a new import to send another file.',
  importPartOutOfOrder: 'Parts go in order: part {next} is next, not {given}.',
  importPartNotBase64: 'The part is not base64.',
  importPartEmpty: 'The part is empty.',
  importPartTooLarge: 'A part is at most {maxKiB} KiB; this one has {bytes} bytes.',
  importFileTooLarge: 'An import file is at most {maxMiB} MiB; split the file.',
  importPartRace: 'Another part arrived at the same time; send the next part again.',
  importNoFile: 'Send the file first (addCardImportPart).',
  importAlreadySucceeded: 'This import has already succeeded.',
  importAlreadyRunning: 'This import is already running; poll it.',

  importOnLine: 'line {line}: {problems}',
  importFileEmpty: 'the file is empty; it needs a header row and at least one card.',
  importNoNameColumn: 'the header has no name column (name or 氏名); columns found: {columns}.',
  importNoCards: 'the file has a header but no cards.',
  importTooManyRows: 'the file has {rows} cards; at most {max} are imported at once. Split it.',
  importRowColumns: '{count} columns, but the header has {header}.',
  importQuoteNotClosed: 'a quoted field is never closed.',
  importStoppedOnError: 'The import stopped on an error on our side; nothing was imported. It has been logged; please try again.',

  fileMethodNotAllowed: 'Files are fetched with GET.',
  fileLinkInvalid: 'This link is not valid.',
  fileLinkExpired: 'This link has expired; ask for the card or the export again for a new one.',
  fileGone: 'The file is no longer there.',
};
