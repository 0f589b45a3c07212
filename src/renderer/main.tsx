/** Renderer entry: mounts the window and connects it to main through the host's FerryApi. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as actions from './actions';
import { App, ErrorBoundary } from './app';
import { holdSubmitsWhileComposing } from './lib/ime';
import './styles/base.css';
import './styles/layout.css';
import './styles/file-list.css';
import './styles/panels.css';
import './styles/dialogs.css';

const container = document.getElementById('root');
if (!container) throw new Error('Ferry: #root is missing from index.html');

holdSubmitsWhileComposing(document);

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

actions.init().catch(actions.reportStartupFailure);
