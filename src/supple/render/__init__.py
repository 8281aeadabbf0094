"""What the engine itself renders: the plan as terminal text and the documented JSON shapes
(exporters, in plugins, render everything else)."""
