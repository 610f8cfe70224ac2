/**
 * What the first screen of "Your applications" was painted from before the app had loaded (issue
 * 13; read by src/storage/first-read.ts, painted by src/app/pre-paint.tsx). The app gives it to
 * the page it mounts first, so that page's first render shows the same data and React mounts over
 * the painted page without anything changing; the page then reads its data again as usual. Only
 * for the route the app started on: undefined once the user has gone anywhere else.
 */
import { createContext, useContext } from 'react';
import type { FirstScreen } from '@/domain/application/first-screen';

export type { FirstScreen } from '@/domain/application/first-screen';

export const FirstScreenContext = createContext<FirstScreen | undefined>(undefined);

export function useFirstScreen(): FirstScreen | undefined {
  return useContext(FirstScreenContext);
}
