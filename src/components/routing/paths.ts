/** Every in-app address, in one place, so features link to each other's pages without importing them. */
const enc = encodeURIComponent;

export const paths = {
  home: () => '/',
  start: () => '/start',
  /** Start an application for one of the LMC's adverts (from config.json). */
  startForAdvert: (advertId: string) => `/start?advert=${enc(advertId)}`,
  settings: () => '/settings',
  offline: () => '/offline',
  accessibility: () => '/accessibility',
  taskList: (appId: string) => `/applications/${enc(appId)}`,
  page: (appId: string, sectionId: string, pageId: string) =>
    `/applications/${enc(appId)}/sections/${enc(sectionId)}/${enc(pageId)}`,
  item: (appId: string, sectionId: string, pageId: string, questionId: string, itemId: string) =>
    `/applications/${enc(appId)}/sections/${enc(sectionId)}/${enc(pageId)}/items/${enc(questionId)}/${enc(itemId)}`,
  sectionCheck: (appId: string, sectionId: string) => `/applications/${enc(appId)}/sections/${enc(sectionId)}/check`,
  evidence: (appId: string) => `/applications/${enc(appId)}/evidence`,
  review: (appId: string) => `/applications/${enc(appId)}/review`,
  /** The LMC's comments on this application, imported from a comments file. */
  comments: (appId: string) => `/applications/${enc(appId)}/comments`,
  /** An LMC officer's reviews: open a review file, and the reviews on this computer. */
  reviews: () => '/reviews',
  reviewer: (reviewId: string) => `/reviews/${enc(reviewId)}`,
  /** Member returns for this application: ask, import, check and accept. */
  returns: (appId: string) => `/applications/${enc(appId)}/returns`,
  checkReturn: (appId: string, requestId: string) => `/applications/${enc(appId)}/returns/${enc(requestId)}`,
  /** "Fill in a return": open a request file, and the returns being filled in on this computer. */
  fillInReturn: () => '/returns',
  details: (appId: string) => `/applications/${enc(appId)}/details`,
  /** "Start a new application from this one": another advert or other services, answers copied. */
  startFrom: (appId: string) => `/applications/${enc(appId)}/start-another`,
  /** What was copied into a new application from the one it was started from. */
  copied: (appId: string, fromId: string) => `/applications/${enc(appId)}/copied?from=${enc(fromId)}`,
};

/** Adds "?return=..." so a Change link comes back to where it started. */
export const withReturn = (path: string, returnTo: string) => `${path}?return=${enc(returnTo)}`;
