import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/Popup';
import { createChecklistStore } from '../../utils/store';
import '../../components/theme.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Popup store={createChecklistStore()} />
    </StrictMode>,
  );
}
