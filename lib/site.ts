/**
 * The public site's name and description. Its address is a server setting (server/site.ts),
 * handed to the components that print absolute links.
 */
export const SITE_NAME = "Masthead";
export const SITE_DESCRIPTION = "News from the Masthead newsroom.";
