import { createContext, useContext } from 'react';
import type { PlenumApi } from '../../../src/common/ipc/plenum-api';

/** The API handed down the tree (a context, so screens never reach for a global and tests can swap it). */
export const PlenumContext = createContext<PlenumApi | null>(null);

/** The Plenum API; only rendered below a provider that holds one. */
export function usePlenum(): PlenumApi {
  const api = useContext(PlenumContext);
  if (api === null) throw new Error('usePlenum outside a PlenumContext provider');
  return api;
}
