import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './lib/i18n/locale.svelte.ts';
import './app.css';

// A tab left open across a release asks for page chunks that no longer exist; a fresh index.html names the new ones.
window.addEventListener('vite:preloadError', () => window.location.reload());

void locale.ready().then(() => mount(App, { target: document.getElementById('app') as HTMLElement }));
