/** The client entry: the GI types' colours on the document, then the app shell (which imports every page). */
import { applyGiColours } from './lib/gi-type-styles';
import './gi-app';

applyGiColours(document.documentElement);
