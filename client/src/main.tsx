import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { startFirstRead } from './app/cabinet-state.js';
import { localData } from './app/local-data.js';
import { registerServiceWorker } from './app/service-worker.js';
import { applyBrandColor, applyTheme } from './app/theme.js';
import { isLanguage, loadMessages, localeFor, matchLanguage, type Language } from './i18n/index.js';
import { warmUpFormats } from './i18n/warm-up.js';
import './app/styles.css';

function firstLanguage(): Language {
  const saved = localData.loadLanguage();
  return isLanguage(saved) ? saved : matchLanguage(navigator.languages);
}

// Before the first paint: the ISP's colour (the BFF writes it into the page) and the chosen theme.
applyBrandColor(document.querySelector<HTMLMetaElement>('meta[name="theme-color"]')?.content ?? '');
applyTheme(localData.loadTheme());
// The dictionary, the number and date formats and the first read all start now, beside React's
// start, not after it.
const language = firstLanguage();
void loadMessages(language);
warmUpFormats(localeFor(language, navigator.languages));
startFirstRead();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App firstLanguage={language} />
    </StrictMode>,
  );
}
void registerServiceWorker();
