"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPCClient } from "@/trpc/client";
import { Button } from "../../ui/button";
import { AskFirstDialog, type AskFirst } from "../../ui/ask-first";
import { StepError } from "./step-error";
import { useArticleStep } from "./use-article-step";

export interface EditorialState {
  id: string;
  isEditor: boolean;
  canEdit: boolean;
  wasPublished: boolean;
  isLive: boolean;
  pinned: boolean;
  slug: string;
  legalReviewRequired: boolean;
  holdForComments: boolean;
  legalSignOff: string | null;
  embargoedUntilLocal: string | null;
  embargoLabel: string | null;
  timeZone: string;
}

const inputClass = "rounded border border-neutral-500 px-3 py-2";

/** An editor's per-article setting: what it is now, the button that turns it round, and more. */
function Setting({
  says,
  toggle,
  busy,
  onToggle,
  children,
}: {
  says: string;
  toggle: string;
  busy: boolean;
  onToggle: () => void;
  children?: ReactNode;
}) {
  return (
    <>
      <p className="text-sm">{says}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={busy} onClick={onToggle}>
          {toggle}
        </Button>
        {children}
      </div>
    </>
  );
}

export function EditorialControls({ state }: { state: EditorialState }) {
  const client = useTRPCClient();
  const { run, busy, error, reload } = useArticleStep();
  const [embargo, setEmbargo] = useState(state.embargoedUntilLocal ?? "");
  const [correction, setCorrection] = useState("");
  const [slug, setSlug] = useState(state.slug);
  const ref = (version: number) => ({ id: state.id, version });
  // Steps that cannot be taken back quietly ask first, saying what will happen.
  const [asking, setAsking] = useState<(AskFirst & { quote?: string; act: () => Promise<boolean> }) | null>(null);

  function addCorrection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = correction.trim();
    setAsking({
      title: "Publish this correction?",
      text: "This text is published at once and can never be changed.",
      quote: text,
      label: "Publish correction",
      act: async () => {
        const ok = await run((version) => client.workflow.addCorrection.mutate({ ...ref(version), text }));
        if (ok) setCorrection("");
        return ok;
      },
    });
  }

  if (!state.isEditor && !state.canEdit) return null;
  return (
    <div className="flex flex-col gap-4">
      {!asking ? <StepError error={error} onReload={reload} /> : null}

      {state.isEditor ? (
        <div className="flex flex-col gap-2">
          <Setting
            says={`Legal review: ${
              state.legalReviewRequired
                ? state.legalSignOff
                  ? `signed off (${state.legalSignOff})`
                  : "required, not signed off"
                : "not required"
            }`}
            toggle={state.legalReviewRequired ? "Clear legal review" : "Require legal review"}
            busy={busy}
            onToggle={() =>
              void run((version) =>
                client.workflow.setLegalReview.mutate({ ...ref(version), required: !state.legalReviewRequired }),
              )
            }
          >
            {state.legalReviewRequired && !state.legalSignOff ? (
              <Button
                type="button"
                disabled={busy}
                onClick={() =>
                  setAsking({
                    title: "Record the legal sign-off?",
                    text: "It is recorded in your name on the article's timeline, and the article may then be published.",
                    label: "Record sign-off",
                    act: () => run((version) => client.workflow.signOffLegal.mutate(ref(version))),
                  })
                }
              >
                Record legal sign-off
              </Button>
            ) : null}
          </Setting>
          <Setting
            says={`Comments: ${state.holdForComments ? "publishing waits until every thread is resolved" : "do not hold publishing"}`}
            toggle={state.holdForComments ? "Stop holding for comments" : "Hold publishing until comments are resolved"}
            busy={busy}
            onToggle={() =>
              void run((version) =>
                client.workflow.setHoldForComments.mutate({ ...ref(version), hold: !state.holdForComments }),
              )
            }
          />
        </div>
      ) : null}

      {state.canEdit ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run((version) => client.workflow.setEmbargo.mutate({ ...ref(version), until: embargo || null }));
          }}
        >
          <label htmlFor="embargo-until" className="text-sm font-semibold">
            Embargoed until ({state.timeZone})
          </label>
          <p id="embargo-hint" className="text-sm text-neutral-700">
            {state.embargoLabel ? `Now embargoed until ${state.embargoLabel}.` : "No embargo."} Leave empty to lift it.
          </p>
          <div className="flex flex-wrap gap-2">
            <input
              id="embargo-until"
              type="datetime-local"
              value={embargo}
              onChange={(e) => setEmbargo(e.target.value)}
              aria-describedby="embargo-hint"
              className={inputClass}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              Set embargo
            </Button>
          </div>
        </form>
      ) : null}

      {state.isEditor && state.isLive ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm">
            Home page: {state.pinned ? "pinned as the lead story" : "not pinned (the newest story leads)"}
          </p>
          <div>
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() =>
                setAsking(
                  state.pinned
                    ? {
                        title: "Unpin this story?",
                        text: "The newest story leads the home page again, for every reader at once.",
                        label: "Unpin",
                        act: () => run(() => client.article.pin.mutate({ id: state.id, pinned: false })),
                      }
                    : {
                        title: "Pin as the lead story?",
                        text: "It leads the home page for every reader at once, in place of the story pinned now (if any).",
                        label: "Pin",
                        act: () => run(() => client.article.pin.mutate({ id: state.id, pinned: true })),
                      },
                )
              }
            >
              {state.pinned ? "Unpin from the home page" : "Pin as the lead story"}
            </Button>
          </div>
        </div>
      ) : null}

      {state.canEdit && state.wasPublished ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const next = slug.trim();
            setAsking({
              title: "Change the address?",
              text: `The article moves to /articles/${next}. Readers and links using /articles/${state.slug} are sent there.`,
              label: "Change address",
              act: () => run((version) => client.article.changeSlug.mutate({ ...ref(version), slug: next })),
            });
          }}
        >
          <label htmlFor="change-address" className="text-sm font-semibold">
            Address (slug)
          </label>
          <p id="change-address-hint" className="text-sm text-neutral-700">
            Now /articles/{state.slug}. Every earlier address keeps working: it redirects to the new one.
          </p>
          <div className="flex flex-wrap gap-2">
            <input
              id="change-address"
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              aria-describedby="change-address-hint"
              maxLength={80}
              className={inputClass}
            />
            <Button type="submit" variant="secondary" disabled={busy || slug.trim() === state.slug}>
              Change address
            </Button>
          </div>
        </form>
      ) : null}

      {state.isEditor && state.wasPublished ? (
        <form className="flex flex-col gap-2" onSubmit={addCorrection}>
          <label htmlFor="correction-text" className="text-sm font-semibold">
            Correction
          </label>
          <p id="correction-hint" className="text-sm text-neutral-700">
            Shown on the public article, dated, and kept permanently.
          </p>
          <textarea
            id="correction-text"
            rows={3}
            maxLength={2000}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            aria-describedby="correction-hint"
            className={inputClass}
          />
          <div>
            <Button type="submit" disabled={busy || correction.trim() === ""}>
              Add correction
            </Button>
          </div>
        </form>
      ) : null}
      {asking ? (
        <AskFirstDialog
          id="editorial-confirm"
          ask={asking}
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            void asking.act().then((ok) => {
              if (ok) setAsking(null);
            });
          }}
        >
          {asking.quote ? (
            <blockquote className="whitespace-pre-line border-l-4 border-neutral-400 pl-3 text-sm">
              {asking.quote}
            </blockquote>
          ) : null}
          <StepError error={error} onReload={reload} />
        </AskFirstDialog>
      ) : null}
    </div>
  );
}
