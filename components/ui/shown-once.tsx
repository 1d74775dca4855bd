/** A secret the server gives out once (an API key, a signing secret): said so, and easy to copy. */
export function ShownOnce({ id, title, label, value }: { id: string; title: string; label: string; value: string }) {
  return (
    <div role="status" className="flex flex-col gap-2 rounded border border-green-800 p-4">
      <p className="font-semibold">{title}</p>
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        className="rounded border border-neutral-500 px-3 py-2 font-mono text-sm"
        onFocus={(event) => event.target.select()}
      />
    </div>
  );
}
