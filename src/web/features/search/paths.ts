/** The path of the search page (kept beside the feature; the shell and router import it). */
export const SEARCH_PATH = '/search'
