import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installTestHooks } from './state/testHooks';
import './styles/app.css';
import { startKeptFileSync } from './url/keptSync';
import { startUrlSync } from './url/sync';

startUrlSync();
startKeptFileSync();

installTestHooks(window.location.search);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
