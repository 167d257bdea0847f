/**
 * Whether this tab's session was opened by network address: the BFF then asks for the password
 * before a service change, and the screens say so before the tap. Kept for the tab only; the BFF
 * decides in the end, and its PASSWORD_REQUIRED sets the mark too.
 */
const KEY = 'abonent.needsPassword';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export const stepUp = {
  needed: (): boolean => storage()?.getItem(KEY) === '1',
  require: (): void => storage()?.setItem(KEY, '1'),
  done: (): void => storage()?.removeItem(KEY),
};
