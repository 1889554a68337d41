/** The client entry: defines the app shell (which imports every page). */
import './gi-app';
