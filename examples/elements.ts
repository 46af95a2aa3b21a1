// Defines <unload-visualizer>: the same module the library's element bundle is built from.
import '../src/lib/element-entry';
