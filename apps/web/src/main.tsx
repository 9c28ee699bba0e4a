import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KyodoApp } from './kyodo-app.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <KyodoApp />
  </StrictMode>,
);
