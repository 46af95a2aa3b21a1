import { useEffect, useState, type RefObject } from 'react';
import { readScenarioFile, readScenarioText, type ImportResult } from './files';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** Text worth reading as a scenario: JSON of an object, or a link. */
const looksLikeScenario = (text: string) => /^\s*(\{|https?:\/\/\S*[?&]scenario=)/.test(text);

/**
 * Drag-and-drop and paste of a scenario onto one visualizer: a file dropped
 * on its element, or a file, scenario JSON or link pasted while focus is in
 * it (or anywhere on a page that has only it). Returns whether a file is
 * being dragged over it, for the page to say "drop it here".
 */
export function useImportGestures(
  anchor: RefObject<HTMLElement | null>,
  onResult: (r: ImportResult) => void,
): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const root = anchor.current?.closest<HTMLElement>('.visualizer');
    if (!root) return;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!root.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void readScenarioFile(file).then(onResult);
    };
    const paste = (e: ClipboardEvent) => {
      const target = e.target as Node | null;
      const mine =
        (target && root.contains(target)) ||
        ((target === document.body || target === document.documentElement) &&
          document.querySelectorAll('.visualizer').length === 1);
      if (!mine || typingIn(e.target)) return;
      const file = e.clipboardData?.files[0];
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (file) {
        e.preventDefault();
        void readScenarioFile(file).then(onResult);
      } else if (looksLikeScenario(text)) {
        e.preventDefault();
        void readScenarioText(text).then(onResult);
      }
    };
    root.addEventListener('dragover', over);
    root.addEventListener('dragleave', leave);
    root.addEventListener('drop', drop);
    document.addEventListener('paste', paste);
    return () => {
      root.removeEventListener('dragover', over);
      root.removeEventListener('dragleave', leave);
      root.removeEventListener('drop', drop);
      document.removeEventListener('paste', paste);
    };
  }, [anchor, onResult]);
  return dragging;
}
