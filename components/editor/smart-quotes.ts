import { Extension, InputRule, textInputRule } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Storage {
    smartQuotes: { enabled: boolean };
  }
}

/** A quote typed at the start of a line, after a space or an opening bracket or quote, opens. */
const OPENS_AFTER = "(?:^|[\\s{[(<'\"\\u2018\\u201C])";

/** Tiptap's own text rule for the replacement, which applies only while switched on. */
function quoteRule(find: RegExp, replace: string, storage: { enabled: boolean }): InputRule {
  const rule = textInputRule({ find, replace });
  return new InputRule({ find, handler: (props) => (storage.enabled ? rule.handler(props) : null) });
}

/**
 * Typographic quotes as you type: “ ” ‘ ’ (the apostrophe too). Editor only (no schema
 * change); switched off and on through `editor.storage.smartQuotes.enabled`. Not inside code
 * blocks (Tiptap runs no input rules there).
 */
export const SmartQuotes = Extension.create({
  name: "smartQuotes",
  addStorage() {
    return { enabled: true };
  },
  addInputRules() {
    const storage = this.storage;
    return [
      quoteRule(new RegExp(`${OPENS_AFTER}(")$`), "\u201C", storage),
      quoteRule(/"$/, "\u201D", storage),
      quoteRule(new RegExp(`${OPENS_AFTER}(')$`), "\u2018", storage),
      quoteRule(/'$/, "\u2019", storage),
    ];
  },
});

/** This device's choice of typographic quotes (on unless switched off here). */
const SMART_QUOTES_KEY = "masthead:smart-quotes";

export function readSmartQuotes(): boolean {
  try {
    return window.localStorage.getItem(SMART_QUOTES_KEY) !== "off";
  } catch {
    return true;
  }
}

export function writeSmartQuotes(on: boolean): void {
  try {
    window.localStorage.setItem(SMART_QUOTES_KEY, on ? "on" : "off");
  } catch {
    // Storage disabled: the choice lasts for this page.
  }
}
