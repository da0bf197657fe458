import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { electronBridge } from './bridge/electron-bridge.ts';
import { createWebBridge } from './bridge/web-bridge.ts';
import { createAppStore, StoreContext } from './store.ts';
import './styles.css';

const bridge = electronBridge() ?? createWebBridge();
const store = createAppStore(bridge);
const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
