"use client";

import { Button } from "../../ui/button";

/** Prints the page (the budget for the morning meeting); the navigation stays off paper. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      Print
    </Button>
  );
}
