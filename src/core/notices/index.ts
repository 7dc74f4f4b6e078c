/**
 * Downgrade notices (issue 7): template model and defaults (templates), placeholder syntax and
 * checks (placeholders), rendering with the analysis' figures (render), and a one-page-per-letter
 * .docx (docx). Pure: no Office, no DOM.
 */
export * from './placeholders';
export * from './templates';
export * from './render';
export * from './docx';
