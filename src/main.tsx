import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import { startKeptFileSync } from './url/keptSync';
import { startUrlSync } from './url/sync';

startUrlSync();
startKeptFileSync();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
