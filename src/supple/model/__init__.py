"""The data model: frozen attrs classes only, no behaviour beyond describing themselves
(exercises and doses, routines, profiles, planned steps and plans)."""
