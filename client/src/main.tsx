import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { localData } from './app/local-data.js';
import { registerServiceWorker } from './app/service-worker.js';
import { applyBrandColor, applyTheme } from './app/theme.js';
import './app/styles.css';

// Before the first paint: the ISP's colour (the BFF writes it into the page) and the chosen theme.
applyBrandColor(document.querySelector<HTMLMetaElement>('meta[name="theme-color"]')?.content ?? '');
applyTheme(localData.loadTheme());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void registerServiceWorker();
