/**
 * Text for the terminal: whatever the CLI prints may carry client names and sheet names from the
 * file, so escape sequences (ANSI CSI / OSC, e.g. "\x1b[2J" or a hyperlink) and other control
 * characters are removed before printing. Newlines and tabs stay.
 */
// ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), ESC and one character, and the 8-bit CSI
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// C0 controls but \t and \n, DEL, C1 controls, and bidirectional overrides that reorder what is shown
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '');
}
