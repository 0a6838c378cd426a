import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './lib/i18n/locale.svelte.ts';
import './app.css';

// A tab left open across a release asks for page chunks that no longer exist; a fresh index.html names
// the new ones. Once per tab only, so a chunk that is missing for another reason cannot loop reloads.
const RELOADED = 'kadence.reloadedForChunks';
window.addEventListener('vite:preloadError', () => {
  if (sessionStorage.getItem(RELOADED)) return;
  sessionStorage.setItem(RELOADED, '1');
  window.location.reload();
});

void locale.ready().then(() => mount(App, { target: document.getElementById('app') as HTMLElement }));
