/** A form's error, announced when it appears; nothing when there is none. */
export function FormAlert({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-800">
      {message}
    </p>
  );
}
