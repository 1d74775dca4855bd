/** A form's success message, announced politely when it appears; nothing when there is none. */
export function FormStatus({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="status" className="text-sm text-green-900">
      {message}
    </p>
  );
}
