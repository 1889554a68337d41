/** The client entry: the GI types' colours and the remembered display (large text) on the document, then the app shell (which imports every page). */
import { applyDisplayMode } from './lib/display-mode';
import { applyGiColours } from './lib/gi-type-styles';
import './gi-app';

applyGiColours(document.documentElement);
applyDisplayMode(document.documentElement);
