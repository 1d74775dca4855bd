import { NotFoundMessage } from "@/components/public/public-notice";

/** Inside the public layout, which already has the header and the main landmark. */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
