import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '../../components/SidePanel';
import { createChecklistStore } from '../../utils/store';
import '../../components/theme.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanel store={createChecklistStore()} />
    </StrictMode>,
  );
}
