"""The planning pipeline, one module per stage in the order data flows:

1. :mod:`~supple.pipeline.load`: find and read the routine and the profile;
2. :mod:`~supple.pipeline.resolve`: look every name up in the plugin registry;
3. :mod:`~supple.pipeline.schedule`: the sessions' start times;
4. :mod:`~supple.pipeline.progression`: each week's doses;
5. :mod:`~supple.pipeline.safety`: the safety filters on every session, last word;
6. :mod:`~supple.pipeline.timing`: each session laid out in time;
7. :mod:`~supple.pipeline.export`: bytes from an exporter.

:mod:`~supple.pipeline.orchestrator` runs stages 2-6 (:func:`build_plan`); the CLI and
:mod:`supple.testing` call it and stage 7. :mod:`~supple.pipeline.workload` bounds the total work
before any of it.
"""
