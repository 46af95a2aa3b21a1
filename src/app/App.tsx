import { useEffect } from 'react';
import { useVisualizer } from '../store';
import { selectTheme } from '../store/selectors';
import { VisualizerView } from './VisualizerView';

/** The app as a page of its own: one visualizer, keys on the whole window, the page in its theme. */
export function App() {
  const theme = useVisualizer(selectTheme);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return <VisualizerView keys="window" />;
}
